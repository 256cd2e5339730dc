package app.exosphere.core.network;

import static app.exosphere.core.FakeCloud.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.FakeCloud;
import app.exosphere.core.Samples;
import app.exosphere.core.error.ConflictException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.internal.json.ServiceJson;
import app.exosphere.core.quota.QuotaUsage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetworkClientTest {
    private final FakeCloud cloud = new FakeCloud();
    private final NetworkClient neutron = cloud.openStack().network();

    @AfterEach
    void close() {
        cloud.close();
    }

    private static JsonNode tree(String s) {
        return ServiceJson.tree(s);
    }

    private static String path(RecordedRequest r) {
        return r.getUrl().encodedPath();
    }

    private String portPage(int n, int size, boolean next) {
        ObjectNode p = (ObjectNode) Samples.json("neutron/ports__ports-list-response.json");
        JsonNode template = p.get("ports").get(0);
        ArrayNode ports = p.putArray("ports");
        for (int i = 1; i <= size; i++) {
            ports.add(((ObjectNode) template.deepCopy()).put("id", "port-" + n + "-" + i));
        }
        if (next) {
            p.putArray("ports_links")
                    .addObject()
                    .put("rel", "next")
                    .put("href", cloud.base() + "/network/v2.0/ports?device_id=srv-1&limit=2&marker=port-" + n + "-2");
        }
        return p.toString();
    }

    @Test
    void listsPortsByDeviceLazilyAcrossThreePages() {
        cloud.reply(200, portPage(1, 2, true)).reply(200, portPage(2, 2, true)).reply(200, portPage(3, 1, false));
        var ports = neutron.ports()
                .list(PortListOptions.builder().deviceId("srv-1").pageSize(2).build());
        assertThat(cloud.idle()).isTrue();
        assertThat(ports.stream().map(Port::id).toList())
                .containsExactly("port-1-1", "port-1-2", "port-2-1", "port-2-2", "port-3-1");
        RecordedRequest first = cloud.take();
        assertThat(path(first)).isEqualTo("/network/v2.0/ports");
        assertThat(first.getUrl().queryParameter("device_id")).isEqualTo("srv-1");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
        assertThat(cloud.take().getUrl().queryParameter("marker")).isEqualTo("port-1-2");
        assertThat(cloud.take().getUrl().queryParameter("marker")).isEqualTo("port-2-2");
        assertThat(cloud.idle()).isTrue();
    }

    @Test
    void listsPortsByNetworkAndGetsOne() {
        cloud.replySample(200, "neutron/ports__ports-list-response.json");
        assertThat(neutron.ports()
                        .list(PortListOptions.builder().networkId("net-1").build())
                        .toList())
                .hasSize(2);
        assertThat(cloud.take().getUrl().queryParameter("network_id")).isEqualTo("net-1");
        cloud.replySample(200, "neutron/ports__port-show-response.json");
        assertThat(neutron.ports().get("p1").execute().fixedIps()).hasSize(1);
        assertThat(path(cloud.take())).isEqualTo("/network/v2.0/ports/p1");
    }

    @Test
    void listsNetworksWithRouterExternalAndGetsOne() {
        cloud.replySample(200, "neutron/networks__networks-list-response.json");
        List<Network> nets =
                neutron.networks().list(Map.of("router:external", "true")).toList();
        RecordedRequest r = cloud.take();
        assertThat(path(r)).isEqualTo("/network/v2.0/networks");
        assertThat(r.getUrl().queryParameter("router:external")).isEqualTo("true");
        assertThat(nets).isNotEmpty();
        cloud.replySample(200, "neutron/networks__network-show-response.json");
        assertThat(neutron.networks().get("d32019d3").execute().external()).isFalse();
        assertThat(path(cloud.take())).isEqualTo("/network/v2.0/networks/d32019d3");
    }

    @Test
    void getsAndDeletesTheAutoAllocatedTopology() throws Exception {
        cloud.reply(
                200,
                "{\"auto_allocated_topology\":{\"id\":\"net-auto\",\"tenant_id\":\"" + FakeCloud.PROJECT_ID + "\"}}");
        assertThat(neutron.autoAllocatedTopology(FakeCloud.PROJECT_ID)
                        .executeAsync()
                        .get()
                        .id())
                .isEqualTo("net-auto");
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(path(r)).isEqualTo("/network/v2.0/auto-allocated-topology/" + FakeCloud.PROJECT_ID);
        cloud.replyEmpty(204);
        neutron.deleteAutoAllocatedTopology(FakeCloud.PROJECT_ID).execute();
        assertThat(cloud.take().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void reportsNeutronErrorsTyped() {
        cloud.reply(
                409,
                "{\"NeutronError\":{\"type\":\"AutoAllocationFailure\",\"message\":\"Deployment error: No default router:external network.\",\"detail\":\"\"}}");
        assertThatThrownBy(() -> neutron.autoAllocatedTopology("p").execute())
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("No default router:external network");
        cloud.take();
        cloud.reply(
                404,
                "{\"NeutronError\":{\"type\":\"FloatingIPNotFound\",\"message\":\"Floating IP x could not be found\",\"detail\":\"\"}}");
        assertThatThrownBy(() -> neutron.floatingIps().delete("x").execute()).isInstanceOf(NotFoundException.class);
        cloud.take();
    }

    @Test
    void listsSubnetsAndGetsOne() {
        cloud.replySample(200, "neutron/subnets__subnets-list-response.json");
        assertThat(neutron.subnets().list(Map.of("network_id", "n")).toList()).isNotEmpty();
        assertThat(cloud.take().getUrl().queryParameter("network_id")).isEqualTo("n");
        cloud.replySample(200, "neutron/subnets__subnet-show-response.json");
        assertThat(neutron.subnets().get("s").execute().cidr()).isNotBlank();
        assertThat(path(cloud.take())).isEqualTo("/network/v2.0/subnets/s");
    }

    @Test
    void managesRoutersInterfacesAndGateway() {
        cloud.replySample(201, "neutron/routers__router-create-response.json");
        Router r = neutron.routers()
                .create("router1", "ae34051f-aa6c-4c75-abf5-50dc9ac99ef3")
                .execute();
        RecordedRequest create = cloud.take();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(path(create)).isEqualTo("/network/v2.0/routers");
        JsonNode sample =
                Samples.json("neutron/routers__router-create-request.json").get("router");
        JsonNode sent = tree(body(create)).get("router");
        assertThat(sent.get("name")).isEqualTo(sample.get("name"));
        assertThat(sent.at("/external_gateway_info/network_id"))
                .isEqualTo(sample.at("/external_gateway_info/network_id"));
        assertThat(sent.get("admin_state_up")).isEqualTo(sample.get("admin_state_up"));
        assertThat(r.externalGateway()).isPresent();

        cloud.replySample(200, "neutron/routers__router-add-interface-response.json");
        neutron.routers()
                .addInterfaceSubnet("r1", "a2f1f29d-571b-4533-907f-5803ab96ead1")
                .execute();
        RecordedRequest add = cloud.take();
        assertThat(add.getMethod()).isEqualTo("PUT");
        assertThat(path(add)).isEqualTo("/network/v2.0/routers/r1/add_router_interface");
        assertThat(tree(body(add))).isEqualTo(Samples.json("neutron/routers__router-add-interface-request.json"));

        cloud.replySample(200, "neutron/routers__router-add-interface-response.json");
        neutron.routers()
                .addInterfacePort("r1", "2dc46bcc-d1f2-4077-b99e-91ee28afaff0")
                .execute();
        assertThat(tree(body(cloud.take())))
                .isEqualTo(Samples.json("neutron/routers__router-add-interface-request-with-port.json"));

        cloud.replySample(200, "neutron/routers__router-remove-interface-response.json");
        neutron.routers()
                .removeInterfaceSubnet("r1", "a2f1f29d-571b-4533-907f-5803ab96ead1")
                .execute();
        RecordedRequest rm = cloud.take();
        assertThat(path(rm)).isEqualTo("/network/v2.0/routers/r1/remove_router_interface");
        assertThat(tree(body(rm))).isEqualTo(Samples.json("neutron/routers__router-remove-interface-request.json"));

        cloud.replySample(200, "neutron/routers__router-update-response.json");
        neutron.routers().setExternalGateway("r1", "ext").execute();
        assertThat(tree(body(cloud.take()))
                        .at("/router/external_gateway_info/network_id")
                        .asText())
                .isEqualTo("ext");

        cloud.replySample(200, "neutron/routers__routers-list-response.json");
        assertThat(neutron.routers().list().toList()).isNotEmpty();
        cloud.take();
        cloud.replyEmpty(204);
        neutron.routers().delete("r1").execute();
        assertThat(cloud.take().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void createsAssociatesDissociatesListsByPortAndDeletesFloatingIps() {
        cloud.replySample(201, "neutron/floatingips__floatingip-create-response.json");
        FloatingIp created = neutron.floatingIps()
                .create(FloatingIpCreateRequest.builder()
                        .floatingNetworkId("376da547-b977-4cfe-9cba-275c80debf57")
                        .portId("ce705c24-c1ef-408a-bda3-7bbd946164ab")
                        .build())
                .execute();
        RecordedRequest c = cloud.take();
        assertThat(c.getMethod()).isEqualTo("POST");
        assertThat(path(c)).isEqualTo("/network/v2.0/floatingips");
        // Exosphere's `Helpers.getNewFloatingIpOption`: exactly these two members, in this order
        assertThat(body(c))
                .isEqualTo("{\"floatingip\":{\"floating_network_id\":\"376da547-b977-4cfe-9cba-275c80debf57\","
                        + "\"port_id\":\"ce705c24-c1ef-408a-bda3-7bbd946164ab\"}}");
        assertThat(created.floatingIpAddress()).isNotBlank();

        cloud.replySample(200, "neutron/floatingips__floatingip-update-response.json");
        neutron.floatingIps()
                .associate("fip-1", "fc861431-0e6c-4842-a0ed-e2363f9bc3a8")
                .execute();
        RecordedRequest a = cloud.take();
        assertThat(a.getMethod()).isEqualTo("PUT");
        assertThat(path(a)).isEqualTo("/network/v2.0/floatingips/fip-1");
        assertThat(tree(body(a))).isEqualTo(Samples.json("neutron/floatingips__floatingip-update-request.json"));

        cloud.replySample(200, "neutron/floatingips__floatingip-disassociate-response.json");
        assertThat(neutron.floatingIps().dissociate("fip-1").execute().isAssociated())
                .isFalse();
        assertThat(tree(body(cloud.take())))
                .isEqualTo(Samples.json("neutron/floatingips__floatingip-disassociate-request.json"));

        cloud.replySample(200, "neutron/floatingips__floating-ips-list-response.json");
        assertThat(neutron.floatingIps().listByPort("p-1").toList()).isNotEmpty();
        assertThat(cloud.take().getUrl().queryParameter("port_id")).isEqualTo("p-1");

        cloud.replySample(200, "neutron/floatingips__floatingip-show-response.json");
        assertThat(neutron.floatingIps().get("fip-1").execute().id()).isNotBlank();
        cloud.take();

        cloud.replyEmpty(204);
        neutron.floatingIps().delete("fip-1").execute();
        RecordedRequest d = cloud.take();
        assertThat(d.getMethod()).isEqualTo("DELETE");
        assertThat(path(d)).isEqualTo("/network/v2.0/floatingips/fip-1");
    }

    @Test
    void managesSecurityGroupsAndRulesAsExosphereDoes() {
        cloud.replySample(200, "neutron/security-groups__security-groups-list-response.json");
        assertThat(neutron.securityGroups().list().toList()).isNotEmpty();
        assertThat(path(cloud.take())).isEqualTo("/network/v2.0/security-groups");

        cloud.replySample(201, "neutron/security-groups__security-group-create-response.json");
        SecurityGroup g = neutron.securityGroups()
                .create("exosphere", "Firewall Ruleset for instances launched via Exosphere")
                .execute();
        RecordedRequest c = cloud.take();
        assertThat(body(c))
                .isEqualTo("{\"security_group\":{\"name\":\"exosphere\","
                        + "\"description\":\"Firewall Ruleset for instances launched via Exosphere\"}}");
        assertThat(g.id()).isNotBlank();

        cloud.replySample(201, "neutron/security-groups__security-group-rule-create-response.json");
        SecurityGroupRule rule = neutron.securityGroups()
                .createRule(SecurityGroupRuleCreateRequest.builder()
                        .securityGroupId(g.id())
                        .ethertype("IPv4")
                        .direction("ingress")
                        .protocol("tcp")
                        .portRangeMin(22)
                        .portRangeMax(22)
                        .description("SSH")
                        .build())
                .execute();
        RecordedRequest rr = cloud.take();
        assertThat(path(rr)).isEqualTo("/network/v2.0/security-group-rules");
        assertThat(tree(body(rr)).at("/security_group_rule/port_range_min").isTextual())
                .isTrue();
        assertThat(rule.id()).isNotBlank();

        cloud.replySample(200, "neutron/security-groups__security-group-rules-list-response.json");
        assertThat(neutron.securityGroups()
                        .listRules(Map.of("security_group_id", g.id()))
                        .toList())
                .isNotEmpty();
        assertThat(cloud.take().getUrl().queryParameter("security_group_id")).isEqualTo(g.id());

        cloud.replyEmpty(204);
        neutron.securityGroups().deleteRule("rule-1").execute();
        assertThat(path(cloud.take())).isEqualTo("/network/v2.0/security-group-rules/rule-1");
        cloud.replySample(200, "neutron/security-groups__security-group-show-response.json");
        assertThat(neutron.securityGroups().get("g").execute().rules()).isNotEmpty();
        cloud.take();
        cloud.replyEmpty(204);
        neutron.securityGroups().delete("g").execute();
        assertThat(path(cloud.take())).isEqualTo("/network/v2.0/security-groups/g");
    }

    @Test
    void readsQuotaDetailsAtExosphereJsonPathAndPlainQuotas() {
        cloud.replySample(200, "neutron/quota_details__quota-details-show-for-project-response.json");
        Map<String, QuotaUsage> q = neutron.quotaUsage("proj").execute();
        assertThat(path(cloud.take())).isEqualTo("/network/v2.0/quotas/proj/details.json");
        assertThat(q.get("port")).isEqualTo(QuotaUsage.of(21, 500));
        assertThat(q.get("subnetpool").isUnlimited()).isTrue();
        cloud.replySample(200, "neutron/quotas__quotas-list-for-project-response.json");
        assertThat(neutron.quotas("proj").execute()).containsEntry("floatingip", 50L);
        assertThat(path(cloud.take())).isEqualTo("/network/v2.0/quotas/proj");
    }
}
