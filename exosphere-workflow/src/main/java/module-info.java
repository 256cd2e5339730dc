/**
 * Binder (repo2docker) workflows on Exosphere instances: source validation, launch contributions,
 * token discovery and Jupyter URLs. Pure logic, no HTTP.
 */
module app.exosphere.workflow {
    requires transitive app.exosphere.uap;
    requires transitive app.exosphere.cloudinit;
    requires com.fasterxml.jackson.databind;

    exports app.exosphere.workflow;
}
