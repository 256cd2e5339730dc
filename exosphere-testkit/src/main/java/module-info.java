/**
 * A simulated OpenStack research cloud (Keystone, Nova, Glance, Neutron, Cinder, Placement, UAP and
 * Guacamole) running in process on MockWebServer, for tests and demos.
 */
module app.exosphere.testkit {
    requires transitive app.exosphere.cloudinit;
    requires transitive app.exosphere.uap;
    requires transitive mockwebserver3;
    requires transitive okhttp3;
    requires transitive okhttp3.tls;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires jdk.jfr; // SecretLeakScanner records exception messages
    requires jdk.compiler; // DroppedCalls attributes sources with javac
    requires transitive org.junit.jupiter.api;

    exports app.exosphere.testkit;
}
