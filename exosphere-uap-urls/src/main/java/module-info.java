/**
 * User Application Proxy (UAP) hostname and URL derivation, exactly as the Exosphere web app builds
 * them. Pure logic with no dependencies and no I/O.
 */
module app.exosphere.uap {
    exports app.exosphere.uap;
}
