package app.exosphere.core.config;

import java.util.List;

/**
 * The default security group a cloud wants for a region (cloud {@code securityGroups}, exosphere-spec
 * §8.4, §9.12).
 *
 * <pre>{@code
 * SecurityGroupTemplate g = cloud.securityGroupFor("TACC").orElseThrow();   // tacc-default
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
