package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.config.SecurityGroupRuleTemplate;
import app.exosphere.core.config.SecurityGroupTemplate;
import app.exosphere.core.network.SecurityGroupRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityGroupTemplatesTest {

    private final SecurityGroupTemplate template = SecurityGroupTemplates.exosphereDefault();

    /** A rule as Neutron would return it, with an id. */
    private static SecurityGroupRule existing(
            String id,
            String ethertype,
            String direction,
            String protocol,
            Integer min,
            Integer max,
            String description) {
        return SecurityGroupRule.builder()
                .id(id)
                .securityGroupId("group-1")
                .ethertype(ethertype)
                .direction(direction)
                .protocol(Optional.ofNullable(protocol))
                .portRangeMin(Optional.ofNullable(min))
                .portRangeMax(Optional.ofNullable(max))
                .description(Optional.ofNullable(description))
                .build();
    }

    private static SecurityGroupRule existing(String id, SecurityGroupRuleTemplate r) {
        return existing(
                id, r.ethertype(), r.direction(), r.protocol(), r.portRangeMin(), r.portRangeMax(), r.description());
    }

    @Test
    void defaultTemplateIsExosphereGroupWithItsEightDescribedRules() {
        assertThat(template.name()).isEqualTo("exosphere");
        assertThat(template.description()).contains("Firewall Ruleset for instances launched via Exosphere");
        assertThat(template.rules())
                .extracting(SecurityGroupRuleTemplate::description)
                .containsExactly(
                        "SSH",
                        "SSH IPv6",
                        "Ping",
                        "Ping IPv6",
                        "Mosh",
                        "Expose all incoming ports",
                        "Allow all outgoing IPv4 traffic",
                        "Allow all outgoing IPv6 traffic");
    }

    @Test
    void freshNeutronGroupGetsAllRulesAndLosesItsUndescribedDefaultEgressRules() {
        // Neutron creates two egress rules without description in every new group
        List<SecurityGroupRule> neutronDefaults = List.of(
                existing("e4", "IPv4", "egress", null, null, null, null),
                existing("e6", "IPv6", "egress", null, null, null, ""));
        SecurityGroupTemplates.Plan plan = SecurityGroupTemplates.reconcile(template, neutronDefaults);
        assertThat(plan.toCreate()).hasSize(8);
        assertThat(plan.toDelete()).containsExactly("e4", "e6");
    }

    @Test
    void matchingGroupNeedsNothingAndComparesDescriptionsTrimmedAndProtocolsNormalized() {
        List<SecurityGroupRule> have = new ArrayList<>();
        int i = 0;
        for (SecurityGroupRuleTemplate r : template.rules()) {
            SecurityGroupRule copy = existing("r" + i++, r);
            if ("Ping IPv6".equals(r.description())) {
                copy = existing(copy.id(), "IPv6", "ingress", "ipv6-icmp", null, null, "  Ping IPv6 ");
            }
            have.add(copy);
        }
        assertThat(SecurityGroupTemplates.reconcile(template, have).isEmpty()).isTrue();
    }

    @Test
    void differentDescriptionCaseIsADifferentRule() {
        List<SecurityGroupRule> have = new ArrayList<>();
        for (SecurityGroupRuleTemplate r : template.rules()) {
            have.add(existing(r.description(), r));
        }
        have.set(0, existing("lower", "IPv4", "ingress", "tcp", 22, 22, "ssh"));
        SecurityGroupTemplates.Plan plan = SecurityGroupTemplates.reconcile(template, have);
        assertThat(plan.toDelete()).containsExactly("lower");
        assertThat(plan.toCreate())
                .extracting(SecurityGroupRuleTemplate::description)
                .containsExactly("SSH");
    }
}
