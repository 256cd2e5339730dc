package app.exosphere.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wider API surface: what a gateway calls besides the launch sequence. */
class OpenStackApiTest {
    private CloudSimulator cloud;
    private Api api;
    private String nova;

    @BeforeEach
    void start() {
        cloud = CloudSimulator.builder()
                .scenario(Scenario.jetstream2())
                .clock(SimulatedClock.manual(Instant.parse("2024-01-01T00:00:00Z")))
                .seed(11)
                .start();
        api = new Api(cloud).login();
        nova = api.endpoint("compute", "IU");
    }

    @AfterEach
    void close() {
        cloud.close();
    }

    private String image() {
        return api.call("GET", api.endpoint("image", "IU") + "/v2/images?name=Featured-Ubuntu24", null)
                .json()
                .path("images")
                .get(0)
                .path("id")
                .asText();
    }

    private String network() {
        return api.call(
                        "GET",
                        api.endpoint("network", "IU") + "/v2.0/auto-allocated-topology/"
                                + cloud.credentials().projectId(),
                        null)
                .json()
                .path("auto_allocated_topology")
                .path("id")
                .asText();
    }

    private String server(String name) {
        Api.Result r = api.call(
                "POST",
                nova + "/servers",
                "{\"server\":{\"imageRef\":\"" + image() + "\",\"name\":\"" + name
                        + "\",\"flavorRef\":\"1\",\"networks\":[{\"uuid\":\"" + network() + "\"}]}}");
        assertThat(r.status()).isEqualTo(202);
        return r.json().path("server").path("id").asText();
    }

    @Test
    void neutronListsItsAvailabilityZonesAsTheOpenstackCliAsksForThem() {
        String neutron = api.endpoint("network", "IU");
        JsonNode zones =
                api.call("GET", neutron + "/v2.0/availability_zones", null).json();
        assertThat(zones.path("availability_zones").findValuesAsText("resource"))
                .containsExactly("network", "router");
        assertThat(zones.path("availability_zones").findValuesAsText("state")).containsOnly("available");
    }

    @Test
    void listsServersWithNovaNextLinks() {
        for (int i = 0; i < 3; i++) {
            server("s" + i);
        }
        JsonNode page = api.call("GET", nova + "/servers/detail?limit=2", null).json();
        assertThat(page.path("servers")).hasSize(2);
        String next = page.path("servers_links").get(0).path("href").asText();
        assertThat(next).contains("limit=2", "marker=");
        JsonNode rest = api.call("GET", next, null).json();
        assertThat(rest.path("servers")).hasSize(1);
        assertThat(rest.has("servers_links")).isFalse();
        assertThat(api.call("GET", nova + "/servers?marker=nope", null)
                        .json()
                        .path("badRequest")
                        .path("message")
                        .asText())
                .isEqualTo("marker [nope] not found");
        assertThat(api.call("GET", nova + "/servers?name=(", null).status()).isEqualTo(400);
    }

