package app.exosphere.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One simulated cloud hosting two projects, each with its own user: a token of one project never sees
 * nor touches the other's resources, answered as OpenStack answers (404 for another project's resource),
 * and what each client does is counted in its own project's state.
 */
class MultiProjectCloudTest {
    private CloudSimulator cloud;
    private Api alpha;
    private Api beta;

    @BeforeEach
    void start() {
        cloud = CloudSimulator.builder()
                .scenario(Scenario.jetstream2())
                .clock(SimulatedClock.manual(Instant.parse("2024-01-01T00:00:00Z")))
                .seed(19)
                .addProject("beta-lab", "bob", "bob-secret-password")
                .start();
        alpha = new Api(cloud).login();
        beta = new Api(cloud).login(cloud.credentials("beta-lab"));
    }

    @AfterEach
    void close() {
        cloud.close();
    }

    private static String image(Api api, String name) {
        JsonNode images = api.call("GET", api.endpoint("image", "IU") + "/v2/images?name=" + name, null)
                .json()
                .path("images");
        return images.isEmpty() ? null : images.get(0).path("id").asText();
    }

    private static Api.Result launch(Api api, String name, String image) {
        return launch(api, name, image, "");
    }

    private static Api.Result launch(Api api, String name, String image, String userData) {
        String net = api.call(
                        "GET", api.endpoint("network", "IU") + "/v2.0/auto-allocated-topology/" + api.projectId, null)
                .json()
                .path("auto_allocated_topology")
                .path("id")
                .asText();
        return api.call(
                "POST",
                api.endpoint("compute", "IU") + "/servers",
                "{\"server\":{\"imageRef\":\"" + image + "\",\"name\":\"" + name
                        + "\",\"flavorRef\":\"1\",\"networks\":[{\"uuid\":\"" + net + "\"}],\"user_data\":\""
                        + userData + "\"}}");
    }

    private static String launched(Api api, String name) {
        Api.Result r = launch(api, name, image(api, "Featured-Ubuntu24"));
        assertThat(r.status()).isEqualTo(202);
        return r.json().path("server").path("id").asText();
    }

    @Test
    void eachUserSignsInToTheirOwnProjectAndCannotScopeToTheOther() {
        CloudCredentials a = cloud.credentials();
        CloudCredentials b = cloud.credentials("beta-lab");
        assertThat(b.projectId()).isNotEqualTo(a.projectId());
        assertThat(b.userId()).isNotEqualTo(a.userId());
        assertThat(b.username()).isEqualTo("bob");

        JsonNode token = beta.call("GET", b.authUrl() + "/auth/tokens", null, "X-Subject-Token", beta.token)
                .json()
                .path("token");
        assertThat(token.path("project").path("id").asText()).isEqualTo(b.projectId());
        assertThat(token.path("project").path("name").asText()).isEqualTo("beta-lab");
        assertThat(token.path("user").path("name").asText()).isEqualTo("bob");
        assertThat(beta.endpoint("volumev3", "IU")).endsWith("/" + b.projectId());

        Api.Result crossScope = beta.call(
                "POST",
                b.authUrl() + "/auth/tokens",
                "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"" + beta.token
                        + "\"}},\"scope\":{\"project\":{\"id\":\"" + a.projectId() + "\"}}}}");
        assertThat(crossScope.status()).isEqualTo(401);
        assertThat(beta.call("GET", b.authUrl() + "/projects/" + a.projectId(), null)
                        .status())
                .isEqualTo(404);
        assertThat(beta.call("GET", b.authUrl() + "/auth/projects", null)
                        .json()
                        .path("projects")
                        .findValuesAsText("name"))
                .containsExactly("beta-lab");
        assertThat(beta.call("GET", b.authUrl() + "/users/" + a.userId(), null).status())
                .isEqualTo(403);
    }

