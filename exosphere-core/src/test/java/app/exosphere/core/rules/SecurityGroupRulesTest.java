package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.network.SecurityGroup;
import app.exosphere.core.network.SecurityGroupRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exosphere's rule algebra ({@code OpenStack.SecurityGroupRule}), connectivity checks
 * ({@code Helpers.Connectivity}) and group tags, on upstream's test vectors
 * ({@code tests/Tests/OpenStack/SecurityGroupRule.elm}, {@code tests/Tests/Helpers/Connectivity.elm}).
 */
class SecurityGroupRulesTest {

    static SecurityGroupRule rule(
            String id, String ethertype, String direction, String protocol, Integer min, Integer max, String prefix) {
        return SecurityGroupRule.builder()
                .id(id)
                .securityGroupId("g")
                .ethertype(ethertype)
                .direction(direction)
                .protocol(Optional.ofNullable(protocol))
                .portRangeMin(Optional.ofNullable(min))
                .portRangeMax(Optional.ofNullable(max))
                .remoteIpPrefix(Optional.ofNullable(prefix))
                .build();
    }

    static SecurityGroupRule ssh(String id, String description) {
        return rule(id, "IPv4", "ingress", "tcp", 22, 22, null).toBuilder()
                .description(Optional.ofNullable(description))
                .build();
    }

    static final SecurityGroupRule ALLOW_ALL_OUT_V4 = rule("out4", "IPv4", "egress", null, null, null, null);

