package app.exosphere.core.rules;

import app.exosphere.core.config.SecurityGroupRuleTemplate;
import app.exosphere.core.config.SecurityGroupTemplate;
import app.exosphere.core.network.SecurityGroupRule;
import app.exosphere.core.network.SecurityGroupRuleCreateRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Exosphere's security-group rules over the configured {@link SecurityGroupTemplate}: the default template
 * every Exosphere instance is launched into when the cloud names none, and the reconciliation Exosphere
 * performs when the group already exists (missing rules are added, rules that are not in the template are
 * deleted).
 *
 * <pre>{@code
 * SecurityGroupTemplate t = SecurityGroupTemplates.exosphereDefault();   // "exosphere", 8 rules
 * SecurityGroupTemplates.Plan plan = SecurityGroupTemplates.reconcile(t, network.securityGroups().get(id).execute().rules());
 * plan.toCreate();   // rules to POST
 * plan.toDelete();   // rule ids to DELETE
 * }</pre>
 */
public final class SecurityGroupTemplates {

    private SecurityGroupTemplates() {}

    /**
     * What reconciliation must change: template rules to create, and ids of existing rules to delete.
     *
     * @param toCreate template rules without an equal existing rule
     * @param toDelete ids of existing rules without an equal template rule
     */
    public record Plan(List<SecurityGroupRuleTemplate> toCreate, List<String> toDelete) {
        /** Copies the lists. */
        public Plan {
            toCreate = List.copyOf(toCreate);
            toDelete = List.copyOf(toDelete);
        }

        /** Whether the group already matches the template. */
        public boolean isEmpty() {
            return toCreate.isEmpty() && toDelete.isEmpty();
        }
    }

    /** The template Exosphere uses when the cloud configuration names none for the region. */
    // Exosphere's `GetterSetters.projectDefaultSecurityGroup` default template
    public static SecurityGroupTemplate exosphereDefault() {
        return new SecurityGroupTemplate(
                "exosphere",
                "Firewall Ruleset for instances launched via Exosphere",
                List.of(
                        rule("IPv4", "ingress", "tcp", 22, 22, "SSH"),
                        rule("IPv6", "ingress", "tcp", 22, 22, "SSH IPv6"),
                        rule("IPv4", "ingress", "icmp", null, null, "Ping"),
                        rule("IPv6", "ingress", "icmpv6", null, null, "Ping IPv6"),
                        rule("IPv4", "ingress", "udp", 60000, 61000, "Mosh"),
                        rule("IPv4", "ingress", "tcp", null, null, "Expose all incoming ports"),
                        rule("IPv4", "egress", null, null, null, "Allow all outgoing IPv4 traffic"),
                        rule("IPv6", "egress", null, null, null, "Allow all outgoing IPv6 traffic")));
    }

    private static SecurityGroupRuleTemplate rule(
            String ethertype, String direction, String protocol, Integer min, Integer max, String description) {
        return new SecurityGroupRuleTemplate(ethertype, direction, protocol, min, max, null, null, description);
    }

    /**
     * Compares the existing rules of a group with the template by {@link SecurityGroupRules#diff}: template
     * rules without an existing rule of the same effect and description are to be created, existing rules
     * without such a template rule are to be deleted (so Neutron's undescribed default egress rules are
     * replaced by the template's described ones).
     */
    // Exosphere's `SecurityGroupRule.compareSecurityGroupRuleLists` as `Rest.Neutron.requestUpdateSecurityGroupRules`
    // applies it
    public static Plan reconcile(SecurityGroupTemplate template, List<SecurityGroupRule> existing) {
        String groupId = existing.isEmpty() ? "" : existing.get(0).securityGroupId();
        List<SecurityGroupRule> wanted = template.rules().stream()
                .map(r -> SecurityGroupRules.fromTemplate(r, groupId))
                .toList();
        SecurityGroupRules.Diff diff = SecurityGroupRules.diff(existing, wanted);
        List<SecurityGroupRuleTemplate> toCreate = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (diff.missing().contains(wanted.get(i))) {
                toCreate.add(template.rules().get(i));
            }
        }
        List<String> toDelete = diff.extra().stream().map(SecurityGroupRule::id).toList();
        return new Plan(toCreate, toDelete);
    }

    /** An existing Neutron rule in template form (its id dropped). */
    public static SecurityGroupRuleTemplate asTemplate(SecurityGroupRule r) {
        return new SecurityGroupRuleTemplate(
                r.ethertype(),
                r.direction(),
                r.protocol().orElse(null),
                r.portRangeMin().orElse(null),
                r.portRangeMax().orElse(null),
                r.remoteIpPrefix().orElse(null),
                r.remoteGroupId().orElse(null),
                r.description().orElse(null));
    }

    /**
     * Exosphere's {@code matchRuleAndDescription} over two rules in template form: same ethertype,
     * direction, protocol, ports and remote, and descriptions equal after trimming with blank and absent
     * treated alike ({@link SecurityGroupRules#sameEffectAndDescription}).
     */
    // Exosphere's `SecurityGroupRule.matchRuleAndDescription`
    public static boolean sameAs(SecurityGroupRuleTemplate a, SecurityGroupRuleTemplate b) {
        return SecurityGroupRules.sameEffectAndDescription(
                SecurityGroupRules.fromTemplate(a, ""), SecurityGroupRules.fromTemplate(b, ""));
    }

    /** The Neutron create request for a template rule in the group {@code securityGroupId}. */
    public static SecurityGroupRuleCreateRequest toCreateRequest(SecurityGroupRuleTemplate r, String securityGroupId) {
        return SecurityGroupRuleCreateRequest.builder()
                .securityGroupId(securityGroupId)
                .ethertype(r.ethertype())
                .direction(r.direction())
                .protocol(Optional.ofNullable(r.protocol()))
                .portRangeMin(Optional.ofNullable(r.portRangeMin()))
                .portRangeMax(Optional.ofNullable(r.portRangeMax()))
                .remoteIpPrefix(Optional.ofNullable(r.remoteIpPrefix()))
                .remoteGroupId(Optional.ofNullable(r.remoteGroupId()))
                .description(Optional.ofNullable(r.description()))
                .build();
    }
}
