package app.exosphere.core.rules;

import app.exosphere.core.config.SecurityGroupRuleTemplate;
import app.exosphere.core.network.SecurityGroupRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Exosphere's algebra of security-group rules (Exosphere's {@code OpenStack.SecurityGroupRule}): whether
 * two rules have the same effect, whether one is covered (subsumed) by another, whether a rule is shadowed
 * by a list, and the diff between an existing rule list and a wanted one that drives every group update.
 *
 * <p>Comparisons are literal, as upstream: no CIDR normalisation ({@code 10.0.0.0/8} differs from
 * {@code 10.0.0.0/08}) and no CIDR containment in subsumption; an exact duplicate never shadows.
 *
 * <pre>{@code
 * List<SecurityGroupRule> rules = network.securityGroups().get(id).execute().rules();
 * List<SecurityGroupRule> wanted = SecurityGroupTemplates.exosphereDefault().rules().stream()
 *         .map(t -> SecurityGroupRules.fromTemplate(t, id)).toList();
 * SecurityGroupRules.Diff diff = SecurityGroupRules.diff(rules, wanted);
 * diff.missing();   // rules to POST
 * diff.extra();     // rules to DELETE
 * rules.stream().filter(r -> SecurityGroupRules.isShadowed(r, rules)).toList();   // shown faded upstream
 * }</pre>
 */
public final class SecurityGroupRules {
    private static final int LOWEST_PORT = 0;
    private static final int HIGHEST_PORT = 65535;

    private SecurityGroupRules() {}

    /**
     * The result of {@link #diff}: wanted rules with no existing rule of the same effect and description,
     * and existing rules with no wanted rule of the same effect and description.
     *
     * @param missing wanted rules to create
     * @param extra existing rules to delete
     */
    public record Diff(List<SecurityGroupRule> missing, List<SecurityGroupRule> extra) {
        /** Copies the lists. */
        public Diff {
            missing = List.copyOf(missing);
            extra = List.copyOf(extra);
        }

        /** Whether the existing rules already are the wanted ones. */
        public boolean isEmpty() {
            return missing.isEmpty() && extra.isEmpty();
        }
    }

    /** Where a rule's traffic may come from or go to: an IP prefix, a remote group, or anywhere. */
    public sealed interface Remote {
        /** Any address ({@code remote_ip_prefix} and {@code remote_group_id} unset). */
        record Any() implements Remote {}

        /** A CIDR as written (no normalisation). */
        record IpPrefix(String cidr) implements Remote {}

        /** The members of another security group. */
        record Group(String groupId) implements Remote {}
    }

    /**
     * The remote of a rule: the IP prefix if only it is set, the group if only it is set, else anywhere
     * (Neutron refuses both at once).
     */
    // Exosphere's `SecurityGroupRule.securityGroupRuleDecoder` remote
    public static Remote remote(SecurityGroupRule r) {
        Optional<String> prefix = r.remoteIpPrefix().filter(s -> !s.isEmpty());
        Optional<String> group = r.remoteGroupId().filter(s -> !s.isEmpty());
        if (prefix.isPresent() && group.isEmpty()) {
            return new Remote.IpPrefix(prefix.get());
        }
        if (group.isPresent() && prefix.isEmpty()) {
            return new Remote.Group(group.get());
        }
        return new Remote.Any();
    }

    /**
     * Same effect: ethertype, direction, protocol, lowest and highest port all equal (absent equals only
     * absent), and the same remote.
     */
    // Exosphere's `SecurityGroupRule.matchRule`
    public static boolean sameEffect(SecurityGroupRule a, SecurityGroupRule b) {
        return a.ethertype().equalsIgnoreCase(b.ethertype())
                && a.direction().equalsIgnoreCase(b.direction())
                && Objects.equals(protocol(a), protocol(b))
                && a.portRangeMin().equals(b.portRangeMin())
                && a.portRangeMax().equals(b.portRangeMax())
                && remote(a).equals(remote(b));
    }

    /**
     * Same effect, and the same description after trimming, with blank and absent alike (case-sensitive:
     * {@code SSH} differs from {@code ssh}).
     */
    // Exosphere's `SecurityGroupRule.matchRuleAndDescription`
    public static boolean sameEffectAndDescription(SecurityGroupRule a, SecurityGroupRule b) {
        return sameEffect(a, b) && Objects.equals(description(a), description(b));
    }

