package app.exosphere.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.cloudinit.UserDataOptions;
import app.exosphere.cloudinit.WorkflowContribution;
import app.exosphere.cloudinit.console.ConsoleScanner;
import app.exosphere.cloudinit.console.JsonLineMode;
import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.SetupState;
import app.exosphere.cloudinit.console.SetupStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CloudSimulatorTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private CloudSimulator cloud;

    private CloudSimulator start(Scenario scenario) {
        cloud = CloudSimulator.builder()
                .scenario(scenario)
                .clock(SimulatedClock.manual(T0))
                .seed(7)
                .start();
        return cloud;
    }

    @AfterEach
    void close() {
        if (cloud != null) {
            cloud.close();
        }
    }

    /** Real Exosphere user data, rendered by exosphere-cloudinit. */
    static String userData(boolean guacamole, boolean desktop, String workflowRepository) {
        var options = UserDataOptions.builder().guacamole(guacamole).desktop(desktop);
        if (workflowRepository != null) {
            options.workflow(WorkflowContribution.of(workflowRepository, null));
        }
        return options.build().render().base64();
    }

    private String launch(Api api, String region, String name, String userData) {
        String nova = api.endpoint("compute", region);
        String neutron = api.endpoint("network", region);
        String net = api.call(
                        "GET",
                        neutron + "/v2.0/auto-allocated-topology/"
                                + cloud.credentials().projectId(),
                        null)
                .json()
                .path("auto_allocated_topology")
                .path("id")
                .asText();
        String image = api.call("GET", api.endpoint("image", region) + "/v2/images?name=Featured-Ubuntu22", null)
                .json()
                .path("images")
                .get(0)
                .path("id")
                .asText();
        Api.Result created = api.call(
                "POST",
                nova + "/servers",
                "{\"server\":{\"imageRef\":\"" + image
                        + "\",\"name\":\"" + name + "\",\"flavorRef\":\"3\",\"networks\":[{\"uuid\":\"" + net
                        + "\"}],\"user_data\":\"" + userData
                        + "\",\"security_groups\":[{\"name\":\"default\"}],"
                        + "\"metadata\":{\"exoServerVersion\":\"6\",\"exoSetup\":\"{\\\"status\\\":\\\"waiting\\\",\\\"epoch\\\":null}\"}}}");
        assertThat(created.status()).isEqualTo(202);
        return created.json().path("server").path("id").asText();
    }

    private String attachFloatingIp(Api api, String region, String serverId) {
        String neutron = api.endpoint("network", region);
        String port = api.call("GET", neutron + "/v2.0/ports?device_id=" + serverId, null)
                .json()
                .path("ports")
                .get(0)
                .path("id")
                .asText();
        String external = api.call("GET", neutron + "/v2.0/networks?router:external=true", null)
                .json()
                .path("networks")
                .get(0)
                .path("id")
                .asText();
        Api.Result fip = api.call(
                "POST",
                neutron + "/v2.0/floatingips",
                "{\"floatingip\":{\"floating_network_id\":\"" + external + "\",\"port_id\":\"" + port + "\"}}");
        assertThat(fip.status()).isEqualTo(201);
        return fip.json().path("floatingip").path("floating_ip_address").asText();
    }

    // ------------------------------------------------------------------ Keystone

    @Test
    void passwordLoginScopedToTheProjectReturnsACatalogPointingAtTheSimulator() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        assertThat(api.token).isNotBlank();
        assertThat(api.endpoint("compute", "IU")).startsWith(cloud.keystoneUrl().replace("/v3", "/IU/compute"));
        assertThat(api.endpoint("volumev3", "TACC"))
                .endsWith("/TACC/volume/v3/" + cloud.credentials().projectId());
        assertThat(api.call("GET", cloud.keystoneUrl() + "/auth/projects", null)
                        .json()
                        .path("projects")
                        .get(0)
                        .path("name")
                        .asText())
                .isEqualTo(cloud.scenario().projectName());
        assertThat(api.call("GET", cloud.keystoneUrl() + "/regions", null)
                        .json()
                        .path("regions"))
                .extracting(n -> n.path("id").asText())
                .containsExactly("IU", "TACC");
    }

    @Test
    void wrongPasswordIsRejectedWithKeystoneErrorBody() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud);
        Api.Result r = api.call(
                "POST",
                cloud.keystoneUrl() + "/auth/tokens",
                "{\"auth\":{\"identity\":{\"methods\":"
                        + "[\"password\"],\"password\":{\"user\":{\"name\":\"gateway-user\",\"domain\":{\"name\":\"Default\"},"
                        + "\"password\":\"nope\"}}}}}");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").path("code").asInt()).isEqualTo(401);
        assertThat(r.json().path("error").path("title").asText()).isEqualTo("Unauthorized");
        assertThat(r.headers().get("WWW-Authenticate")).startsWith("Keystone uri=");
    }

    @Test
    void applicationCredentialAndOidcAccessTokenAuthenticate() {
        start(Scenario.jetstream2());
        CloudCredentials c = cloud.credentials();
        Api api = new Api(cloud);
        Api.Result app = api.call(
                "POST",
                c.authUrl() + "/auth/tokens",
                "{\"auth\":{\"identity\":{\"methods\":"
                        + "[\"application_credential\"],\"application_credential\":{\"id\":\""
                        + c.applicationCredentialId()
                        + "\",\"secret\":\"" + c.applicationCredentialSecret() + "\"}}}}");
        assertThat(app.status()).isEqualTo(201);
        assertThat(app.json().path("token").path("project").path("id").asText()).isEqualTo(c.projectId());
        assertThat(app.json().path("token").path("methods").get(0).asText()).isEqualTo("application_credential");

        Api.Result unknown = api.call(
                "POST",
                c.authUrl() + "/auth/tokens",
                "{\"auth\":{\"identity\":{\"methods\":"
                        + "[\"application_credential\"],\"application_credential\":{\"id\":\"nope\",\"secret\":\"x\"}}}}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("message").asText())
                .isEqualTo("Could not find Application Credential: nope.");

        Api.Result oidc = api.call("POST", c.oidcAuthUrl(), null, "Authorization", "Bearer " + c.oidcAccessToken());
        assertThat(oidc.status()).isEqualTo(201);
        assertThat(oidc.headers().get("X-Subject-Token")).isNotBlank();
        assertThat(oidc.json().path("token").path("user").has("OS-FEDERATION")).isTrue();
        assertThat(api.call("POST", c.oidcAuthUrl(), null, "Authorization", "Bearer wrong")
                        .status())
                .isEqualTo(401);
        assertThat(c.toString()).doesNotContain(c.password(), c.applicationCredentialSecret(), c.oidcAccessToken());
    }

    @Test
    void createsAndDeletesApplicationCredentialsWithAProjectScopedToken() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        String base = cloud.keystoneUrl() + "/users/" + cloud.credentials().userId() + "/application_credentials";
        Api.Result created = api.call("POST", base, "{\"application_credential\":{\"name\":\"exosphere-x-TRA-1\"}}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("application_credential").path("id").asText();
        assertThat(created.json().path("application_credential").path("secret").asText())
                .isNotBlank();
        assertThat(api.call("POST", base, "{\"application_credential\":{\"name\":\"exosphere-x-TRA-1\"}}")
                        .status())
                .isEqualTo(409);
        assertThat(api.call("DELETE", base + "/" + id, null).status()).isEqualTo(204);
        assertThat(api.call("GET", base + "/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void tokensExpireOnTheSimulatedClock() {
        start(Scenario.jetstream2().toBuilder()
                .tokenLifetime(Duration.ofMinutes(10))
                .build());
        Api api = new Api(cloud).login();
        String nova = api.endpoint("compute", "IU");
        assertThat(api.call("GET", nova + "/flavors", null).status()).isEqualTo(200);
        cloud.advance(Duration.ofMinutes(11));
        Api.Result expired = api.call("GET", nova + "/flavors", null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("error").path("title").asText())
                .as("keystonemiddleware answers for Nova")
                .isEqualTo("Unauthorized");
    }

    // ------------------------------------------------------------------ Nova

    @Test
    void rejectsAnUnsupportedMicroversionWithComputeFault406() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        Api.Result r = api.call(
                "GET", api.endpoint("compute", "IU") + "/servers", null, "OpenStack-API-Version", "compute 4.87");
        assertThat(r.status()).isEqualTo(400);
        Api.Result tooHigh = api.call(
                "GET", api.endpoint("compute", "IU") + "/servers", null, "OpenStack-API-Version", "compute 2.200");
        assertThat(tooHigh.status()).isEqualTo(406);
        assertThat(tooHigh.json().path("computeFault").path("message").asText())
                .isEqualTo("Version 2.200 is not supported by the API. Minimum is 2.1 and maximum is 2.96.");
        Api.Result version = api.call("GET", api.endpoint("compute", "IU"), null);
        assertThat(version.json().path("version").path("version").asText()).isEqualTo("2.96");
        assertThat(version.json().path("version").path("min_version").asText()).isEqualTo("2.1");
    }

    @Test
    void serverGoesFromBuildToActiveAndItsConsoleShowsExosphereSetup() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        String nova = api.endpoint("compute", "IU");
        String id = launch(api, "IU", "lab-1", userData(true, false, null));

        JsonNode building = api.call("GET", nova + "/servers/" + id, null, "OpenStack-API-Version", "compute 2.27")
                .json()
                .path("server");
        assertThat(building.path("status").asText()).isEqualTo("BUILD");
        assertThat(building.path("tags").isArray()).isTrue();
        assertThat(building.path("flavor").path("id").asText()).isEqualTo("3");

        cloud.advance(Duration.ofSeconds(31));
        JsonNode active = api.call("GET", nova + "/servers/" + id, null, "OpenStack-API-Version", "compute 2.27")
                .json()
                .path("server");
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(active.path("addresses")
                        .path("auto_allocated_network")
                        .get(0)
                        .path("addr")
                        .asText())
                .startsWith("10.0.43.");

        cloud.advance(Duration.ofMinutes(10));
        String console = api.call("POST", nova + "/servers/" + id + "/action", "{\"os-getConsoleOutput\":{}}")
                .json()
                .path("output")
                .asText();
        // parsed back with the SDK's own parsers (exosphere-cloudinit console package)
        assertThat(SetupStatus.linesIn(console))
                .extracting(SetupStatus::state)
                .containsExactly(SetupState.STARTING, SetupState.RUNNING, SetupState.COMPLETE);
        Instant created = Instant.parse(building.path("created").asText());
        SetupStatus derived =
                SetupStatus.initial().next(console, created, cloud.clock().now());
        assertThat(derived.state()).isEqualTo(SetupState.COMPLETE);
        assertThat(derived.epochMillis().getAsLong() % 1000).isZero();
        assertThat(console.lines().filter(l -> l.contains("\"status\":")))
                .allMatch(l -> l.matches("\\[ *\\d+\\.\\d{6}\\] \\{\"status\":\"[a-z]+\", \"epoch\": \\d+000\\}"));
        ResourceUsageHistory usage = ResourceUsageHistory.empty().merge(console);
        assertThat(usage.timeSeries()).hasSizeGreaterThan(5);
        List<Long> epochs = new ArrayList<>(usage.timeSeries().keySet());
        for (int i = 1; i < epochs.size(); i++) {
            assertThat(epochs.get(i) - epochs.get(i - 1)).isEqualTo(60_000L);
        }
        assertThat(usage.merge(console).pollingStrikes()).isEqualTo(1);
        assertThat(ConsoleScanner.objects(console, JsonLineMode.STRICT))
                .anyMatch(o -> o.object().path("guacDeployComplete").asBoolean(false));

        String lastTwo = api.call(
                        "POST", nova + "/servers/" + id + "/action", "{\"os-getConsoleOutput\":{\"length\":2}}")
                .json()
                .path("output")
                .asText();
        assertThat(lastTwo.split("\r\n")).hasSize(2);
        assertThat(console).endsWith(lastTwo);
    }

    @Test
    void instancePublishesAnElevenWordPassphraseThatExospherePromotesToATag() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        String nova = api.endpoint("compute", "IU");
        String id = launch(api, "IU", "lab-2", userData(true, true, null));
        assertThat(api.call("GET", nova + "/servers/" + id + "/os-server-password", null)
                        .json()
                        .path("password")
                        .asText())
                .isEmpty();
        cloud.advance(Duration.ofMinutes(3));
        String passphrase = api.call("GET", nova + "/servers/" + id + "/os-server-password", null)
                .json()
                .path("password")
                .asText();
        assertThat(passphrase.split(" ")).hasSize(11).doesNotHaveDuplicates().allMatch(w -> w.matches("[A-Z]{1,4}"));

        // Exosphere's `ServerTags.requestCreateServerTag`: PUT tags/exoPw:<passphrase> with compute 2.26, then DELETE
        // the password
        HttpUrl tagUrl = HttpUrl.get(nova)
                .newBuilder()
                .addPathSegments("servers/" + id + "/tags")
                .addPathSegment("exoPw:" + passphrase)
                .build();
        assertThat(tagUrl.toString()).contains("%20");
        assertThat(api.call("PUT", tagUrl.toString(), null, "OpenStack-API-Version", "compute 2.26")
                        .status())
                .isEqualTo(201);
        assertThat(api.call("DELETE", nova + "/servers/" + id + "/os-server-password", null)
                        .status())
                .isEqualTo(204);
        JsonNode tags = api.call(
                        "GET", nova + "/servers/" + id + "/tags", null, "OpenStack-API-Version", "compute 2.26")
                .json()
                .path("tags");
        assertThat(tags.get(0).asText()).isEqualTo("exoPw:" + passphrase);
        assertThat(api.call("GET", nova + "/servers/" + id + "/tags", null).status())
                .as("tags need microversion 2.26")
                .isEqualTo(404);
        assertThat(cloud.server(id).orElseThrow().passphrase()).contains(passphrase);
        assertThat(cloud.journal().transcript())
                .contains("PUT /servers/" + id + "/tags/exoPw:<redacted> -> 201")
                .doesNotContain(passphrase);
    }

    @Test
    void guacamoleTokenApiIsReachableThroughTheUapOverTlsWithThePassphrase() throws IOException {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        String id = launch(api, "IU", "lab-3", userData(true, false, null));
        cloud.advance(Duration.ofSeconds(31));
        String ip = attachFloatingIp(api, "IU", id);
        assertThat(ip).startsWith("149.165.150.");
        String url = "https://http-" + ip.replace('.', '-') + "-49528."
                + cloud.uapHostname("IU").orElseThrow() + "/guacamole/api/tokens";

        assertThat(postForm(url, "exouser", "anything"))
                .as("Guacamole not deployed yet")
                .isEqualTo(502);
        cloud.advance(Duration.ofMinutes(10));
        String passphrase = cloud.server(id).orElseThrow().passphrase().orElseThrow();
        assertThat(postForm(url, "exouser", "WRONG")).isEqualTo(403);

        Request request = new Request.Builder()
                .url(url)
                .post(new FormBody.Builder()
                        .add("username", "exouser")
                        .add("password", passphrase)
                        .build())
                .build();
        try (Response r = api.http.newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.handshake()).isNotNull();
            JsonNode body = Api.JSON.readTree(r.body().string());
            assertThat(body.path("authToken").asText()).hasSize(64);
            assertThat(body.path("username").asText()).isEqualTo("exouser");
            assertThat(body.path("dataSource").asText()).isEqualTo("default");
        }
        String tacc = "https://http-" + ip.replace('.', '-') + "-49528."
                + cloud.uapHostname("TACC").orElseThrow() + "/guacamole/api/tokens";
        assertThat(postForm(tacc, "exouser", passphrase))
                .as("TACC's UAP cannot reach IU addresses")
                .isEqualTo(502);
    }

    private int postForm(String url, String user, String password) throws IOException {
        Request request = new Request.Builder()
                .url(url)
                .post(new FormBody.Builder()
                        .add("username", user)
                        .add("password", password)
                        .build())
                .build();
        try (Response r = new Api(cloud).http.newCall(request).execute()) {
            return r.code();
        }
    }

    @Test
    void workflowInstancePrintsSetupLinesAndATokenThatJupyterAccepts() throws IOException {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        String id =
                launch(api, "IU", "binder", userData(false, false, "https://github.com/binder-examples/r_with_python"));
        cloud.advance(Duration.ofSeconds(31));
        String ip = attachFloatingIp(api, "IU", id);
        cloud.advance(Duration.ofMinutes(12));
        SimulatedServer server = cloud.server(id).orElseThrow();
        String console = server.consoleLog();
        assertThat(console).contains("{\"exoWorkflowSetup\":\"started\"}", "{\"exoWorkflowSetup\":\"complete\"}");
        String token = server.workflowToken().orElseThrow();
        assertThat(ConsoleScanner.lastString(console, "exoWorkflowToken")).contains(token);
        assertThat(console).contains("{\"exoWorkflowToken\":\"" + token + "\"}");
        assertThat(token).matches("[a-f0-9]+");

        String base = "https://http-" + ip.replace('.', '-') + "-8888."
                + cloud.uapHostname("IU").orElseThrow();
        try (Response ok = api.http
                .newCall(new Request.Builder()
                        .url(base + "/rstudio?token=" + token)
                        .build())
                .execute()) {
            assertThat(ok.code()).isEqualTo(200);
            assertThat(ok.body().string()).contains("r_with_python");
        }
        okhttp3.OkHttpClient noRedirects =
                api.http.newBuilder().followRedirects(false).build();
        try (Response denied = noRedirects
                .newCall(new Request.Builder().url(base + "/rstudio?token=bad").build())
                .execute()) {
            assertThat(denied.code()).isEqualTo(302);
            assertThat(denied.header("Location")).startsWith("/login");
        }
    }

    @Test
    void scriptedSetupFailureEndsWithErrorStatus() {
        start(Scenario.jetstream2());
        cloud.failSetupOfServersNamed("^doomed");
        Api api = new Api(cloud).login();
        String id = launch(api, "IU", "doomed-1", userData(false, false, null));
        cloud.advance(Duration.ofMinutes(10));
        assertThat(cloud.server(id).orElseThrow().consoleLog())
                .contains("{\"status\":\"error\", \"epoch\": ")
                .doesNotContain("\"complete\"");
    }

    @Test
    void serverActionsFollowNovaStateRules() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        String nova = api.endpoint("compute", "IU");
        String id = launch(api, "IU", "actions", userData(false, false, null));
        String action = nova + "/servers/" + id + "/action";
        assertThat(api.call("POST", action, "{\"os-stop\":null}").status())
                .as("still building")
                .isEqualTo(409);
        cloud.advance(Duration.ofSeconds(31));
        assertThat(api.call("POST", action, "{\"os-stop\":null}").status()).isEqualTo(202);
        cloud.advance(Duration.ofSeconds(11));
        assertThat(cloud.server(id).orElseThrow().status()).isEqualTo("SHUTOFF");
        Api.Result suspend = api.call("POST", action, "{\"suspend\":null}");
        assertThat(suspend.status()).isEqualTo(409);
        assertThat(suspend.json().path("conflictingRequest").path("message").asText())
                .contains("vm_state stopped");
        assertThat(api.call("POST", action, "{\"os-start\":null}").status()).isEqualTo(202);
        cloud.advance(Duration.ofSeconds(16));
        assertThat(cloud.server(id).orElseThrow().status()).isEqualTo("ACTIVE");
        assertThat(api.call("POST", action, "{\"lock\":null}").status()).isEqualTo(202);
        assertThat(api.call("DELETE", nova + "/servers/" + id, null).status()).isEqualTo(409);
        assertThat(api.call("POST", action, "{\"unlock\":null}").status()).isEqualTo(202);
        assertThat(api.call("POST", action, "{\"shelve\":null}").status()).isEqualTo(202);
        cloud.advance(Duration.ofSeconds(31));
        assertThat(cloud.server(id).orElseThrow().status()).isEqualTo("SHELVED_OFFLOADED");
        JsonNode actions = api.call("GET", nova + "/servers/" + id + "/os-instance-actions", null)
                .json()
                .path("instanceActions");
        assertThat(actions)
                .extracting(a -> a.path("action").asText())
                .containsExactly("shelve", "unlock", "lock", "start", "stop", "create");
        assertThat(api.call("POST", action, "{\"frobnicate\":null}")
                        .json()
                        .path("badRequest")
                        .path("message")
                        .asText())
                .isEqualTo("There is no such action: frobnicate");
    }

    @Test
    void volumeAttachmentCarriesTheExosphereDeviceTag() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        String nova = api.endpoint("compute", "IU");
        String cinder = api.endpoint("volumev3", "IU");
        String id = launch(api, "IU", "vol", userData(false, false, null));
        String vol = api.call("POST", cinder + "/volumes", "{\"volume\":{\"size\":10,\"name\":\"data\"}}")
                .json()
                .path("volume")
                .path("id")
                .asText();
        cloud.advance(Duration.ofSeconds(31));
        String body = "{\"volumeAttachment\":{\"volumeId\":\"" + vol
                + "\",\"tag\":\"exoVolume::{\\\"name\\\":\\\"data\\\"}\"}}";
        assertThat(api.call("POST", nova + "/servers/" + id + "/os-volume_attachments", body)
                        .status())
                .as("tags need 2.49")
                .isEqualTo(400);
        Api.Result attached = api.call(
                "POST",
                nova + "/servers/" + id + "/os-volume_attachments",
                body,
                "X-OpenStack-Nova-API-Version",
                "2.49");
        assertThat(attached.status()).isEqualTo(200);
        cloud.advance(Duration.ofSeconds(4));
        JsonNode list = api.call(
                        "GET",
                        nova + "/servers/" + id + "/os-volume_attachments",
                        null,
                        "OpenStack-API-Version",
                        "compute 2.70")
                .json()
                .path("volumeAttachments");
        assertThat(list.get(0).path("tag").asText()).isEqualTo("exoVolume::{\"name\":\"data\"}");
        assertThat(api.call("GET", cinder + "/volumes/" + vol, null)
                        .json()
                        .path("volume")
                        .path("status")
                        .asText())
                .isEqualTo("in-use");
    }

    // ------------------------------------------------------------------ pagination

    @Test
    void glancePaginatesWithNextLinksAndNeutronWithMarkerLinks() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        String glance = api.endpoint("image", "IU");
        Set<String> ids = new HashSet<>();
        String next = "/v2/images";
        int pages = 0;
        while (next != null) {
            JsonNode page = api.call("GET", glance + next, null).json();
            page.path("images").forEach(i -> ids.add(i.path("id").asText()));
            next = page.has("next") ? page.path("next").asText() : null;
            pages++;
        }
        assertThat(pages).as("default page size 25").isEqualTo(2);
        assertThat(ids).hasSize(33);
        JsonNode all = api.call("GET", glance + "/v2/images?limit=999999", null).json();
        assertThat(all.path("images")).hasSize(33);
        assertThat(all.has("next")).isFalse();
        assertThat(api.call("GET", glance + "/v2/images?visibility=community&status=active", null)
                        .json()
                        .path("images"))
                .hasSize(6);

        String neutron = api.endpoint("network", "IU");
        api.call(
                "GET",
                neutron + "/v2.0/auto-allocated-topology/" + cloud.credentials().projectId(),
                null);
        JsonNode first =
                api.call("GET", neutron + "/v2.0/networks?limit=1", null).json();
        assertThat(first.path("networks")).hasSize(1);
        String href = first.path("networks_links").get(0).path("href").asText();
        assertThat(first.path("networks_links").get(0).path("rel").asText()).isEqualTo("next");
        JsonNode second = api.call("GET", href, null).json();
        assertThat(second.path("networks")).hasSize(1);
        assertThat(second.path("networks").get(0).path("id").asText())
                .isNotEqualTo(first.path("networks").get(0).path("id").asText());
        assertThat(second.path("networks_links"))
                .extracting(l -> l.path("rel").asText())
                .containsExactly("previous");
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    void nearQuotaProjectFitsOneMoreSmallServerButNotTwo() {
        start(Scenario.nearQuota());
        Api api = new Api(cloud).login();
        String nova = api.endpoint("compute", "IU");
        JsonNode limits =
                api.call("GET", nova + "/limits", null).json().path("limits").path("absolute");
        assertThat(limits.path("totalCoresUsed").asInt()).isEqualTo(4);
        assertThat(limits.path("maxTotalCores").asInt()).isEqualTo(6);
        String net = api.call("GET", api.endpoint("network", "IU") + "/v2.0/networks?name=auto_allocated_network", null)
                .json()
                .path("networks")
                .get(0)
                .path("id")
                .asText();
        String image = api.call("GET", api.endpoint("image", "IU") + "/v2/images?limit=1", null)
                .json()
                .path("images")
                .get(0)
                .path("id")
                .asText();
        String body = "{\"server\":{\"imageRef\":\"" + image + "\",\"name\":\"x\",\"flavorRef\":\"2\",\"networks\":"
                + "[{\"uuid\":\"" + net + "\"}]}}";
        assertThat(api.call("POST", nova + "/servers", body).status()).isEqualTo(202);
        Api.Result refused = api.call("POST", nova + "/servers", body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("forbidden").path("message").asText()).startsWith("Quota exceeded for cores");
        JsonNode fip = api.call(
                        "GET",
                        api.endpoint("network", "IU") + "/v2.0/quotas/"
                                + cloud.credentials().projectId() + "/details.json",
                        null)
                .json()
                .path("quota")
                .path("floatingip");
        assertThat(fip.path("used").asInt()).isEqualTo(2);
        assertThat(fip.path("limit").asInt()).isEqualTo(3);
    }

    @Test
    void cloudWithoutAutoAllocationAnswersNeutronErrorAndOffersAProjectNetwork() {
        start(Scenario.withoutAutoAllocation());
        Api api = new Api(cloud).login();
        String neutron = api.endpoint("network", "RegionOne");
        Api.Result r = api.call(
                "GET",
                neutron + "/v2.0/auto-allocated-topology/" + cloud.credentials().projectId(),
                null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("NeutronError").path("type").asText()).isEqualTo("AutoAllocationFailure");
        assertThat(r.json().path("NeutronError").path("detail").asText()).isEmpty();
        assertThat(api.call("GET", neutron + "/v2.0/networks?router:external=false", null)
                        .json()
                        .path("networks"))
                .extracting(n -> n.path("name").asText())
                .containsExactly(cloud.scenario().projectName().toLowerCase() + "-network");
    }

    @Test
    void exposesCloudConfigsJsAndCloudsYaml() {
        start(Scenario.jetstream2());
        assertThat(cloud.cloudConfigsJs())
                .contains(
                        "keystoneHostname: \"127.0.0.1\"",
                        "{ region: \"IU\", hostname: \"proxy-js2-iu.simulated.test\" }",
                        "{ region: \"TACC\", hostname: \"proxy-js2-tacc.simulated.test\" }",
                        "{ region: null, hostname: \"proxy-js2-iu.simulated.test\" }");
        assertThat(cloud.cloudsYaml())
                .contains("auth_url: " + cloud.keystoneUrl(), "region_name: IU", "auth_type: v3applicationcredential");
        cloud.close();
        start(Scenario.withoutUap());
        assertThat(cloud.cloudConfigsJs()).contains("userAppProxy: null,");
        assertThat(cloud.uapHostname("RegionOne")).isEmpty();
    }

    // ------------------------------------------------------------------ faults and journal

    @Test
    void injectedFaultsUseEachServicesErrorFormat() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        cloud.faults()
                .add(Fault.on(Service.COMPUTE)
                        .method("GET")
                        .path("^/flavors")
                        .respondWith(503)
                        .times(1)
                        .build());
        cloud.faults().add(Fault.on(Service.NETWORK).respondWith(500).times(1).build());
        Api.Result nova = api.call("GET", api.endpoint("compute", "IU") + "/flavors", null);
        assertThat(nova.status()).isEqualTo(503);
        assertThat(nova.json().path("serviceUnavailable").path("code").asInt()).isEqualTo(503);
        assertThat(api.call("GET", api.endpoint("compute", "IU") + "/flavors", null)
                        .status())
                .isEqualTo(200);
        Api.Result neutron = api.call("GET", api.endpoint("network", "IU") + "/v2.0/networks", null);
        assertThat(neutron.json().path("NeutronError").path("message").asText()).contains("Simulated fault");
        assertThat(cloud.faults().active()).isEmpty();
    }

    @Test
    void droppedResponseAfterProcessingStillCreatesTheServer() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        // OkHttp silently retries a request on a pooled connection that fails: exactly the double-POST risk
        api.http = api.http.newBuilder().retryOnConnectionFailure(false).build();
        cloud.faults()
                .add(Fault.on(Service.COMPUTE)
                        .method("POST")
                        .path("^/servers$")
                        .dropResponseAfterProcessing()
                        .times(1)
                        .build());
        assertThatThrownBy(() -> launch(api, "IU", "lost-answer", userData(false, false, null)))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(cloud.server("lost-answer")).isPresent();
        JournalEntry post = cloud.journal().entries(Service.COMPUTE).stream()
                .filter(e -> e.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(post.status()).isZero();
        assertThat(post.fault()).isPresent();
    }

    @Test
    void disconnectFaultNeverReachesTheService() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        api.http = api.http.newBuilder().retryOnConnectionFailure(false).build();
        cloud.faults().add(Fault.on(Service.VOLUME).disconnect().times(1).build());
        String cinder = api.endpoint("volumev3", "IU");
        assertThatThrownBy(() -> api.call("POST", cinder + "/volumes", "{\"volume\":{\"size\":1}}"))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(api.call("GET", cinder + "/volumes", null).json().path("volumes"))
                .isEmpty();
    }

    @Test
    void latencyFaultDelaysAndProbabilityFaultHitsSome() {
        start(Scenario.jetstream2());
        Api api = new Api(cloud).login();
        String placement = api.endpoint("placement", "IU");
        cloud.faults()
                .add(Fault.on(Service.PLACEMENT)
                        .latency(Duration.ofMillis(300))
                        .times(1)
                        .build());
        long t = System.nanoTime();
        assertThat(api.call(
                                "GET",
                                placement + "/usages?project_id="
                                        + cloud.credentials().projectId(),
                                null,
                                "OpenStack-API-Version",
                                "placement 1.9")
                        .status())
                .isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        cloud.faults()
                .add(Fault.on(Service.IMAGE)
                        .respondWith(503)
                        .probability(0.5)
                        .seed(3)
                        .build());
        int failures = 0;
        for (int i = 0; i < 40; i++) {
            if (api.call("GET", api.endpoint("image", "IU") + "/v2/images?limit=1", null)
                            .status()
                    == 503) {
                failures++;
            }
        }
        assertThat(failures).isBetween(8, 32);
    }

    @Test
    void journalCountsRoundTripsAndItsTranscriptHoldsNoSecrets() {
        start(Scenario.jetstream2());
        new Api(cloud).login();
        assertThat(cloud.journal().count(Service.IDENTITY, "POST", "^/auth/tokens$"))
                .isEqualTo(2);
        assertThat(cloud.journal().size()).isEqualTo(2);
        assertThat(cloud.journal().transcript())
                .contains("POST /auth/tokens -> 201")
                .doesNotContain(cloud.credentials().password());
    }
}
