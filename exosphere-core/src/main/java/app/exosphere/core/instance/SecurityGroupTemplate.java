package app.exosphere.core.instance;

import app.exosphere.core.network.SecurityGroupRule;
import app.exosphere.core.network.SecurityGroupRuleCreateRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The security group every Exosphere instance is launched into: its name, description and rules, and the
 * reconciliation Exosphere performs when the group already exists (missing rules are added, rules that are
 * not in the template are deleted).
 *
 * <pre>{@code
 * SecurityGroupTemplate t = SecurityGroupTemplate.exosphereDefault();   // "exosphere", 8 rules
 * SecurityGroupTemplate.Plan plan = t.reconcileWith(group.rules());
 * plan.toCreate();   // rules to POST
 * plan.toDelete();   // rule ids to DELETE
 * }</pre>
 */
public record SecurityGroupTemplate(String name, Optional<String> description, List<Rule> rules) {

    /**
     * One rule. {@code protocol} {@code null} means any; ports {@code null} mean all; remote fields
     * {@code null} mean anywhere. {@code id} is set for rules read from Neutron, {@code null} in templates.
     */
    public record Rule(
            String id,
            String ethertype,
            String direction,
            String protocol,
            Integer portRangeMin,
            Integer portRangeMax,
            String remoteIpPrefix,
            String remoteGroupId,
            String description) {

        /** A template rule without remote restriction. */
        public static Rule of(
                String ethertype, String direction, String protocol, Integer min, Integer max, String description) {
            return new Rule(null, ethertype, direction, protocol, min, max, null, null, description);
        }

        /**
         * Exosphere's {@code matchRuleAndDescription}: same ethertype, direction, protocol, ports and remote,
         * and descriptions equal after trimming with blank and absent treated alike.
         */
        // exosphere-spec §9.12
        public boolean sameAs(Rule other) {
            return eq(ethertype, other.ethertype)
                    && eq(direction, other.direction)
                    && Objects.equals(normalizeProtocol(protocol), normalizeProtocol(other.protocol))
                    && Objects.equals(portRangeMin, other.portRangeMin)
                    && Objects.equals(portRangeMax, other.portRangeMax)
                    && Objects.equals(blankToNull(remoteIpPrefix), blankToNull(other.remoteIpPrefix))
                    && Objects.equals(blankToNull(remoteGroupId), blankToNull(other.remoteGroupId))
                    && Objects.equals(trimToNull(description), trimToNull(other.description));
        }

        /** A rule as read from Neutron. */
        public static Rule from(SecurityGroupRule r) {
            return new Rule(
                    r.id(),
                    r.ethertype(),
                    r.direction(),
                    r.protocol().orElse(null),
                    r.portRangeMin().orElse(null),
                    r.portRangeMax().orElse(null),
                    r.remoteIpPrefix().orElse(null),
                    r.remoteGroupId().orElse(null),
                    r.description().orElse(null));
        }

        /** The Neutron create request for this rule in the group {@code securityGroupId}. */
        public SecurityGroupRuleCreateRequest toCreateRequest(String securityGroupId) {
            return SecurityGroupRuleCreateRequest.builder()
                    .securityGroupId(securityGroupId)
                    .ethertype(ethertype)
                    .direction(direction)
                    .protocol(Optional.ofNullable(protocol))
                    .portRangeMin(Optional.ofNullable(portRangeMin))
                    .portRangeMax(Optional.ofNullable(portRangeMax))
                    .remoteIpPrefix(Optional.ofNullable(remoteIpPrefix))
                    .remoteGroupId(Optional.ofNullable(remoteGroupId))
                    .description(Optional.ofNullable(description))
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

    /** What reconciliation must change: rules to create, and ids of rules to delete. */
    public record Plan(List<Rule> toCreate, List<String> toDelete) {
        /** Whether the group already matches the template. */
        public boolean isEmpty() {
            return toCreate.isEmpty() && toDelete.isEmpty();
        }
    }

    /** Validates and copies. */
    public SecurityGroupTemplate {
        Objects.requireNonNull(name, "name");
        description = description == null ? Optional.empty() : description;
        rules = List.copyOf(rules);
    }

    /**
     * The template a cloud configures in {@code cloud_configs.js} ({@code securityGroups}, exosphere-spec
     * §8.4, §9.12), with this type's reconciliation.
     */
    public static SecurityGroupTemplate from(app.exosphere.core.config.SecurityGroupTemplate configured) {
        List<Rule> rules = new ArrayList<>();
        for (app.exosphere.core.config.SecurityGroupRuleTemplate r : configured.rules()) {
            rules.add(new Rule(
                    null,
                    r.ethertype(),
                    r.direction(),
                    r.protocol(),
                    r.portRangeMin(),
                    r.portRangeMax(),
                    r.remoteIpPrefix(),
                    r.remoteGroupId(),
                    r.description()));
        }
        return new SecurityGroupTemplate(configured.name(), Optional.ofNullable(configured.description()), rules);
    }

    /** The template Exosphere uses when the cloud configuration names none for the region. */
    // exosphere-spec §9.12 default template
    public static SecurityGroupTemplate exosphereDefault() {
        return new SecurityGroupTemplate(
                "exosphere",
                Optional.of("Firewall Ruleset for instances launched via Exosphere"),
                List.of(
                        Rule.of("IPv4", "ingress", "tcp", 22, 22, "SSH"),
                        Rule.of("IPv6", "ingress", "tcp", 22, 22, "SSH IPv6"),
                        Rule.of("IPv4", "ingress", "icmp", null, null, "Ping"),
                        Rule.of("IPv6", "ingress", "icmpv6", null, null, "Ping IPv6"),
                        Rule.of("IPv4", "ingress", "udp", 60000, 61000, "Mosh"),
                        Rule.of("IPv4", "ingress", "tcp", null, null, "Expose all incoming ports"),
                        Rule.of("IPv4", "egress", null, null, null, "Allow all outgoing IPv4 traffic"),
                        Rule.of("IPv6", "egress", null, null, null, "Allow all outgoing IPv6 traffic")));
    }

    /**
     * Compares the existing rules of the group with this template: template rules without an equal
     * existing rule are to be created, existing rules without an equal template rule are to be deleted.
     */
    // exosphere-spec §9.12 reconcile
    public Plan reconcileWith(List<SecurityGroupRule> existing) {
        return reconcile(existing.stream().map(Rule::from).toList());
    }

    /** Like {@link #reconcileWith(List)}, for rules already converted (or from another source). */
    public Plan reconcile(List<Rule> existing) {
        List<Rule> toCreate = new ArrayList<>();
        for (Rule wanted : rules) {
            if (existing.stream().noneMatch(wanted::sameAs)) {
                toCreate.add(wanted);
            }
        }
        List<String> toDelete = new ArrayList<>();
        for (Rule have : existing) {
            if (rules.stream().noneMatch(have::sameAs) && have.id() != null) {
                toDelete.add(have.id());
            }
        }
        return new Plan(List.copyOf(toCreate), List.copyOf(toDelete));
    }
}