    @Test
    void eachProjectsApplicationCredentialSignsInToItsProjectAndListsOnlyItsOwn() {
        CloudCredentials a = cloud.credentials();
        CloudCredentials b = cloud.credentials("beta-lab");
        Api.Result byAppCred = new Api(cloud)
                .call(
                        "POST",
                        b.authUrl() + "/auth/tokens",
                        "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],"
                                + "\"application_credential\":{\"id\":\"" + b.applicationCredentialId()
                                + "\",\"secret\":\"" + b.applicationCredentialSecret() + "\"}}}}");
        assertThat(byAppCred.status()).isEqualTo(201);
        assertThat(byAppCred.json().path("token").path("project").path("id").asText())
                .isEqualTo(b.projectId());

        JsonNode listed = beta.call("GET", b.authUrl() + "/users/" + b.userId() + "/application_credentials", null)
                .json()
                .path("application_credentials");
        assertThat(ids(listed)).containsExactly(b.applicationCredentialId());
        assertThat(beta.call(
                                "GET",
                                b.authUrl() + "/users/" + b.userId() + "/application_credentials/"
                                        + a.applicationCredentialId(),
                                null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aProjectListsOnlyItsServersAndCannotGetOrDeleteTheOthers() {
        String alphas = launched(alpha, "alpha-one");
        String betas = launched(beta, "beta-one");

        assertThat(ids(beta.call("GET", beta.endpoint("compute", "IU") + "/servers/detail", null)
                        .json()
                        .path("servers")))
                .containsExactly(betas);
        assertThat(ids(alpha.call("GET", alpha.endpoint("compute", "IU") + "/servers", null)
                        .json()
                        .path("servers")))
                .containsExactly(alphas);
        assertThat(beta.call("GET", beta.endpoint("compute", "IU") + "/servers/" + alphas, null)
                        .status())
                .isEqualTo(404);
        assertThat(beta.call("DELETE", beta.endpoint("compute", "IU") + "/servers/" + alphas, null)
                        .status())
                .isEqualTo(404);
        assertThat(beta.call("GET", beta.endpoint("network", "IU") + "/v2.0/ports?device_id=" + alphas, null)
                        .json()
                        .path("ports"))
                .isEmpty();

        assertThat(cloud.project("TRA000001").servers())
                .extracting(SimulatedServer::id)
                .containsExactly(alphas);
        assertThat(cloud.project("beta-lab").servers())
                .extracting(SimulatedServer::id)
                .containsExactly(betas);
        assertThat(cloud.servers()).extracting(SimulatedServer::id).containsExactlyInAnyOrder(alphas, betas);
        assertThat(cloud.server(alphas)).isPresent();
    }

    @Test
    void quotasAndLimitsCountEachProjectsOwnResources() {
        launched(alpha, "alpha-one");
        launched(alpha, "alpha-two");
        JsonNode alphaLimits = alpha.call("GET", alpha.endpoint("compute", "IU") + "/limits", null)
                .json()
                .path("limits")
                .path("absolute");
        JsonNode betaLimits = beta.call("GET", beta.endpoint("compute", "IU") + "/limits", null)
                .json()
                .path("limits")
                .path("absolute");
        assertThat(alphaLimits.path("totalInstancesUsed").asInt()).isEqualTo(2);
        assertThat(betaLimits.path("totalInstancesUsed").asInt()).isZero();
        assertThat(betaLimits.path("maxTotalInstances").asInt())
                .isEqualTo(alphaLimits.path("maxTotalInstances").asInt());
    }

    @Test
    void volumesFloatingIpsAndSharesAreEachProjectsOwn() {
        String cinderA = alpha.endpoint("volumev3", "IU");
        String cinderB = beta.endpoint("volumev3", "IU");
        Api.Result vol = alpha.call("POST", cinderA + "/volumes", "{\"volume\":{\"size\":10,\"name\":\"alpha-data\"}}");
        assertThat(vol.status()).isEqualTo(202);
        String volId = vol.json().path("volume").path("id").asText();
        assertThat(beta.call("GET", cinderB + "/volumes/detail", null).json().path("volumes"))
                .isEmpty();
        assertThat(beta.call("GET", cinderB + "/volumes/" + volId, null).status())
                .isEqualTo(404);
        assertThat(beta.call("DELETE", cinderB + "/volumes/" + volId, null).status())
                .isEqualTo(404);
        // beta's token on alpha's Cinder URL is refused as before (the URL names another project)
        assertThat(beta.call("GET", cinderA + "/volumes", null).status()).isEqualTo(400);

        String neutronA = alpha.endpoint("network", "IU");
        String neutronB = beta.endpoint("network", "IU");
        String externalA = external(alpha);
        String externalB = external(beta);
        Api.Result fipA = alpha.call(
                "POST",
                neutronA + "/v2.0/floatingips",
                "{\"floatingip\":{\"floating_network_id\":\"" + externalA + "\"}}");
        Api.Result fipB = beta.call(
                "POST",
                neutronB + "/v2.0/floatingips",
                "{\"floatingip\":{\"floating_network_id\":\"" + externalB + "\"}}");
        assertThat(fipA.status()).isEqualTo(201);
        assertThat(fipB.status()).isEqualTo(201);
        String addressA =
                fipA.json().path("floatingip").path("floating_ip_address").asText();
        String addressB =
                fipB.json().path("floatingip").path("floating_ip_address").asText();
        assertThat(addressB).as("one external network, one address each").isNotEqualTo(addressA);
        String fipAId = fipA.json().path("floatingip").path("id").asText();
        assertThat(beta.call("GET", neutronB + "/v2.0/floatingips", null)
                        .json()
                        .path("floatingips")
                        .findValuesAsText("floating_ip_address"))
                .containsExactly(addressB);
        assertThat(beta.call("DELETE", neutronB + "/v2.0/floatingips/" + fipAId, null)
                        .status())
                .isEqualTo(404);
        Api.Result sameAddress = beta.call(
                "POST",
                neutronB + "/v2.0/floatingips",
                "{\"floatingip\":{\"floating_network_id\":\"" + externalB + "\",\"floating_ip_address\":\"" + addressA
                        + "\"}}");
        assertThat(sameAddress.status()).isEqualTo(409);

        String manilaA = alpha.endpoint("sharev2", "IU");
        String manilaB = beta.endpoint("sharev2", "IU");
        Api.Result share = alpha.call(
                "POST",
                manilaA + "/shares",
                "{\"share\":{\"share_proto\":\"CEPHFS\",\"size\":1,\"name\":\"alpha-share\"}}");
        assertThat(share.status()).isEqualTo(200);
        String shareId = share.json().path("share").path("id").asText();
        assertThat(beta.call("GET", manilaB + "/shares/detail", null).json().path("shares"))
                .isEmpty();
        assertThat(beta.call("GET", manilaB + "/shares/" + shareId, null).status())
                .isEqualTo(404);

        SimulatedProject a = cloud.project("TRA000001");
        SimulatedProject b = cloud.project("beta-lab");
        assertThat(a.volumeCount()).isEqualTo(1);
        assertThat(b.volumeCount()).isZero();
        assertThat(a.floatingIpCount()).isEqualTo(1);
        assertThat(b.floatingIpCount()).isEqualTo(1);
        assertThat(a.shareCount()).isEqualTo(1);
        assertThat(b.shareCount()).isZero();
        assertThat(cloud.floatingIpCount()).isEqualTo(2);
    }

    /** The {@code id} of every element of a JSON array (not the ids nested in them). */
    private static List<String> ids(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.path("id").asText()));
        return out;
    }

    private static String external(Api api) {
        return api.call("GET", api.endpoint("network", "IU") + "/v2.0/networks?router:external=true", null)
                .json()
                .path("networks")
                .get(0)
                .path("id")
                .asText();
    }

    @Test
    void publicImagesAreTheCloudsAndAPrivateImageOnlyItsProjects() {
        assertThat(image(beta, "Featured-Ubuntu24")).isEqualTo(image(alpha, "Featured-Ubuntu24"));
        String privateImage = image(alpha, "lab-base-image");
        assertThat(privateImage).isNotNull();
        assertThat(image(beta, "lab-base-image")).isNull();
        assertThat(beta.call("GET", beta.endpoint("image", "IU") + "/v2/images/" + privateImage, null)
                        .status())
                .isEqualTo(404);
        assertThat(launch(beta, "beta-from-private", privateImage).status()).isEqualTo(400);
        assertThat(cloud.project("beta-lab").servers()).isEmpty();
    }

    @Test
    void theWebProxyReachesEveryProjectsInstanceByItsFloatingIp() throws java.io.IOException {
        Api.Result r = launch(
                beta, "beta-web", image(beta, "Featured-Ubuntu24"), CloudSimulatorTest.userData(true, false, null));
        assertThat(r.status()).isEqualTo(202);
        String id = r.json().path("server").path("id").asText();
        cloud.advance(java.time.Duration.ofSeconds(31));
        String neutron = beta.endpoint("network", "IU");
        String port = beta.call("GET", neutron + "/v2.0/ports?device_id=" + id, null)
                .json()
                .path("ports")
                .get(0)
                .path("id")
                .asText();
        String ip = beta.call(
                        "POST",
                        neutron + "/v2.0/floatingips",
                        "{\"floatingip\":{\"floating_network_id\":\"" + external(beta) + "\",\"port_id\":\"" + port
                                + "\"}}")
                .json()
                .path("floatingip")
                .path("floating_ip_address")
                .asText();
        cloud.advance(java.time.Duration.ofMinutes(10));
        String passphrase =
                cloud.project("beta-lab").servers().get(0).passphrase().orElseThrow();
        okhttp3.Request login = new okhttp3.Request.Builder()
                .url("https://http-" + ip.replace('.', '-') + "-49528."
                        + cloud.uapHostname("IU").orElseThrow() + "/guacamole/api/tokens")
                .post(new okhttp3.FormBody.Builder()
                        .add("username", "exouser")
                        .add("password", passphrase)
                        .build())
                .build();
        try (okhttp3.Response answer = beta.http.newCall(login).execute()) {
            assertThat(answer.code()).isEqualTo(200);
        }
        assertThat(cloud.projects()).extracting(SimulatedProject::name).containsExactly("TRA000001", "beta-lab");
    }

    @Test
    void aCloudRefusesTwoProjectsOrUsersOfTheSameName() {
        assertThatThrownBy(() ->
                        CloudSimulator.builder().addProject("p2", "bob", "x").addProject("p3", "bob", "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bob");
        assertThatThrownBy(() -> CloudSimulator.builder().addProject("TRA000001", "carol", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TRA000001");
        assertThatThrownBy(() -> cloud.credentials("nowhere"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TRA000001", "beta-lab");
        assertThat(List.of(
                        cloud.credentials().projectName(),
                        cloud.credentials("beta-lab").projectName()))
                .containsExactly("TRA000001", "beta-lab");
    }
}
