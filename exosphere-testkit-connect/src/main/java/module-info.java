/**
 * One call from a running simulated cloud (exosphere-testkit) to a ready {@code OpenStack} or
 * {@code Exosphere} client of exosphere-core.
 */
module app.exosphere.testkit.connect {
    requires transitive app.exosphere.core;
    requires transitive app.exosphere.testkit;
    requires okhttp3;

    exports app.exosphere.testkit.connect;
}
