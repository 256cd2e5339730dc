package app.exosphere.core.rules;

import app.exosphere.core.config.SecurityGroupRuleTemplate;
import app.exosphere.core.config.SecurityGroupTemplate;
import app.exosphere.core.network.SecurityGroupRule;
import app.exosphere.core.network.SecurityGroupRuleCreateRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
     * Compares the existing rules of a group with the template: template rules without an equal existing
     * rule are to be created, existing rules without an equal template rule are to be deleted.
     */
    // Exosphere's `Rest.Neutron.requestUpdateSecurityGroupRules` reconcile
    public static Plan reconcile(SecurityGroupTemplate template, List<SecurityGroupRule> existing) {
        List<SecurityGroupRuleTemplate> toCreate = new ArrayList<>();
        for (SecurityGroupRuleTemplate wanted : template.rules()) {
            if (existing.stream().noneMatch(have -> sameAs(wanted, asTemplate(have)))) {
                toCreate.add(wanted);
            }
        }
        List<String> toDelete = new ArrayList<>();
        for (SecurityGroupRule have : existing) {
            SecurityGroupRuleTemplate h = asTemplate(have);
            if (template.rules().stream().noneMatch(w -> sameAs(w, h)) && have.id() != null) {
                toDelete.add(have.id());
            }
        }
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
     * Exosphere's {@code matchRuleAndDescription}: same ethertype, direction, protocol, ports and remote,
     * and descriptions equal after trimming with blank and absent treated alike.
     */
    // Exosphere's `GetterSetters.projectDefaultSecurityGroup`
    public static boolean sameAs(SecurityGroupRuleTemplate a, SecurityGroupRuleTemplate b) {
        return eq(a.ethertype(), b.ethertype())
                && eq(a.direction(), b.direction())
                && Objects.equals(normalizeProtocol(a.protocol()), normalizeProtocol(b.protocol()))
                && Objects.equals(a.portRangeMin(), b.portRangeMin())
                && Objects.equals(a.portRangeMax(), b.portRangeMax())
                && Objects.equals(blankToNull(a.remoteIpPrefix()), blankToNull(b.remoteIpPrefix()))
                && Objects.equals(blankToNull(a.remoteGroupId()), blankToNull(b.remoteGroupId()))
                && Objects.equals(trimToNull(a.description()), trimToNull(b.description()));
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

    private static boolean eq(String a, String b) {
        return a == null ? b == null : b != null && a.equalsIgnoreCase(b);
    }

    static String normalizeProtocol(String p) {
        if (p == null || p.isBlank() || p.equalsIgnoreCase("any")) {
            return null;
        }
        String lower = p.toLowerCase(Locale.ROOT);
        return lower.equals("ipv6-icmp") ? "icmpv6" : lower;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
