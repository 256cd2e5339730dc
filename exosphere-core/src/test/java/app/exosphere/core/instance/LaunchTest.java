package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.Samples;
import app.exosphere.core.error.InsufficientQuotaException;
import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.core.rules.FloatingIpChoice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Launch transcripts against a routed MockWebServer answering with upstream API samples. */
class LaunchTest {

    static final String CLIENT = "3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b";
    static final String AUTO_NET = "d32019d3-bc6e-4319-9c1d-6722fc136a22";
    static final String CREATED_ID = "f5dc173b-6804-445a-a6d8-c705dad5b5eb";
    static final ObjectMapper JSON = new ObjectMapper();

    private final RoutedCloud cloud = new RoutedCloud();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        cloud.close();
    }

    /** A server as Nova returns it, with the id asked for and the given metadata/tags. */
    static String serverBody(String id, String status, JsonNode metadata, List<String> tags) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(Samples.text("nova/servers__server-get-resp.json"));
            ObjectNode s = (ObjectNode) root.get("server");
            s.put("id", id);
            s.put("status", status);
            if (metadata != null) {
                s.set("metadata", metadata);
            }
            ArrayNode t = s.putArray("tags");
            tags.forEach(t::add);
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void routeStandardCloud(RoutedCloud cloud) {
        cloud.onSample("GET", "/image/v2/images", "glance/images-list-response.json")
                .onSample("GET", "/compute/v2.1/flavors/detail", "nova/flavors__flavors-detail-resp.json")
                .on(
                        "GET",
                        "/network/v2.0/auto-allocated-topology/.*",
                        200,
                        "{\"auto_allocated_topology\":{\"id\":\"" + AUTO_NET + "\",\"project_id\":\""
                                + RoutedCloud.PROJECT_ID + "\"}}")
                .onSample("GET", "/network/v2.0/networks", "neutron/networks__networks-list-response.json")
                .on("GET", "/network/v2.0/security-groups", 200, "{\"security_groups\":[]}")
                .onSample(
                        "POST",
                        "/network/v2.0/security-groups",
                        "neutron/security-groups__security-group-create-response.json")
                .on(
                        "POST",
                        "/network/v2.0/security-group-rules",
                        201,
                        Samples.text("neutron/security-groups__security-group-rule-create-response.json"))
                .on(
                        "DELETE",
                        "/network/v2.0/security-group-rules/.*",
                        r -> new MockResponse.Builder().code(204).build())
                .onSample("GET", "/compute/v2.1/limits", "nova/limits__limit-get-resp.json")
                .onSample(
                        "GET",
                        "/network/v2.0/quotas/.*/details.json",
                        "neutron/quota_details__quota-details-show-for-project-response.json")
                .on("POST", "/compute/v2.1/servers", 202, Samples.text("nova/servers__server-create-resp.json"))
                .on("GET", "/compute/v2.1/servers/detail", 200, "{\"servers\":[]}")
                .on(
                        "GET",
                        "/compute/v2.1/servers/[^/]+",
                        r -> RoutedCloud.json(
                                200,
                                serverBody(
                                        r.getUrl().pathSegments().get(r.getUrl().pathSize() - 1),
                                        "BUILD",
                                        null,
                                        List.of())));
    }

    private Instances instances() {
        ExosphereSettings settings = ExosphereSettings.builder()
                .clientUuid(CLIENT)
                .uapHostname("proxy-test.exosphere.app")
                .build();
        return Instances.create(
                cloud.openStack(), settings, Clock.fixed(RoutedCloud.SAMPLE_NOW, ZoneOffset.UTC), scheduler);
    }

    private static LaunchRequest request() {
        return LaunchRequest.builder()
                .name("analysis")
                .image(ImageChoice.name("cirros-0.3.2-x86_64-disk"))
                .launchId(LaunchId.of("test-launch-0001"))
                .build();
    }

    private JsonNode createBody() throws Exception {
        RoutedCloud.Call post = cloud.calls().stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("/compute/v2.1/servers"))
                .findFirst()
                .orElseThrow();
        return JSON.readTree(post.body()).get("server");
    }

    @Test
    void launchRunsOneParallelLookupWaveThenCreatesTheServerWithExosphereMetadata() throws Exception {
        routeStandardCloud(cloud);
        List<String> wave = List.of(
                "GET /image/v2/images",
                "GET /compute/v2.1/flavors/detail",
                "GET /network/v2.0/auto-allocated-topology/" + RoutedCloud.PROJECT_ID,
                "GET /network/v2.0/networks",
                "GET /network/v2.0/security-groups",
                "GET /compute/v2.1/limits");
        // one wave: no look-up is answered before all six have been sent
        cloud.answerOnlyWhenAllArrived(wave);

        Instance vm = instances().launch(request()).execute();

        assertThat(vm.id()).isEqualTo(CREATED_ID);
        List<RoutedCloud.Call> calls = cloud.calls();
        assertThat(cloud.lines()).containsAll(wave);
        assertThat(cloud.heldAnswersTimedOut())
                .as("the look-ups were sent one after another")
                .isFalse();
        // an automatic floating IP is not counted by the quota check: no Neutron quota look-up
        assertThat(cloud.count("GET", "/network/v2.0/quotas/.*")).isZero();
        // the security group was created and reconciled (Neutron's two undescribed egress rules replaced)
        assertThat(cloud.count("POST", "/network/v2.0/security-group-rules")).isEqualTo(8);
        assertThat(cloud.count("DELETE", "/network/v2.0/security-group-rules/.*"))
                .isEqualTo(2);
        // create comes after every look-up, exactly once
        RoutedCloud.Call post = calls.stream()
                .filter(c -> c.line().equals("POST /compute/v2.1/servers"))
                .findFirst()
                .orElseThrow();
        assertThat(calls.stream().filter(c -> wave.contains(c.line())))
                .allSatisfy(c -> assertThat(c.arrivedNanos()).isLessThan(post.arrivedNanos()));
        assertThat(cloud.count("POST", "/compute/v2.1/servers")).isEqualTo(1);

        JsonNode s = createBody();
        assertThat(s.fieldNames())
                .toIterable()
                .containsExactly(
                        "imageRef",
                        "name",
                        "flavorRef",
                        "networks",
                        "user_data",
                        "security_groups",
                        "metadata",
                        "tags");
        assertThat(s.get("imageRef").asText()).isEqualTo("1bea47ed-f6a9-463b-b423-14b9cca9ad27");
        assertThat(s.get("name").asText()).isEqualTo("analysis");
        assertThat(s.get("flavorRef").asText()).isEqualTo("1"); // smallest allowed
        assertThat(s.get("networks").get(0).get("uuid").asText()).isEqualTo(AUTO_NET);
        assertThat(s.get("security_groups").get(0).get("name").asText()).isEqualTo("exosphere");
        assertThat(s.get("tags").get(0).asText()).isEqualTo("exoLaunch:test-launch-0001");
        JsonNode md = s.get("metadata");
        assertThat(md.fieldNames())
                .toIterable()
                .containsExactly(
                        "exoGuac",
                        "exoServerVersion",
                        "exoClientUuid",
                        "exoCreatorUsername",
                        "exoSetup",
                        "exoFloatingIpOption",
                        "exoLaunchId");
        assertThat(md.get("exoGuac").asText()).isEqualTo("{\"v\":1,\"ssh\":true,\"vnc\":false}");
        assertThat(md.get("exoServerVersion").asText()).isEqualTo("6");
        assertThat(md.get("exoClientUuid").asText()).isEqualTo(CLIENT);
        assertThat(md.get("exoCreatorUsername").asText()).isEqualTo("admin");
        assertThat(md.get("exoSetup").asText()).isEqualTo("{\"status\":\"waiting\",\"epoch\":null}");
        assertThat(md.get("exoFloatingIpOption").asText()).isEqualTo("automatic");
        String userData =
                new String(Base64.getDecoder().decode(s.get("user_data").asText()), StandardCharsets.UTF_8);
        assertThat(userData).contains("multipart/mixed").contains("\\\"guac_enabled\\\":true");
    }

    @Test
    void userDataUsesTheDeploymentsInstanceSetupRepositoryAndCheckout() throws Exception {
        routeStandardCloud(cloud);
        ExosphereSettings settings = ExosphereSettings.builder()
                .clientUuid(CLIENT)
                .uapHostname("proxy-test.exosphere.app")
                .configManagementRepository("https://git.example.org/gateway/instance-setup.git")
                .configManagementCheckout("gateway-v2")
                .build();

        Instances.create(cloud.openStack(), settings, Clock.fixed(RoutedCloud.SAMPLE_NOW, ZoneOffset.UTC), scheduler)
                .launch(request())
                .execute();

        String userData = new String(
                Base64.getDecoder().decode(createBody().get("user_data").asText()), StandardCharsets.UTF_8);
        assertThat(userData)
                .contains("https://git.example.org/gateway/instance-setup.git")
                .contains("gateway-v2")
                .doesNotContain("gitlab.com/exosphere/exosphere.git");
    }

    @Test
    void volumeBackedLaunchWithWorkflowAndUseExistingFloatingIp() throws Exception {
        routeStandardCloud(cloud);
        cloud.onSample("GET", "/volume/v3/limits", "cinder/limits__limits-show-response.json");

        instances()
                .launch(request().toBuilder()
                        .rootVolumeGb(20)
                        .guacamole(false)
                        .floatingIp(FloatingIpChoice.useExisting("9d1c"))
                        .workflow(app.exosphere.workflow.WorkflowSource.of(
                                "https://github.com/binder-examples/r_with_python", "", "rstudio"))
                        .build())
                .execute();

        JsonNode s = createBody();
        assertThat(s.has("imageRef")).isFalse();
        JsonNode bdm = s.get("block_device_mapping_v2").get(0);
        assertThat(bdm.get("boot_index").asText()).isEqualTo("0");
        assertThat(bdm.get("volume_size").asText()).isEqualTo("20");
        JsonNode md = s.get("metadata");
        assertThat(md.has("exoGuac")).isFalse();
        assertThat(md.get("exoFloatingIpOption").asText()).isEqualTo("useFloatingIp");
        assertThat(md.get("exoFloatingIpReuseOption").asText()).isEqualTo("9d1c");
        assertThat(md.get("exoCustomWorkflow").asText())
                .isEqualTo(
                        "{\"v\":1,\"repo\":\"https://github.com/binder-examples/r_with_python\",\"ref\":\"\",\"path\":\"rstudio\"}");
        assertThat(cloud.count("GET", "/volume/v3/limits")).isEqualTo(1);
        assertThat(cloud.count("GET", "/network/v2.0/quotas/.*")).isZero();
    }

    @Test
    void droppedConnectionAfterNovaCreatedTheServerFindsItByTagAndNeverCreatesTwo() {
        routeStandardCloud(cloud);
        cloud.once(
                "POST",
                "/compute/v2.1/servers",
                new MockResponse.Builder()
                        .code(202)
                        .body(Samples.text("nova/servers__server-create-resp.json"))
                        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                        .build());
        JsonNode md = JSON.createObjectNode().put("exoLaunchId", "test-launch-0001");
        // a caller-chosen launch id is looked up before the first POST (nothing yet), then after the failure
        cloud.once("GET", "/compute/v2.1/servers/detail", RoutedCloud.json(200, "{\"servers\":[]}"));
        cloud.once(
                "GET",
                "/compute/v2.1/servers/detail",
                RoutedCloud.json(
                        200,
                        "{\"servers\":["
                                + inner(serverBody(CREATED_ID, "BUILD", md, List.of("exoLaunch:test-launch-0001")))
                                + "]}"));

        Instance vm = instances().launch(request()).execute();

        assertThat(vm.id()).isEqualTo(CREATED_ID);
        assertThat(cloud.count("POST", "/compute/v2.1/servers")).isEqualTo(1);
        assertThat(cloud.calls().stream()
                        .filter(c -> c.line().equals("GET /compute/v2.1/servers/detail"))
                        .map(RoutedCloud.Call::query))
                .hasSize(2)
                .allMatch("tags=exoLaunch%3Atest-launch-0001"::equals);
    }

    @Test
    void serverErrorAfterCreateIsResolvedByLookupNotByASecondPost() {
        routeStandardCloud(cloud);
        cloud.once(
                "POST",
                "/compute/v2.1/servers",
                RoutedCloud.json(500, "{\"computeFault\":{\"message\":\"Unexpected API Error.\",\"code\":500}}"));
        JsonNode md = JSON.createObjectNode().put("exoLaunchId", "test-launch-0001");
        // a caller-chosen launch id is looked up before the first POST (nothing yet), then after the failure
        cloud.once("GET", "/compute/v2.1/servers/detail", RoutedCloud.json(200, "{\"servers\":[]}"));
        cloud.once(
                "GET",
                "/compute/v2.1/servers/detail",
                RoutedCloud.json(
                        200,
                        "{\"servers\":["
                                + inner(serverBody(CREATED_ID, "BUILD", md, List.of("exoLaunch:test-launch-0001")))
                                + "]}"));

        assertThat(instances().launch(request()).execute().id()).isEqualTo(CREATED_ID);
        assertThat(cloud.count("POST", "/compute/v2.1/servers")).isEqualTo(1);
    }

    @Test
    void readTimeoutWithoutACreatedServerAfterTheReconcileWindowRetriesOnceAndCreatesExactlyOne() {
        routeStandardCloud(cloud);
        cloud.openStack(Duration.ofMillis(300));
        cloud.once(
                "POST",
                "/compute/v2.1/servers",
                new MockResponse.Builder()
                        .code(202)
                        .body(Samples.text("nova/servers__server-create-resp.json"))
                        .headersDelay(2, TimeUnit.SECONDS)
                        .build());

        // a zero window: the first look-up after the timeout is already past it (the clock here is fixed)
        ExosphereSettings settings = ExosphereSettings.builder()
                .clientUuid(CLIENT)
                .uapHostname("proxy-test.exosphere.app")
                .reconcileWindow(Duration.ZERO)
                .build();
        Instances instances = Instances.create(
                cloud.openStack(), settings, Clock.fixed(RoutedCloud.SAMPLE_NOW, ZoneOffset.UTC), scheduler);

        assertThat(instances.launch(request()).execute().id()).isEqualTo(CREATED_ID);
        // look-up before the first POST, the reconciling one after the timeout, the race check after the create
        assertThat(cloud.count("GET", "/compute/v2.1/servers/detail")).isEqualTo(3);
        assertThat(cloud.count("POST", "/compute/v2.1/servers")).isEqualTo(2);
    }

    @Test
    void clientErrorsOnCreateAreNotRetried() {
        routeStandardCloud(cloud);
        cloud.once(
                "POST",
                "/compute/v2.1/servers",
                RoutedCloud.json(400, "{\"badRequest\":{\"message\":\"Invalid flavorRef provided.\",\"code\":400}}"));
        assertThatThrownBy(() -> instances().launch(request()).execute()).hasMessageContaining("Invalid flavorRef");
        assertThat(cloud.count("POST", "/compute/v2.1/servers")).isEqualTo(1);
        // only the look-up of the caller-chosen launch id before the POST; a 400 is not ambiguous
        assertThat(cloud.count("GET", "/compute/v2.1/servers/detail")).isEqualTo(1);
    }

    @Test
    void exhaustedQuotaFailsBeforeAnythingIsCreated() {
        routeStandardCloud(cloud);
        // 20 cores in the nova sample; 3 × m1.xlarge need 24
        assertThatThrownBy(() -> instances()
                        .launchAll(request().toBuilder()
                                .count(3)
                                .flavor(FlavorChoice.name("m1.xlarge"))
                                .build())
                        .execute())
                .isInstanceOf(InsufficientQuotaException.class)
                .hasMessageContaining("cores: need 24, 20 left of 20");
        assertThat(cloud.count("POST", "/compute/v2.1/servers")).isZero();
    }

    @Test
    void multipleInstancesGetExosphereNamesAndTheirOwnLaunchIds() throws Exception {
        routeStandardCloud(cloud);
        instances().launchAll(request().toBuilder().count(2).build()).execute();
        List<JsonNode> bodies = cloud.calls().stream()
                .filter(c -> c.line().equals("POST /compute/v2.1/servers"))
                .map(c -> {
                    try {
                        return JSON.readTree(c.body()).get("server");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(bodies)
                .extracting(b -> b.get("name").asText())
                .containsExactlyInAnyOrder("analysis 1 of 2", "analysis 2 of 2");
        assertThat(bodies)
                .extracting(b -> b.get("metadata").get("exoLaunchId").asText())
                .containsExactlyInAnyOrder("test-launch-0001-1", "test-launch-0001-2");
    }

    @Test
    void withoutAutoAllocationAndNoMatchingNetworkTheLaunchSaysWhichNetworksExist() {
        routeStandardCloud(cloud);
        cloud.once(
                "GET",
                "/network/v2.0/auto-allocated-topology/.*",
                RoutedCloud.json(
                        404,
                        "{\"NeutronError\":{\"type\":\"NotFound\",\"message\":\"Auto allocation disabled\",\"detail\":\"\"}}"));
        assertThatThrownBy(() -> instances().launch(request()).execute())
                .isInstanceOf(InvalidLaunchRequestException.class)
                .hasMessageContaining("net1 (d32019d3-bc6e-4319-9c1d-6722fc136a22)");
        assertThat(cloud.count("POST", "/compute/v2.1/servers")).isZero();
        assertThat(instances()
                        .launch(request().toBuilder().network("net2").build())
                        .execute()
                        .id())
                .isEqualTo(CREATED_ID);
    }

    private static String inner(String serverGetBody) {
        try {
            return JSON.writeValueAsString(JSON.readTree(serverGetBody).get("server"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unused")
    private static String bodyOf(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }
}
