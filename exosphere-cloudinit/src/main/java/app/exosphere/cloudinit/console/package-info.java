/**
 * The protocol an Exosphere instance speaks on its console, read from the Nova console log: the generic
 * JSON line scanner ({@link app.exosphere.cloudinit.console.ConsoleScanner}), setup status
 * ({@link app.exosphere.cloudinit.console.SetupStatus}, the {@code exoSetup} metadata), resource usage
 * ({@link app.exosphere.cloudinit.console.ResourceUsageHistory} and alerts), server-version feature
 * gates and volume mountpoints. Pure logic, no I/O.
 */
package app.exosphere.cloudinit.console;
