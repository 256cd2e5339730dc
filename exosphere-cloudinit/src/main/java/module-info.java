/**
 * Exosphere's cloud-init user data (build, parse, size checks) and the protocol an instance speaks on
 * its console (setup status, resource usage, JSON status lines). Pure logic, no HTTP.
 */
module app.exosphere.cloudinit {
    requires static org.immutables.value.annotations;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports app.exosphere.cloudinit;
    exports app.exosphere.cloudinit.console;
    exports app.exosphere.cloudinit.console.chart;
}
