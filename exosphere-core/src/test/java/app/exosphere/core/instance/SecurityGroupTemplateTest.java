package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.instance.SecurityGroupTemplate.Rule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityGroupTemplateTest {

    private final SecurityGroupTemplate template = SecurityGroupTemplate.exosphereDefault();

    private static Rule existing(String id, Rule r) {
        return new Rule(
                id,
                r.ethertype(),
                r.direction(),
                r.protocol(),
                r.portRangeMin(),
                r.portRangeMax(),
                r.remoteIpPrefix(),
                r.remoteGroupId(),
                r.description());
    }

    @Test
    void defaultTemplateIsExosphereGroupWithItsEightDescribedRules() {
        assertThat(template.name()).isEqualTo("exosphere");
        assertThat(template.description()).contains("Firewall Ruleset for instances launched via Exosphere");
        assertThat(template.rules())
                .extracting(Rule::description)
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
        List<Rule> neutronDefaults = List.of(
                new Rule("e4", "IPv4", "egress", null, null, null, null, null, null),
                new Rule("e6", "IPv6", "egress", null, null, null, null, null, ""));
        SecurityGroupTemplate.Plan plan = template.reconcile(neutronDefaults);
        assertThat(plan.toCreate()).hasSize(8);
        assertThat(plan.toDelete()).containsExactly("e4", "e6");
    }

    @Test
    void matchingGroupNeedsNothingAndComparesDescriptionsTrimmedAndProtocolsNormalized() {
        List<Rule> have = new ArrayList<>();
        int i = 0;
        for (Rule r : template.rules()) {
            Rule copy = existing("r" + i++, r);
            if ("Ping IPv6".equals(r.description())) {
                copy = new Rule(copy.id(), "IPv6", "ingress", "ipv6-icmp", null, null, null, null, "  Ping IPv6 ");
            }
            have.add(copy);
        }
        assertThat(template.reconcile(have).isEmpty()).isTrue();
    }

    @Test
    void differentDescriptionCaseIsADifferentRule() {
        List<Rule> have = new ArrayList<>();
        for (Rule r : template.rules()) {
            have.add(existing(r.description(), r));
        }
        have.set(0, new Rule("lower", "IPv4", "ingress", "tcp", 22, 22, null, null, "ssh"));
        SecurityGroupTemplate.Plan plan = template.reconcile(have);
        assertThat(plan.toDelete()).containsExactly("lower");
        assertThat(plan.toCreate()).extracting(Rule::description).containsExactly("SSH");
    }
}