    @Test
    void serverMetadataItemsFollowNovaSemantics() {
        String id = server("meta");
        String md = nova + "/servers/" + id + "/metadata";
        JsonNode all = api.call(
                        "POST",
                        md,
                        "{\"metadata\":{\"exoSetup\":\"{\\\"status\\\":\\\"running\\\",\\\"epoch\\\":1}\"}}")
                .json()
                .path("metadata");
        assertThat(all.path("exoSetup").asText()).isEqualTo("{\"status\":\"running\",\"epoch\":1}");
        assertThat(api.call("GET", md + "/exoSetup", null).json().path("meta").has("exoSetup"))
                .isTrue();
        assertThat(api.call("PUT", md + "/a", "{\"meta\":{\"b\":\"1\"}}")
                        .json()
                        .path("badRequest")
                        .path("message")
                        .asText())
                .isEqualTo("Request body and URI mismatch");
        assertThat(api.call("DELETE", md + "/exoSetup", null).status()).isEqualTo(204);
        assertThat(api.call("DELETE", md + "/exoSetup", null).status()).isEqualTo(404);
        assertThat(api.call("POST", md, "{\"metadata\":{\"k\":\"" + "x".repeat(256) + "\"}}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void remoteConsoleNeedsMicroversion26AndAnActiveServer() {
        String id = server("console");
        String body = "{\"remote_console\":{\"protocol\":\"vnc\",\"type\":\"novnc\"}}";
        assertThat(api.call(
                                "POST",
                                nova + "/servers/" + id + "/remote-consoles",
                                body,
                                "OpenStack-API-Version",
                                "compute 2.6")
                        .status())
                .isEqualTo(409);
        cloud.advance(Duration.ofSeconds(31));
        assertThat(api.call("POST", nova + "/servers/" + id + "/remote-consoles", body)
                        .status())
                .isEqualTo(404);
        JsonNode console = api.call(
                        "POST",
                        nova + "/servers/" + id + "/remote-consoles",
                        body,
                        "OpenStack-API-Version",
                        "compute 2.6")
                .json()
                .path("remote_console");
        assertThat(console.path("protocol").asText()).isEqualTo("vnc");
        assertThat(api.call("GET", console.path("url").asText(), null).text()).contains("noVNC");
    }

    @Test
    void keypairsImportWithAnMd5FingerprintOrGenerateBefore292() {
        String pub = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHm0pdbxd4cC6NEjxsWIOc5+HqNmoVeTkxpbK5oKYn+9 me@host";
        JsonNode imported = api.call(
                        "POST",
                        nova + "/os-keypairs",
                        "{\"keypair\":{\"name\":\"mine\",\"public_key\":\"" + pub + "\"}}")
                .json()
                .path("keypair");
        assertThat(imported.path("fingerprint").asText()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertThat(api.call(
                                "POST",
                                nova + "/os-keypairs",
                                "{\"keypair\":{\"name\":\"mine\",\"public_key\":\"" + pub + "\"}}")
                        .status())
                .isEqualTo(409);
        JsonNode generated = api.call(
                        "POST",
                        nova + "/os-keypairs",
                        "{\"keypair\":{\"name\":\"gen\"}}",
                        "OpenStack-API-Version",
                        "compute 2.10")
                .json()
                .path("keypair");
        assertThat(generated.path("private_key").asText()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(generated.path("public_key").asText()).startsWith("ssh-rsa ");
        assertThat(api.call(
                                "POST",
                                nova + "/os-keypairs",
                                "{\"keypair\":{\"name\":\"gen2\"}}",
                                "OpenStack-API-Version",
                                "compute 2.92")
                        .status())
                .isEqualTo(400);
        assertThat(api.call("GET", nova + "/os-keypairs", null).json().path("keypairs"))
                .hasSize(2);
        assertThat(api.call(
                                "POST",
                                nova + "/os-keypairs",
                                "{\"keypair\":{\"name\":\"bad\",\"public_key\":\"nonsense\"}}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void flavorsDetailCarriesExtraSpecsFrom261() {
        JsonNode old = api.call("GET", nova + "/flavors/detail", null)
                .json()
                .path("flavors")
                .get(0);
        assertThat(old.has("extra_specs")).isFalse();
        JsonNode g3 = null;
        for (JsonNode f : api.call("GET", nova + "/flavors/detail", null, "OpenStack-API-Version", "compute 2.61")
                .json()
                .path("flavors")) {
            if (f.path("name").asText().equals("g3.small")) {
                g3 = f;
            }
        }
        assertThat(g3.path("extra_specs").path("resources:CUSTOM_A100X_10C").asText())
                .isEqualTo("1");
        assertThat(api.call("GET", nova + "/flavors/14/os-extra_specs", null)
                        .json()
                        .path("extra_specs")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void securityGroupRulesAcceptStringPortsAndRejectDuplicates() {
        String neutron = api.endpoint("network", "IU");
        JsonNode group = api.call(
                        "POST",
                        neutron + "/v2.0/security-groups",
                        "{\"security_group\":{\"name\":\"exosphere\",\"description\":\"\"}}")
                .json()
                .path("security_group");
        assertThat(group.path("security_group_rules"))
                .as("Neutron adds two egress rules")
                .hasSize(2);
        String rule = "{\"security_group_rule\":{\"security_group_id\":\""
                + group.path("id").asText()
                + "\",\"ethertype\":\"IPv4\",\"direction\":\"ingress\",\"protocol\":\"tcp\",\"port_range_min\":\"22\","
                + "\"port_range_max\":\"22\",\"description\":\"SSH\"}}";
        JsonNode created = api.call("POST", neutron + "/v2.0/security-group-rules", rule)
                .json()
                .path("security_group_rule");
        assertThat(created.path("port_range_min").asInt()).isEqualTo(22);
        Api.Result duplicate = api.call("POST", neutron + "/v2.0/security-group-rules", rule);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("NeutronError").path("type").asText()).isEqualTo("SecurityGroupRuleExists");
        assertThat(api.call(
                                "DELETE",
                                neutron + "/v2.0/security-group-rules/"
                                        + created.path("id").asText(),
                                null)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void floatingIpQuotaIsEnforcedWithOverQuota() {
        String neutron = api.endpoint("network", "IU");
        String ext = api.call("GET", neutron + "/v2.0/networks?router:external=true", null)
                .json()
                .path("networks")
                .get(0)
                .path("id")
                .asText();
        String body = "{\"floatingip\":{\"floating_network_id\":\"" + ext + "\"}}";
        for (int i = 0; i < 10; i++) {
            assertThat(api.call("POST", neutron + "/v2.0/floatingips", body).status())
                    .isEqualTo(201);
        }
        Api.Result over = api.call("POST", neutron + "/v2.0/floatingips", body);
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().path("NeutronError").path("type").asText()).isEqualTo("OverQuota");
    }

    @Test
    void cinderRefusesVolumesBeyondTheGigabyteQuotaWith413() {
        String cinder = api.endpoint("volumev3", "IU");
        Api.Result r = api.call("POST", cinder + "/volumes", "{\"volume\":{\"size\":1001}}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("overLimit").path("message").asText()).startsWith("VolumeSizeExceedsAvailableQuota");
        JsonNode limits =
                api.call("GET", cinder + "/limits", null).json().path("limits").path("absolute");
        assertThat(limits.path("maxTotalVolumeGigabytes").asInt()).isEqualTo(1000);
    }

    @Test
    void volumeBackedBootCreatesAnAttachedBootVolume() {
        String body = "{\"server\":{\"block_device_mapping_v2\":[{\"boot_index\":\"0\",\"uuid\":\"" + image()
                + "\",\"source_type\":\"image\",\"volume_size\":\"30\",\"destination_type\":\"volume\","
                + "\"delete_on_termination\":true}],\"name\":\"vb\",\"flavorRef\":\"1\",\"networks\":[{\"uuid\":\""
                + network() + "\"}]}}";
        String id = api.call("POST", nova + "/servers", body)
                .json()
                .path("server")
                .path("id")
                .asText();
        JsonNode server = api.call("GET", nova + "/servers/" + id, null).json().path("server");
        assertThat(server.path("image").asText()).isEmpty();
        assertThat(server.path("os-extended-volumes:volumes_attached")).hasSize(1);
        JsonNode vol = api.call("GET", api.endpoint("volumev3", "IU") + "/volumes/detail", null)
                .json()
                .path("volumes")
                .get(0);
        assertThat(vol.path("size").asInt()).isEqualTo(30);
        assertThat(vol.path("bootable").asText()).isEqualTo("true");
    }

    @Test
    void resizeWaitsForConfirmation() {
        String id = server("grow");
        cloud.advance(Duration.ofSeconds(31));
        String action = nova + "/servers/" + id + "/action";
        assertThat(api.call("POST", action, "{\"resize\":{\"flavorRef\":\"1\"}}")
                        .status())
                .isEqualTo(400);
        assertThat(api.call("POST", action, "{\"resize\":{\"flavorRef\":\"2\"}}")
                        .status())
                .isEqualTo(202);
        assertThat(cloud.server(id).orElseThrow().status()).isEqualTo("RESIZE");
        cloud.advance(Duration.ofSeconds(31));
        assertThat(cloud.server(id).orElseThrow().status()).isEqualTo("VERIFY_RESIZE");
        assertThat(api.call("POST", action, "{\"confirmResize\":null}").status())
                .as("Nova (Zed) answers confirmResize with 204")
                .isEqualTo(204);
        cloud.advance(Duration.ofSeconds(4));
        JsonNode server = api.call("GET", nova + "/servers/" + id, null).json().path("server");
        assertThat(server.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(server.path("flavor").path("id").asText()).isEqualTo("2");
    }

    @Test
    void createImageReturnsTheImageIdFrom245AndTheImageBecomesActive() {
        String id = server("snap");
        cloud.advance(Duration.ofSeconds(31));
        JsonNode r = api.call(
                        "POST",
                        nova + "/servers/" + id + "/action",
                        "{\"createImage\":{\"name\":\"snap-1\",\"metadata\":{\"from-exosphere\":\"true\"}}}",
                        "OpenStack-API-Version",
                        "compute 2.45")
                .json();
        String imageId = r.path("image_id").asText();
        String glance = api.endpoint("image", "IU");
        assertThat(api.call("GET", glance + "/v2/images/" + imageId, null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("queued");
        cloud.advance(Duration.ofSeconds(31));
        JsonNode image = api.call("GET", glance + "/v2/images/" + imageId, null).json();
        assertThat(image.path("status").asText()).isEqualTo("active");
        assertThat(image.path("from-exosphere").asText()).isEqualTo("true");
        assertThat(image.path("visibility").asText()).isEqualTo("private");
    }

    @Test
    void glanceErrorsAreJsonOnlyWhenAsked() {
        String glance = api.endpoint("image", "IU");
        Api.Result text = api.call("GET", glance + "/v2/images/nope", null);
        assertThat(text.status()).isEqualTo(404);
        assertThat(text.text()).startsWith("404 Not Found\n\n");
        Api.Result json = api.call("GET", glance + "/v2/images/nope", null, "Accept", "application/json");
        assertThat(json.json().path("code").asText()).isEqualTo("404 Not Found");
        assertThat(json.json().path("message").asText()).contains("No image found with ID nope");
    }

    @Test
    void placementUsagesNeedMicroversion19() {
        server("p");
        String url = api.endpoint("placement", "IU") + "/usages?project_id="
                + cloud.credentials().projectId();
        assertThat(api.call("GET", url, null).status()).isEqualTo(404);
        JsonNode usages = api.call("GET", url, null, "OpenStack-API-Version", "placement 1.9")
                .json()
                .path("usages");
        assertThat(usages.path("VCPU").asInt()).isEqualTo(1);
        assertThat(usages.path("MEMORY_MB").asInt()).isEqualTo(3072);
        assertThat(api.call("GET", url, null, "OpenStack-API-Version", "placement 1.9")
                        .json()
                        .path("errors")
                        .isMissingNode())
                .isTrue();
        Api.Result bad = api.call(
                "GET", api.endpoint("placement", "IU") + "/usages", null, "OpenStack-API-Version", "placement 1.9");
        assertThat(bad.json().path("errors").get(0).path("status").asInt()).isEqualTo(400);
    }

    @Test
    void keystoneValidatesAndRevokesTokens() {
        String subject = api.token;
        Api.Result valid = api.call("GET", cloud.keystoneUrl() + "/auth/tokens", null, "X-Subject-Token", subject);
        assertThat(valid.json().path("token").path("project").path("id").asText())
                .isEqualTo(cloud.credentials().projectId());
        assertThat(api.call("DELETE", cloud.keystoneUrl() + "/auth/tokens", null, "X-Subject-Token", subject)
                        .status())
                .isEqualTo(204);
        assertThat(api.call("GET", nova + "/flavors", null).status()).isEqualTo(401);
    }

    @Test
    void deletedServerReleasesItsPortAndFloatingIp() {
        String id = server("gone");
        cloud.advance(Duration.ofSeconds(31));
        assertThat(api.call("DELETE", nova + "/servers/" + id, null).status()).isEqualTo(204);
        cloud.advance(Duration.ofSeconds(6));
        assertThat(api.call("GET", nova + "/servers/" + id, null)
                        .json()
                        .path("itemNotFound")
                        .path("message")
                        .asText())
                .isEqualTo("Instance " + id + " could not be found.");
        assertThat(api.call("GET", api.endpoint("network", "IU") + "/v2.0/ports?device_id=" + id, null)
                        .json()
                        .path("ports"))
                .isEmpty();
    }
}
