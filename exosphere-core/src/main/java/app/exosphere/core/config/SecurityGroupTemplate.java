package app.exosphere.core.config;

import java.util.List;

/**
 * The default security group a cloud wants for a region (cloud {@code securityGroups}, Exosphere's
 * {@code State.Init.cloudSpecificConfigDecoder} and {@code GetterSetters.projectDefaultSecurityGroup}).
 *
 * <pre>{@code
 * SecurityGroupTemplate g = ExosphereCloudConfigs.builtIn().forKeystoneHostname("js2.jetstream-cloud.org").orElseThrow().securityGroupFor("TACC").orElseThrow();   // tacc-default
 * }</pre>
 *
 * @param name group name
 * @param description description, or null
 * @param rules its rules
 */
public record SecurityGroupTemplate(String name, String description, List<SecurityGroupRuleTemplate> rules) {
    public SecurityGroupTemplate {
        rules = List.copyOf(rules);
    }
}