    /**
     * Whether {@code rule} is covered by {@code by}: different ids, not the same effect, same direction and
     * ethertype, and {@code by}'s protocol, port range and remote each include {@code rule}'s (an absent
     * protocol or remote in {@code by} means any; missing ports mean 0 and 65535).
     */
    // Exosphere's `SecurityGroupRule.isSubsumedBy` (protocolSubsumedBy, portRangeSubsumedBy, remoteSubsumedBy)
    public static boolean isSubsumedBy(SecurityGroupRule rule, SecurityGroupRule by) {
        return !rule.id().equals(by.id())
                && !sameEffect(rule, by)
                && rule.direction().equalsIgnoreCase(by.direction())
                && rule.ethertype().equalsIgnoreCase(by.ethertype())
                && protocolSubsumedBy(protocol(rule), protocol(by))
                && portRangeSubsumedBy(rule, by)
                && remoteSubsumedBy(remote(rule), remote(by));
    }

    private static boolean protocolSubsumedBy(String rule, String by) {
        return by == null || by.equals(rule);
    }

    private static boolean portRangeSubsumedBy(SecurityGroupRule rule, SecurityGroupRule by) {
        return by.portRangeMin().orElse(LOWEST_PORT) <= rule.portRangeMin().orElse(LOWEST_PORT)
                && rule.portRangeMax().orElse(HIGHEST_PORT) <= by.portRangeMax().orElse(HIGHEST_PORT);
    }

    private static boolean remoteSubsumedBy(Remote rule, Remote by) {
        // upstream compares strings: no CIDR containment (its TODO)
        return by instanceof Remote.Any || by.equals(rule);
    }

    /** Whether some rule of {@code rules} covers {@code rule} ({@link #isSubsumedBy}); duplicates never do. */
    // Exosphere's `SecurityGroupRule.isRuleShadowed`
    public static boolean isShadowed(SecurityGroupRule rule, Collection<SecurityGroupRule> rules) {
        return rules.stream().anyMatch(other -> isSubsumedBy(rule, other));
    }

    /**
     * Compares an existing rule list with the wanted one by {@link #sameEffectAndDescription}: a rule that
     * differs only by its description is both missing and extra (deleted and created again).
     */
    // Exosphere's `SecurityGroupRule.compareSecurityGroupRuleLists`
    public static Diff diff(List<SecurityGroupRule> existing, List<SecurityGroupRule> wanted) {
        List<SecurityGroupRule> missing = new ArrayList<>();
        for (SecurityGroupRule w : wanted) {
            if (existing.stream().noneMatch(e -> sameEffectAndDescription(e, w))) {
                missing.add(w);
            }
        }
        List<SecurityGroupRule> extra = new ArrayList<>();
        for (SecurityGroupRule e : existing) {
            if (wanted.stream().noneMatch(w -> sameEffectAndDescription(e, w))) {
                extra.add(e);
            }
        }
        return new Diff(missing, extra);
    }

    /**
     * A configured rule as a rule of group {@code securityGroupId}, with an empty id like upstream's new-rule
     * templates (so two of them never subsume each other by id).
     */
    public static SecurityGroupRule fromTemplate(SecurityGroupRuleTemplate t, String securityGroupId) {
        return SecurityGroupRule.builder()
                .id("")
                .securityGroupId(securityGroupId)
                .ethertype(t.ethertype())
                .direction(t.direction())
                .protocol(Optional.ofNullable(t.protocol()))
                .portRangeMin(Optional.ofNullable(t.portRangeMin()))
                .portRangeMax(Optional.ofNullable(t.portRangeMax()))
                .remoteIpPrefix(Optional.ofNullable(t.remoteIpPrefix()))
                .remoteGroupId(Optional.ofNullable(t.remoteGroupId()))
                .description(Optional.ofNullable(t.description()))
                .build();
    }

    /**
     * The protocol as upstream's decoder types it: absent, blank and {@code any} mean any (null); names are
     * lower-cased and {@code ipv6-icmp} is {@code icmpv6}.
     */
    static String protocol(SecurityGroupRule r) {
        String p = r.protocol().orElse(null);
        if (p == null || p.isBlank() || p.equalsIgnoreCase("any")) {
            return null;
        }
        String lower = p.toLowerCase(Locale.ROOT);
        return lower.equals("ipv6-icmp") ? "icmpv6" : lower;
    }

    /** The description trimmed, blank as absent. */
    // Exosphere's `Helpers.String.removeEmptiness` on the trimmed description
    static String description(SecurityGroupRule r) {
        return r.description().map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }
}
