/**
 * User Application Proxy (UAP) URLs, exactly as the Exosphere web app builds them.
 *
 * <p>Pick the UAP of a project with {@link app.exosphere.uap.UapCatalog} / {@link
 * app.exosphere.uap.UapConfig}, build URLs with {@link app.exosphere.uap.UapUrl} or the service helpers
 * {@link app.exosphere.uap.GuacamoleUrls} and {@link app.exosphere.uap.JupyterUrls}, and recover the
 * target of a request with {@link app.exosphere.uap.UapTarget#parseRequestHost(String, String)}. Bad
 * input throws {@link app.exosphere.uap.InvalidUapValueException}.
 *
 * <pre>{@code
 * String uap = UapCatalog.exosphereDefaults()
 *         .uapHostnameFor("https://js2.jetstream-cloud.org:5000/identity/v3", "IU")
 *         .orElseThrow();
 * UapUrl api = GuacamoleUrls.tokenApi(uap, "149.165.157.212");
 * }</pre>
 */
package app.exosphere.uap;
