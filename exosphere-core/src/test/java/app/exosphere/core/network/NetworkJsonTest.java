package app.exosphere.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.Samples;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkJsonTest {

    private static <T> List<T> list(String sample, String member, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (JsonNode n : Samples.json(sample).get(member)) {
            out.add(ServiceJson.convert(n, type));
        }
        return out;
    }

    @Test
    void parsesNetworkWithRouterExternalFlag() {
        Network n = Samples.read("neutron/networks__network-show-response.json", "network", Network.class);
        assertThat(n.id()).isEqualTo("d32019d3-bc6e-4319-9c1d-6722fc136a22");
        assertThat(n.external()).isFalse();
        assertThat(n.status()).isEqualTo("ACTIVE");
        assertThat(n.adminStateUp()).isTrue();
        assertThat(n.subnets()).containsExactly("54d6f61d-db07-451c-9ab3-b9609b6b6f0b");
        assertThat(list("neutron/networks__networks-list-response.json", "networks", Network.class))
                .isNotEmpty();
        assertThat(list("neutron/networks__networks-provider-list-response.json", "networks", Network.class))
                .isNotEmpty();
    }

    @Test
    void parsesPortFixedIps() {
        Port p = Samples.read("neutron/ports__port-show-response.json", "port", Port.class);
        assertThat(p.deviceId()).isEqualTo("5e3898d7-11be-483e-9732-b2f5eccd2b2e");
        assertThat(p.fixedIps()).singleElement().satisfies(f -> {
            assertThat(f.ipAddress()).contains("10.0.0.1");
            assertThat(f.subnetId()).contains("a0304c3a-4f08-4c43-88af-d796509c97d2");
        });
        assertThat(list("neutron/ports__ports-list-response.json", "ports", Port.class))
                .hasSizeGreaterThan(1);
    }

    @Test
    void parsesFloatingIpWithPortDetailsAndDisassociatedOne() {
        FloatingIp f =
                Samples.read("neutron/floatingips__floatingip-show-response.json", "floatingip", FloatingIp.class);
        assertThat(f.floatingIpAddress()).isEqualTo("172.24.4.228");
        assertThat(f.isAssociated()).isTrue();
        assertThat(f.portDetails().flatMap(FloatingIpPortDetails::deviceId))
                .contains("8e3941b4-a6e9-499f-a1ac-2a4662025cba");
        FloatingIp d = Samples.read(
                "neutron/floatingips__floatingip-disassociate-response.json", "floatingip", FloatingIp.class);
        assertThat(d.isAssociated()).isFalse();
        assertThat(list("neutron/floatingips__floating-ips-list-response.json", "floatingips", FloatingIp.class))
                .isNotEmpty();
    }

    @Test
    void parsesSecurityGroupWithRulesAndNullPorts() {
        SecurityGroup g = Samples.read(
                "neutron/security-groups__security-group-show-response.json", "security_group", SecurityGroup.class);
        assertThat(g.name()).isEqualTo("default");
        assertThat(g.rules())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.securityGroupId()).isEqualTo(g.id()));
        SecurityGroupRule r = Samples.read(
                "neutron/security-groups__security-group-rule-show-response.json",
                "security_group_rule",
                SecurityGroupRule.class);
        assertThat(r.direction()).isEqualTo("egress");
        assertThat(r.ethertype()).isEqualTo("IPv6");
        assertThat(r.protocol()).isEmpty();
        assertThat(r.portRangeMin()).isEmpty();
    }

    @Test
    void parsesRoutersSubnetsAndInterfaces() {
        Router r = Samples.read("neutron/routers__router-show-response.json", "router", Router.class);
        assertThat(r.externalGateway()).isPresent();
        assertThat(r.externalGateway().orElseThrow().externalFixedIps()).isNotEmpty();
        Subnet s = Samples.read("neutron/subnets__subnet-show-response.json", "subnet", Subnet.class);
        assertThat(s.cidr()).isNotBlank();
        assertThat(s.ipVersion()).isIn(4, 6);
        RouterInterface i = ServiceJson.convert(
                Samples.json("neutron/routers__router-add-interface-response.json"), RouterInterface.class);
        assertThat(i.portId()).isNotBlank();
    }

    @Test
    void serializesRuleCreateLikeExosphereWithPortsAsStrings() {
        SecurityGroupRuleCreateRequest req = SecurityGroupRuleCreateRequest.builder()
                .securityGroupId("sg")
                .ethertype("IPv4")
                .direction("ingress")
                .protocol("TCP")
                .portRangeMin(22)
                .portRangeMax(22)
                .description("SSH")
                .build();
        assertThat(req.toJson().toString())
                .isEqualTo("{\"security_group_rule\":{\"security_group_id\":\"sg\",\"ethertype\":\"IPv4\","
                        + "\"direction\":\"ingress\",\"protocol\":\"tcp\",\"port_range_min\":\"22\","
                        + "\"port_range_max\":\"22\",\"description\":\"SSH\"}}");
    }

    @Test
    void serializesFloatingIpCreateLikeTheSample() {
        JsonNode sample = Samples.json("neutron/floatingips__floatingip-create-request.json");
        JsonNode f = sample.get("floatingip");
        FloatingIpCreateRequest req = FloatingIpCreateRequest.builder()
                .floatingNetworkId(f.get("floating_network_id").asText())
                .portId(f.get("port_id").asText())
                .subnetId(f.get("subnet_id").asText())
                .fixedIpAddress(f.get("fixed_ip_address").asText())
                .floatingIpAddress(f.get("floating_ip_address").asText())
                .description(f.get("description").asText())
                .dnsDomain(f.get("dns_domain").asText())
                .dnsName(f.get("dns_name").asText())
                .build();
        com.fasterxml.jackson.databind.node.ObjectNode expected = f.deepCopy();
        expected.remove("qos_policy_id");
        assertThat(req.toJson().get("floatingip")).isEqualTo(expected);
    }
}
