/**
 * Ready exosphere-core clients for a running {@link app.exosphere.testkit.CloudSimulator}: see
 * {@link app.exosphere.testkit.connect.SimulatorConnections}.
 */
package app.exosphere.testkit.connect;
