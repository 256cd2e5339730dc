package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The life of one Exosphere-style instance, step by step, in the order Exosphere makes the calls
 * (Exosphere's {@code Rest.Nova.requestCreateServer} and the requests before it): keypair, network choice, security group, create with Exosphere's metadata
 * and user data, read-back, tags, console, floating IP, a tagged volume attachment, the lifecycle
 * actions, deletion. Each step depends on the ones before it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LaunchContract extends CloudContract {
    private static final String CLIENT_UUID = "3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b";
    private static final String USER_DATA = "#cloud-config\nruncmd:\n  - echo contract suite\n";

    private String keypair;
    private String networkId;
    private String securityGroup;
    private String serverId;
    private String floatingIpId;
    private String volumeId;

    /** Exosphere's creation metadata, member order as Exosphere sends it ({@code Helpers.newServerMetadata}). */
    private Map<String, String> exosphereMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("exoGuac", "{\"v\":1,\"ssh\":true,\"vnc\":false}");
        m.put("exoServerVersion", "6");
        m.put("exoClientUuid", CLIENT_UUID);
        m.put("exoCreatorUsername", cloud.member().user());
        m.put("exoSetup", "{\"status\":\"waiting\",\"epoch\":null}");
        m.put("exoFloatingIpOption", "automatic");
        return m;
    }

    @Test
    @Order(1)
    void importsAKeypairAndNovaComputesItsFingerprint() {
        keypair = prefix + "-kp";
        ObjectNode body = Rest.JSON.createObjectNode();
        body.putObject("keypair").put("name", keypair).put("public_key", Keys.ED25519_PUBLIC);
        JsonNode kp = member.post("compute", "/os-keypairs", body, "2.2")
                .expect(200, 201)
                .path("keypair");
        assertThat(kp.path("name").asText()).isEqualTo(keypair);
        assertThat(kp.path("fingerprint").asText()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertThat(kp.path("type").asText()).isEqualTo("ssh");
        assertThat(kp.has("private_key"))
                .as("an imported key has no private half")
                .isFalse();
    }

    @Test
    @Order(2)
    void choosesTheAutoAllocatedNetworkWhichIsActiveAndNotExternal() {
        // Exosphere's `Rest.Neutron.requestAutoAllocatedNetwork`, then `Helpers.newServerNetworkOptions`
        JsonNode topology = member.get("network", "/auto-allocated-topology/" + member.projectId())
                .expect(200)
                .path("auto_allocated_topology");
        networkId = topology.path("id").asText();
        assertThat(networkId).isNotBlank();
        JsonNode net =
                member.get("network", "/networks/" + networkId).expect(200).path("network");
        assertThat(net.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(net.path("admin_state_up").asBoolean()).isTrue();
        assertThat(net.path("router:external").asBoolean()).isFalse();
        assertThat(net.path("name").asText()).isEqualTo("auto_allocated_network");

        String again = member.get("network", "/auto-allocated-topology/" + member.projectId())
                .expect(200)
                .path("auto_allocated_topology")
                .path("id")
                .asText();
        assertThat(again).as("asking again gives the same network").isEqualTo(networkId);
    }

    /** Finds the group by name or creates it with one SSH rule; returns its id. */
    private String ensureSecurityGroup(String name) {
        JsonNode found = member.get("network", "/security-groups?name=" + name)
                .expect(200)
                .path("security_groups");
        if (found.size() > 0) {
            return found.get(0).path("id").asText();
        }
        ObjectNode body = Rest.JSON.createObjectNode();
        body.putObject("security_group").put("name", name).put("description", "contract suite");
        String id = member.post("network", "/security-groups", body)
                .expect(201)
                .path("security_group")
                .path("id")
                .asText();
        ObjectNode rule = Rest.JSON.createObjectNode();
        rule.putObject("security_group_rule")
                .put("security_group_id", id)
                .put("direction", "ingress")
                .put("ethertype", "IPv4")
                .put("protocol", "tcp")
                .put("port_range_min", 22)
                .put("port_range_max", 22)
                .put("remote_ip_prefix", "0.0.0.0/0");
        member.post("network", "/security-group-rules", rule).expect(201);
        return id;
    }

    @Test
    @Order(3)
    void ensuresASecurityGroupOnceAndFindsItTheSecondTime() {
        securityGroup = prefix + "-sg";
        String first = ensureSecurityGroup(securityGroup);
        String second = ensureSecurityGroup(securityGroup);
        assertThat(second).isEqualTo(first);
        JsonNode rules = member.get("network", "/security-group-rules?security_group_id=" + first)
                .expect(200)
                .path("security_group_rules");
        List<String> ingress = new ArrayList<>();
        rules.forEach(r -> {
            if (r.path("direction").asText().equals("ingress")) {
                ingress.add(r.path("protocol").asText() + "/"
                        + r.path("port_range_min").asInt());
            }
        });
        assertThat(ingress).containsExactly("tcp/22");
    }

    @Test
    @Order(4)
    void launchesWithExosphereMetadataAndUserDataAndReadsTheMetadataBackExactly() {
        String imageId = member.get("image", "/v2/images?name=" + cloud.imageName())
                .expect(200)
                .path("images")
                .get(0)
                .path("id")
                .asText();
        String flavorId = null;
        for (JsonNode f : member.get("compute", "/flavors").expect(200).path("flavors")) {
            if (f.path("name").asText().equals(cloud.smallFlavorName())) {
                flavorId = f.path("id").asText();
            }
        }
        assertThat(flavorId).as("flavor " + cloud.smallFlavorName()).isNotNull();

        ObjectNode server = Rest.JSON.createObjectNode();
        ObjectNode s = server.putObject("server");
        s.put("imageRef", imageId);
        s.put("key_name", keypair);
        s.put("name", prefix + "-vm");
        s.put("flavorRef", flavorId);
        s.putArray("networks").addObject().put("uuid", networkId);
        s.put("user_data", Base64.getEncoder().encodeToString(USER_DATA.getBytes(StandardCharsets.UTF_8)));
        s.putArray("security_groups").addObject().put("name", securityGroup);
        ObjectNode md = s.putObject("metadata");
        exosphereMetadata().forEach(md::put);

        // Exosphere's `Rest.Nova.requestCreateServer`: no microversion header
        Rest.Reply created = member.post("compute", "/servers", server);
        serverId = created.expect(202).path("server").path("id").asText();
        assertThat(serverId).isNotBlank();

        awaitServerStatus(serverId, "ACTIVE");
        JsonNode srv = server(serverId);
        Map<String, String> metadata = new LinkedHashMap<>();
        srv.path("metadata")
                .fields()
                .forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        assertThat(metadata).isEqualTo(exosphereMetadata());
        assertThat(srv.path("key_name").asText()).isEqualTo(keypair);
        assertThat(srv.path("flavor").path("id").asText())
                .as("flavor.id below 2.47")
                .isEqualTo(flavorId);
        assertThat(srv.path("image").path("id").asText()).isEqualTo(imageId);
        assertThat(srv.path("user_id").asText()).isEqualTo(member.userId());
        assertThat(srv.path("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(srv.path("locked").asBoolean()).isFalse();
        assertThat(srv.path("tags").isArray()).as("tags from 2.26 on").isTrue();
        assertThat(srv.path("addresses").toString()).contains("\"OS-EXT-IPS:type\":\"fixed\"");
    }

    @Test
    @Order(5)
    void adminReadsTheUserDataAsNovaStoredItAtMicroversion23() {
        Rest.Login admin = cloud.admin().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(admin != null, cloud.name() + " offers no admin");
        Rest.Session adminSession = Rest.login(cloud.authUrl(), admin).inRegion(cloud.region());
        JsonNode srv = adminSession
                .get("compute", "/servers/" + serverId, "2.3")
                .expect(200)
                .path("server");
        String stored = srv.path("OS-EXT-SRV-ATTR:user_data").asText();
        assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8))
                .isEqualTo(USER_DATA);
        assertThat(member.get("compute", "/servers/" + serverId, "2.3")
                        .expect(200)
                        .path("server")
                        .has("OS-EXT-SRV-ATTR:user_data"))
                .as("a member does not see user data")
                .isFalse();
    }

    @Test
    @Order(6)
    void listsTheCreateActionAmongTheInstanceActions() {
        JsonNode actions = member.get("compute", "/servers/" + serverId + "/os-instance-actions", "2.27")
                .expect(200)
                .path("instanceActions");
        assertThat(actions.findValuesAsText("action")).contains("create");
        JsonNode create = actions.get(actions.size() - 1);
        assertThat(create.path("request_id").asText()).startsWith("req-");
        assertThat(create.path("start_time").asText()).isNotBlank();
    }

    @Test
    @Order(7)
    void tagsTheServerIncludingAnExoPwTagWithSpaces() {
        String tag = "exoPw:correct horse battery staple";
        String path = "/servers/" + serverId + "/tags/"
                + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20");
        Rest.Reply put = member.call("PUT", "compute", path, null, "2.26");
        assertThat(put.status()).isIn(201, 204);
        member.call("PUT", "compute", "/servers/" + serverId + "/tags/plain", null, "2.26");

        JsonNode tags = member.get("compute", "/servers/" + serverId + "/tags", "2.26")
                .expect(200)
                .path("tags");
        assertThat(tags.findValuesAsText("tags")).isEmpty();
        List<String> values = new ArrayList<>();
        tags.forEach(t -> values.add(t.asText()));
        assertThat(values).containsExactlyInAnyOrder(tag, "plain");
        assertThat(member.call("GET", "compute", path, null, "2.26").status()).isEqualTo(204);
        assertThat(server(serverId).path("tags").toString()).contains(tag);
    }

    @Test
    @Order(8)
    void readsTheConsoleLog() {
        ObjectNode body = Rest.JSON.createObjectNode();
        body.putObject("os-getConsoleOutput").put("length", 100);
        JsonNode out =
                member.post("compute", "/servers/" + serverId + "/action", body).expect(200);
        assertThat(out.path("output").isTextual()).isTrue();
        assertThat(out.path("output").asText()).isNotEmpty();
    }

    @Test
    @Order(9)
    void createsAndAssociatesAFloatingIpThatShowsInTheServerAddresses() {
        JsonNode external = member.get("network", "/networks?router:external=true&name=" + cloud.externalNetworkName())
                .expect(200)
                .path("networks");
        assertThat(external.size()).isEqualTo(1);
        JsonNode ports = member.get("network", "/ports?device_id=" + serverId)
                .expect(200)
                .path("ports");
        assertThat(ports.size()).isEqualTo(1);
        ObjectNode body = Rest.JSON.createObjectNode();
        body.putObject("floatingip")
                .put("floating_network_id", external.get(0).path("id").asText())
                .put("port_id", ports.get(0).path("id").asText());
        JsonNode fip = member.post("network", "/floatingips", body).expect(201).path("floatingip");
        floatingIpId = fip.path("id").asText();
        String address = fip.path("floating_ip_address").asText();
        assertThat(fip.path("port_id").asText())
                .isEqualTo(ports.get(0).path("id").asText());
        assertThat(fip.path("fixed_ip_address").asText()).isNotBlank();

        JsonNode addresses = await(
                "floating IP " + address + " in the server's addresses",
                () -> server(serverId).path("addresses"),
                a -> a.toString().contains(address));
        assertThat(addresses.toString()).contains("\"OS-EXT-IPS:type\":\"floating\"");
    }

    @Test
    @Order(10)
    void attachesAVolumeWithTheExoVolumeDeviceTagAndDetachesIt() {
        ObjectNode body = Rest.JSON.createObjectNode();
        body.putObject("volume").put("size", 1).put("name", prefix + "-vol");
        volumeId = member.post("volumev3", "/volumes", body)
                .expect(202)
                .path("volume")
                .path("id")
                .asText();
        awaitVolumeStatus(volumeId, "available");

        // Exosphere's `ServerVolumes.requestAttachVolume`: tag exoVolume::{"name":"<volume name>"} at 2.49
        String tag = "exoVolume::{\"name\":\"" + prefix + "-vol\"}";
        ObjectNode attach = Rest.JSON.createObjectNode();
        attach.putObject("volumeAttachment").put("volumeId", volumeId).put("tag", tag);
        JsonNode attachment = member.post("compute", "/servers/" + serverId + "/os-volume_attachments", attach, "2.49")
                .expect(200)
                .path("volumeAttachment");
        assertThat(attachment.path("volumeId").asText()).isEqualTo(volumeId);
        assertThat(attachment.path("device").asText()).startsWith("/dev/");
        awaitVolumeStatus(volumeId, "in-use");

        JsonNode listed = member.get("compute", "/servers/" + serverId + "/os-volume_attachments", "2.70")
                .expect(200)
                .path("volumeAttachments");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("tag").asText()).isEqualTo(tag);
        assertThat(server(serverId).path("os-extended-volumes:volumes_attached").findValuesAsText("id"))
                .containsExactly(volumeId);
        JsonNode vol =
                member.get("volumev3", "/volumes/" + volumeId).expect(200).path("volume");
        assertThat(vol.path("attachments").get(0).path("server_id").asText()).isEqualTo(serverId);

        member.delete("compute", "/servers/" + serverId + "/os-volume_attachments/" + volumeId)
                .expect(202);
        awaitVolumeStatus(volumeId, "available");
    }

    private void act(String action, JsonNode argument, String expectedStatus) {
        // Found on osbox: Nova answers 202 to every action here except confirmResize, which is 204
        act(action, argument, expectedStatus, action.equals("confirmResize") ? 204 : 202);
    }

    private void act(String action, JsonNode argument, String expectedStatus, int expectedHttp) {
        ObjectNode body = Rest.JSON.createObjectNode();
        body.set(action, argument);
        Rest.Reply r = member.post("compute", "/servers/" + serverId + "/action", body);
        assertThat(r.status()).as(action + ": " + r.text()).isEqualTo(expectedHttp);
        awaitServerStatus(serverId, expectedStatus);
    }

    @Test
    @Order(11)
    void goesThroughTheLifecycleActionsTheFakeDriverAllows() {
        act("os-stop", null, "SHUTOFF");
        assertThat(server(serverId).path("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
        act("os-start", null, "ACTIVE");
        act("reboot", Rest.JSON.createObjectNode().put("type", "SOFT"), "ACTIVE");

        act("lock", null, "ACTIVE");
        assertThat(server(serverId).path("locked").asBoolean()).isTrue();
        act("unlock", null, "ACTIVE");
        assertThat(server(serverId).path("locked").asBoolean()).isFalse();

        act("shelve", null, "SHELVED_OFFLOADED");
        act("unshelve", null, "ACTIVE");

        String resizeTo = null;
        for (JsonNode f : member.get("compute", "/flavors").expect(200).path("flavors")) {
            if (f.path("name").asText().equals(cloud.resizeFlavorName())) {
                resizeTo = f.path("id").asText();
            }
        }
        act("resize", Rest.JSON.createObjectNode().put("flavorRef", resizeTo), "VERIFY_RESIZE");
        act("confirmResize", null, "ACTIVE");
        assertThat(server(serverId).path("flavor").path("id").asText()).isEqualTo(resizeTo);

        List<String> actions = member.get("compute", "/servers/" + serverId + "/os-instance-actions", "2.27")
                .expect(200)
                .path("instanceActions")
                .findValuesAsText("action");
        assertThat(actions)
                .contains(
                        "create",
                        "stop",
                        "start",
                        "reboot",
                        "lock",
                        "unlock",
                        "shelve",
                        "unshelve",
                        "resize",
                        "confirmResize");
    }

    @Test
    @Order(12)
    void deletesEverythingItMadeAndTheCloudForgetsIt() {
        member.delete("network", "/floatingips/" + floatingIpId).expect(204);
        member.delete("compute", "/servers/" + serverId).expect(204);
        await(
                "server to be gone",
                () -> member.get("compute", "/servers/" + serverId).status(),
                st -> st == 404);
        assertThat(member.get("network", "/ports?device_id=" + serverId)
                        .expect(200)
                        .path("ports")
                        .size())
                .as("the server's port goes with it")
                .isZero();
        member.delete("volumev3", "/volumes/" + volumeId).expect(202);
        await(
                "volume to be gone",
                () -> member.get("volumev3", "/volumes/" + volumeId).status(),
                st -> st == 404);
        String sgId = member.get("network", "/security-groups?name=" + securityGroup)
                .expect(200)
                .path("security_groups")
                .get(0)
                .path("id")
                .asText();
        member.delete("network", "/security-groups/" + sgId).expect(204);
        member.delete("compute", "/os-keypairs/" + keypair).expect(202, 204);
        assertThat(member.get("compute", "/os-keypairs/" + keypair).status()).isEqualTo(404);
    }
}
