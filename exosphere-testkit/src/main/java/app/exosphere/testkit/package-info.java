/**
 * A simulated OpenStack research cloud (Keystone, Nova, Glance, Neutron, Cinder, Placement, UAP and
 * Guacamole) running in process on MockWebServer, for tests and demos. Start with
 * {@link app.exosphere.testkit.CloudSimulator} or annotate a JUnit 5 test with
 * {@link app.exosphere.testkit.WithCloudSimulator}.
 */
package app.exosphere.testkit;