    @ParameterizedTest(name = "\"{0}\" vs \"{1}\" → {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "'', null, true", // blank vs absent
                "SSH, ssh, false", // case-sensitive
                "'SSH   ', '   SSH', true", // trimmed
                "SSH, SSH, true",
                "SSH, null, false",
                "'  ', '', true"
            })
    void descriptionsMatchAfterTrimmingWithBlankAsAbsent(String a, String b, boolean expected) {
        assertThat(SecurityGroupRules.sameEffectAndDescription(ssh("1", a), ssh("2", b)))
                .isEqualTo(expected);
        assertThat(SecurityGroupRules.sameEffect(ssh("1", a), ssh("2", b))).isTrue();
    }

    @Test
    void remotesMatchOnlyLiterallyWithoutCidrNormalisation() {
        SecurityGroupRule slash8 = rule("1", "IPv4", "ingress", "tcp", 22, 22, "10.0.0.0/8");
        SecurityGroupRule slash08 = rule("2", "IPv4", "ingress", "tcp", 22, 22, "10.0.0.0/08");
        SecurityGroupRule viaGroup = slash8.toBuilder()
                .remoteIpPrefix(Optional.empty())
                .remoteGroupId("10.0.0.0/8")
                .build();

        assertThat(SecurityGroupRules.sameEffect(slash8, slash08)).isFalse();
        assertThat(SecurityGroupRules.sameEffect(slash8, viaGroup)).isFalse();
        assertThat(SecurityGroupRules.remote(viaGroup)).isEqualTo(new SecurityGroupRules.Remote.Group("10.0.0.0/8"));
    }

    @Test
    void aRuleWithASpecificRemoteIsSubsumedByTheSameRuleWithoutRemoteNotViceVersa() {
        SecurityGroupRule anywhere = rule("1", "IPv4", "ingress", "tcp", 22, 22, null);
        SecurityGroupRule lab = rule("2", "IPv4", "ingress", "tcp", 22, 22, "192.168.1.0/24");

        assertThat(SecurityGroupRules.isSubsumedBy(lab, anywhere)).isTrue();
        assertThat(SecurityGroupRules.isSubsumedBy(anywhere, lab)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            nullValues = "null",
            value = {
                "any protocol covers tcp, tcp, 22, 22, null, null, null, true",
                "same protocol wider ports, tcp, 22, 22, tcp, 1, 1024, true",
                "missing ports mean 0-65535, tcp, 22, 22, tcp, null, null, true",
                "narrower ports do not cover, tcp, 1, 1024, tcp, 22, 22, false",
                "other protocol does not cover, tcp, 22, 22, udp, null, null, false",
                "a protocol does not cover any protocol, null, null, null, tcp, null, null, false",
                "lower bound alone, tcp, 22, 22, tcp, 23, null, false"
            })
    void subsumptionComparesProtocolAndPortRanges(
            String why,
            String pa,
            Integer mina,
            Integer maxa,
            String pb,
            Integer minb,
            Integer maxb,
            boolean expected) {
        SecurityGroupRule a = rule("a", "IPv4", "ingress", pa, mina, maxa, null);
        SecurityGroupRule b = rule("b", "IPv4", "ingress", pb, minb, maxb, null);
        assertThat(SecurityGroupRules.isSubsumedBy(a, b)).as(why).isEqualTo(expected);
    }

    @Test
    void subsumptionNeedsTheSameDirectionAndEthertype() {
        SecurityGroupRule a = rule("a", "IPv4", "ingress", "tcp", 22, 22, null);
        assertThat(SecurityGroupRules.isSubsumedBy(a, rule("b", "IPv6", "ingress", null, null, null, null)))
                .isFalse();
        assertThat(SecurityGroupRules.isSubsumedBy(a, rule("b", "IPv4", "egress", null, null, null, null)))
                .isFalse();
    }

    @Test
    void aRuleNeverShadowsItselfNorDoesAnExactDuplicate() {
        SecurityGroupRule a = rule("a", "IPv4", "ingress", "tcp", 22, 22, null);
        SecurityGroupRule duplicate = rule("b", "IPv4", "ingress", "tcp", 22, 22, null);
        SecurityGroupRule wide = rule("c", "IPv4", "ingress", "tcp", null, null, null);

        assertThat(SecurityGroupRules.isShadowed(a, List.of(a))).isFalse();
        assertThat(SecurityGroupRules.isShadowed(a, List.of(a, duplicate))).isFalse();
        assertThat(SecurityGroupRules.isShadowed(a, List.of(a, duplicate, wide)))
                .isTrue();
        assertThat(SecurityGroupRules.isShadowed(wide, List.of(a, duplicate, wide)))
                .isFalse();
    }

    @Test
    void theDiffDeletesAndRecreatesARuleThatDiffersOnlyByDescription() {
        SecurityGroupRule neutronEgress = rule("e1", "IPv4", "egress", null, null, null, null);
        SecurityGroupRule sshUndescribed = ssh("s1", "");
        SecurityGroupRule keep = ssh("s2", "SSH").toBuilder()
                .ethertype("IPv6")
                .description("SSH IPv6")
                .build();
        SecurityGroupRule wantedEgress = ALLOW_ALL_OUT_V4.toBuilder()
                .id("")
                .description("Allow all outgoing IPv4 traffic")
                .build();
        SecurityGroupRule wantedSsh = ssh("", "SSH");
        SecurityGroupRule wantedV6 =
                keep.toBuilder().id("").description("  SSH IPv6 ").build();

        SecurityGroupRules.Diff diff = SecurityGroupRules.diff(
                List.of(neutronEgress, sshUndescribed, keep), List.of(wantedEgress, wantedSsh, wantedV6));

        assertThat(diff.missing()).containsExactly(wantedEgress, wantedSsh);
        assertThat(diff.extra()).containsExactly(neutronEgress, sshUndescribed);
        assertThat(SecurityGroupRules.diff(List.of(keep), List.of(wantedV6)).isEmpty())
                .isTrue();
    }

    // ---- Helpers.Connectivity.isConnectionPermitted (tests/Tests/Helpers/Connectivity.elm)

    @Test
    void outgoingHttpsIsPermittedByAllowAllOutgoingEvenWhenRestrictedToAPrefix() {
        Connectivity.Connection https = Connectivity.OUTGOING_HTTPS;
        assertThat(Connectivity.isPermitted(https, List.of(ALLOW_ALL_OUT_V4))).isTrue();
        SecurityGroupRule restricted = rule("r", "IPv4", "egress", null, null, null, "192.168.1.0/24");
        assertThat(Connectivity.isPermitted(https, List.of(restricted))).isTrue();
        Connectivity.Connection v4ToPrefix = new Connectivity.Connection(
                "to the lab",
                Optional.of("IPv4"),
                "egress",
                Optional.of("tcp"),
                new Connectivity.Ports.Range(443, 443),
                new Connectivity.Remote.Specific(new SecurityGroupRules.Remote.IpPrefix("192.168.1.0/24")));
        assertThat(Connectivity.isPermitted(
                        v4ToPrefix, List.of(rule("r", "IPv4", "egress", "tcp", 443, 443, "192.168.1.0/24"))))
                .isTrue();
    }

    @Test
    void incomingSshNeedsARuleCoveringPort22() {
        SecurityGroupRule ssh = ssh("s", "SSH");
        assertThat(Connectivity.isPermitted(Connectivity.INCOMING_SSH, List.of(ssh)))
                .isTrue();
        Connectivity.Connection web = new Connectivity.Connection(
                "Incoming HTTP",
                Optional.empty(),
                "ingress",
                Optional.of("tcp"),
                new Connectivity.Ports.Range(80, 80),
                new Connectivity.Remote.Some());
        assertThat(Connectivity.isPermitted(web, List.of(ssh))).isFalse();
    }

    @Test
    void allPortsAndAllRemotesNeedAnUnrestrictedRule() {
        Connectivity.Connection allPorts = new Connectivity.Connection(
                "all",
                Optional.empty(),
                "egress",
                Optional.of("tcp"),
                new Connectivity.Ports.All(),
                new Connectivity.Remote.All());
        assertThat(Connectivity.isPermitted(allPorts, List.of(ALLOW_ALL_OUT_V4)))
                .isTrue();
        assertThat(Connectivity.isPermitted(allPorts, List.of(rule("r", "IPv4", "egress", "tcp", 1, 65535, null))))
                .isFalse();
        assertThat(Connectivity.isPermitted(
                        allPorts, List.of(rule("r", "IPv4", "egress", null, null, null, "10.0.0.0/8"))))
                .isFalse();
    }

    @Test
    void theExosphereDefaultGroupPassesEveryConnectivityCheck() {
        List<SecurityGroupRule> rules = SecurityGroupTemplates.exosphereDefault().rules().stream()
                .map(t -> SecurityGroupRules.fromTemplate(t, "g"))
                .toList();
        assertThat(Connectivity.blockedConnections(rules, true, true)).isEmpty();
        assertThat(Connectivity.warning(rules, true, true)).isEmpty();
    }

    @Test
    void aGroupWithOnlySshAndHttpsOutWarnsAboutEachBlockedConnection() {
        List<SecurityGroupRule> rules = List.of(ssh("s", "SSH"), rule("o", "IPv4", "egress", "tcp", 443, 443, null));

        assertThat(Connectivity.blockedConnections(rules, true, false))
                .containsExactly(
                        Connectivity.OUTGOING_HTTP,
                        Connectivity.OUTGOING_DNS_UDP,
                        Connectivity.OUTGOING_DNS_TCP,
                        Connectivity.INCOMING_GUACAMOLE);
        assertThat(Connectivity.warning(rules, false, false))
                .hasValue("This instance's security group configuration may result in connectivity problems:\n"
                        + "• Outgoing HTTP may be blocked.\n"
                        + "• Outgoing DNS (UDP) may be blocked.\n"
                        + "• Outgoing DNS (TCP) may be blocked.");
        assertThat(Connectivity.checkedConnections(true, true)).contains(Connectivity.INCOMING_VNC);
        assertThat(Connectivity.checkedConnections(false, true)).doesNotContain(Connectivity.INCOMING_VNC);
    }

    // ---- tags

    @Test
    void presetAndCreatorTagsAreReadFromTheGroup() {
        SecurityGroup g = SecurityGroup.builder()
                .id("g1")
                .name("web")
                .addTags("exo:preset", "exo:creatorUsername::alice", "other")
                .build();
        SecurityGroup plain = g.toBuilder().id("g2").name("Web").tags(List.of()).build();

        assertThat(SecurityGroupTags.isPreset(g)).isTrue();
        assertThat(SecurityGroupTags.creator(g)).hasValue("alice");
        assertThat(SecurityGroupTags.creator(plain)).isEmpty();
        assertThat(SecurityGroupTags.creatorTag("alice")).isEqualTo("exo:creatorUsername::alice");
        assertThat(SecurityGroupTags.isProtectedFromDeletion(g, "exosphere")).isTrue();
        assertThat(SecurityGroupTags.isProtectedFromDeletion(plain, "exosphere"))
                .isFalse();
        assertThat(SecurityGroupTags.duplicateNames(
                        List.of(g, plain, g.toBuilder().name("db").build())))
                .containsExactly("web");
    }
}
