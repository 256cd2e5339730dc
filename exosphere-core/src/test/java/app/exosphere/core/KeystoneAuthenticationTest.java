package app.exosphere.core;

import static app.exosphere.core.MockCloud.body;
import static app.exosphere.core.MockCloud.fixture;
import static app.exosphere.core.MockCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.auth.ApplicationCredential;
import app.exosphere.core.auth.ApplicationCredentialRequest;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.Project;
import app.exosphere.core.auth.Region;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.error.AuthenticationExpiredException;
import app.exosphere.core.error.ConfigurationException;
import app.exosphere.core.error.UnauthorizedException;
import app.exosphere.core.http.ServiceType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeystoneAuthenticationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockCloud cloud = new MockCloud();

    @AfterEach
    void close() {
        cloud.close();
    }

    private static JsonNode tree(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void passwordLoginByUserIdAndProjectIdSendsExactlyTheUpstreamSampleRequest() throws Exception {
        cloud.server.enqueue(cloud.scopedToken("tok-a"));
        OpenStack os = cloud.builder(Credentials.password(UserRef.id("ee4dfb6e5540447cb3741905149d9b6e"), "devstacker"))
                .project("a6944d763bf64ee6a275f1263fae0352")
                .build();

        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/v3/auth/tokens");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(r.getHeaders().get("User-Agent")).startsWith("exosphere-java/");
        assertThat(r.getHeaders().get("X-Auth-Token")).isNull();
        assertThat(tree(body(r))).isEqualTo(tree(fixture("keystone/auth__requests__project-id-password.json")));
        assertThat(os.token().execute().project().orElseThrow().name()).isEqualTo("admin");
        assertThat(os.token().execute().id().reveal()).isEqualTo("tok-a");
    }

    @Test
    void passwordLoginByNameUsesDomainNameOrIdByExosphereRule() throws Exception {
        cloud.server.enqueue(cloud.scopedToken("tok-a"));
        cloud.builder(MockCloud.ALICE).project("admin", DomainRef.of("default")).build();

        JsonNode sent = tree(body(cloud.take()));
        assertThat(sent.at("/auth/identity/password/user/name").asText()).isEqualTo("alice");
        assertThat(sent.at("/auth/identity/password/user/domain/name").asText()).isEqualTo("Default");
        assertThat(sent.at("/auth/scope/project/name").asText()).isEqualTo("admin");
        assertThat(sent.at("/auth/scope/project/domain/id").asText()).isEqualTo("default");
    }

    @Test
    void applicationCredentialLoginSendsExactlyTheUpstreamSampleRequest() throws Exception {
        cloud.server.enqueue(cloud.token("keystone/admin__auth-application-credential-response.json", "tok-ac"));
        OpenStack os = cloud.builder(
                        Credentials.applicationCredential("423f19a4ac1e4f48bbb4180756e6eb6c", "rEaqvJka48mpv"))
                .build();

        assertThat(tree(body(cloud.take())))
                .isEqualTo(tree(fixture("keystone/admin__auth-application-credential-id-request.json")));
        assertThat(os.token().execute().applicationCredentialId()).contains("423f19a4ac1e4f48bbb4180756e6eb6c");
        assertThat(os.token().execute().project().orElseThrow().name()).isEqualTo("demo");
    }

    @Test
    void applicationCredentialRefusesAViewOfAnotherProject() {
        cloud.server.enqueue(cloud.token("keystone/admin__auth-application-credential-response.json", "tok-ac"));
        OpenStack os = cloud.builder(Credentials.applicationCredential("423f19a4ac1e4f48bbb4180756e6eb6c", "x"))
                .build();

        assertThat(os.forProject("231c62fb0fbd485b995e8b060c3f0d98")
                        .token()
                        .execute()
                        .id()
                        .reveal())
                .isEqualTo("tok-ac");
        assertThatThrownBy(() -> os.forProject("some-other-project").token().execute())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bound to project demo");
        assertThat(cloud.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void unscopedLoginListsProjectsAndRegionsThenScopesToAProject() throws Exception {
        cloud.server.enqueue(cloud.token("keystone/auth__responses__unscoped-password.json", "tok-unscoped"));
        cloud.server.enqueue(
                json(200, cloud.pointedHere("keystone/admin__get-available-project-scopes-response.json")));
        cloud.server.enqueue(json(200, cloud.pointedHere("keystone/admin__regions-list-response.json")));
        cloud.server.enqueue(cloud.scopedToken("tok-scoped"));
        OpenStack os = cloud.builder(MockCloud.ALICE)
                .clock(new MutableClock(Instant.parse("2015-11-05T21:30:00Z")))
                .build();
        cloud.take();

        List<Project> projects = os.projects().execute();
        RecordedRequest listProjects = cloud.take();
        assertThat(listProjects.getTarget()).isEqualTo("/v3/auth/projects");
        assertThat(listProjects.getHeaders().get("X-Auth-Token")).isEqualTo("tok-unscoped");
        assertThat(projects).extracting(Project::name).containsExactly("Test Group", "Build Group");

        List<Region> regions = os.regions().execute();
        assertThat(cloud.take().getTarget()).isEqualTo("/v3/regions");
        assertThat(regions).extracting(Region::id).containsExactly("RegionOne");

        OpenStack project = os.forProject(projects.get(0).id());
        assertThat(project.token().execute().id().reveal()).isEqualTo("tok-scoped");
        JsonNode scoping = tree(body(cloud.take()));
        assertThat(scoping.at("/auth/scope/project/id").asText()).isEqualTo("263fd9");
        assertThat(scoping.at("/auth/identity/methods/0").asText()).isEqualTo("password");
    }

    @Test
    void oidcAccessTokenIsExchangedThroughFederationThenRescopedWithTheTokenMethod() throws Exception {
        cloud.server.enqueue(cloud.token("keystone/OS-FEDERATION__auth__unscoped-token-response.json", "tok-fed"));
        cloud.server.enqueue(cloud.token("keystone/OS-FEDERATION__auth__scoped-token-response.json", "tok-fed-x"));
        OpenStack os = cloud.builder(Credentials.oidcAccessToken("myidp", "openid", "oidc-access-token-value"))
                .clock(new MutableClock(Instant.parse("2014-08-06T13:00:00Z")))
                .build();

        RecordedRequest federation = cloud.take();
        assertThat(federation.getMethod()).isEqualTo("POST");
        assertThat(federation.getTarget())
                .isEqualTo("/v3/OS-FEDERATION/identity_providers/myidp/protocols/openid/auth");
        assertThat(federation.getHeaders().get("Authorization")).isEqualTo("Bearer oidc-access-token-value");

        assertThat(os.forProject("263fd9")
                        .token()
                        .execute()
                        .project()
                        .orElseThrow()
                        .name())
                .isEqualTo("project-x");
        RecordedRequest scoping = cloud.take();
        assertThat(scoping.getTarget()).isEqualTo("/v3/auth/tokens");
        assertThat(tree(body(scoping)))
                .isEqualTo(tree("{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"tok-fed\"}},"
                        + "\"scope\":{\"project\":{\"id\":\"263fd9\"}}}}"));
    }

    @Test
    void servicesCallsCarryTheScopedTokenToTheCatalogEndpoint() {
        cloud.server.enqueue(cloud.scopedToken("tok-a"));
        cloud.server.enqueue(json(200, cloud.pointedHere("nova/servers__servers-list-resp.json")));
        cloud.server.enqueue(json(200, cloud.pointedHere("neutron/networks__networks-list-response.json")));
        cloud.server.enqueue(json(200, cloud.pointedHere("glance/images-list-response.json")));
        OpenStack os = cloud.builder(MockCloud.ALICE)
                .project("a6944d763bf64ee6a275f1263fae0352")
                .build();
        cloud.take();

        os.service(ServiceType.COMPUTE).get("servers").json().execute();
        RecordedRequest nova = cloud.take();
        assertThat(nova.getTarget()).isEqualTo("/v2.1/a6944d763bf64ee6a275f1263fae0352/servers");
        assertThat(nova.getHeaders().get("X-Auth-Token")).isEqualTo("tok-a");
        assertThat(nova.getHeaders().get("Accept")).isEqualTo("application/json");

        os.service(ServiceType.NETWORK)
                .get("networks")
                .query("name", "private net")
                .json()
                .execute();
        assertThat(cloud.take().getTarget()).isEqualTo("/v2.0/networks?name=private%20net");

        os.service(ServiceType.IMAGE).get("images/{id}", "a b/c").execute();
        assertThat(cloud.take().getTarget()).isEqualTo("/v2/images/a%20b%2Fc");
    }

    @Test
    void tokenIsRefreshedProactivelyWhenLessThanFiveMinutesRemain() {
        MutableClock clock = new MutableClock(MockCloud.SAMPLE_NOW);
        cloud.server.enqueue(cloud.scopedToken("tok-1"));
        cloud.server.enqueue(json(200, "{\"servers\": []}"));
        cloud.server.enqueue(cloud.scopedToken("tok-2"));
        cloud.server.enqueue(json(200, "{\"servers\": []}"));
        OpenStack os = cloud.builder(MockCloud.ALICE).project("p").clock(clock).build();
        os.service(ServiceType.COMPUTE).get("servers").execute();
        cloud.take();
        assertThat(cloud.take().getHeaders().get("X-Auth-Token")).isEqualTo("tok-1");

        clock.set(Instant.parse("2015-11-07T02:54:00Z")); // 4 min 43 s before expiry
        os.service(ServiceType.COMPUTE).get("servers").execute();
        assertThat(cloud.take().getTarget()).isEqualTo("/v3/auth/tokens");
        assertThat(cloud.take().getHeaders().get("X-Auth-Token")).isEqualTo("tok-2");
    }

    @Test
    void a401IsAnsweredByOneReauthenticationAndAReplay() {
        cloud.server.enqueue(cloud.scopedToken("tok-1"));
        cloud.server.enqueue(
                json(
                        401,
                        "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The request you have made requires authentication.\"}}"));
        cloud.server.enqueue(cloud.scopedToken("tok-2"));
        cloud.server.enqueue(json(200, "{\"servers\": []}"));
        OpenStack os = cloud.builder(MockCloud.ALICE).project("p").build();

        assertThat(os.service(ServiceType.COMPUTE)
                        .get("servers")
                        .json()
                        .execute()
                        .get("servers")
                        .size())
                .isZero();
        cloud.take();
        assertThat(cloud.take().getHeaders().get("X-Auth-Token")).isEqualTo("tok-1");
        assertThat(cloud.take().getTarget()).isEqualTo("/v3/auth/tokens");
        assertThat(cloud.take().getHeaders().get("X-Auth-Token")).isEqualTo("tok-2");
    }

    @Test
    void aSecond401AfterReauthenticationIsReportedNotLooped() {
        String unauthorized = "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"nope\"}}";
        cloud.server.enqueue(cloud.scopedToken("tok-1"));
        cloud.server.enqueue(json(401, unauthorized));
        cloud.server.enqueue(cloud.scopedToken("tok-2"));
        cloud.server.enqueue(json(401, unauthorized));
        OpenStack os = cloud.builder(MockCloud.ALICE).project("p").build();

        assertThatThrownBy(() -> os.service(ServiceType.COMPUTE).get("servers").execute())
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("nope");
        assertThat(cloud.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void tokenOnlySessionRaisesAuthenticationExpiredOnceTheTokenHasExpired() {
        MutableClock clock = new MutableClock(MockCloud.SAMPLE_NOW);
        cloud.server.enqueue(cloud.scopedToken("given-token"));
        cloud.server.enqueue(json(200, "{\"servers\": []}"));
        OpenStack os =
                cloud.builder(Credentials.token("given-token")).clock(clock).build();
        RecordedRequest validate = cloud.take();
        assertThat(validate.getMethod()).isEqualTo("GET");
        assertThat(validate.getTarget()).isEqualTo("/v3/auth/tokens");
        assertThat(validate.getHeaders().get("X-Subject-Token")).isEqualTo("given-token");

        clock.set(Instant.parse("2015-11-07T02:56:00Z")); // inside the margin but not expired: still used
        os.service(ServiceType.COMPUTE).get("servers").execute();
        assertThat(cloud.take().getHeaders().get("X-Auth-Token")).isEqualTo("given-token");

        clock.set(Instant.parse("2015-11-07T03:00:00Z"));
        assertThatThrownBy(() -> os.service(ServiceType.COMPUTE).get("servers").execute())
                .isInstanceOf(AuthenticationExpiredException.class)
                .hasMessageContaining("expired")
                .hasMessageNotContaining("given-token");
        assertThat(cloud.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void tokenOnlySessionThatGets401RaisesAuthenticationExpired() {
        cloud.server.enqueue(cloud.scopedToken("given-token"));
        cloud.server.enqueue(
                json(401, "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"x\"}}"));
        OpenStack os = cloud.builder(Credentials.token("given-token")).build();

        assertThatThrownBy(() -> os.service(ServiceType.COMPUTE).get("servers").execute())
                .isInstanceOf(AuthenticationExpiredException.class);
    }

    @Test
    void createsAndDeletesApplicationCredentialsForTheCurrentUser() throws Exception {
        cloud.server.enqueue(cloud.token("keystone/auth__responses__project-scoped-password.json", "tok-a"));
        cloud.server.enqueue(json(201, fixture("keystone/admin__application-credential-create-response.json")));
        cloud.server.enqueue(new mockwebserver3.MockResponse.Builder().code(204).build());
        OpenStack os = cloud.builder(MockCloud.ALICE)
                .project("a6944d763bf64ee6a275f1263fae0352")
                .build();
        cloud.take();

        ApplicationCredential ac = os.identity()
                .createApplicationCredential(ApplicationCredentialRequest.builder("monitoring")
                        .description("Application credential for monitoring.")
                        .build())
                .execute();
        RecordedRequest create = cloud.take();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getTarget())
                .isEqualTo("/identity/v3/users/ee4dfb6e5540447cb3741905149d9b6e/application_credentials");
        assertThat(tree(body(create)))
                .isEqualTo(tree("{\"application_credential\":{\"name\":\"monitoring\","
                        + "\"description\":\"Application credential for monitoring.\"}}"));
        assertThat(ac.id()).isEqualTo("58d61ff8e6e34accb35874016d1dba8b");
        assertThat(ac.secret().map(Secret::reveal)).contains("rEaqvJka48mpv");
        assertThat(ac.toString()).doesNotContain("rEaqvJka48mpv");
        assertThat(ac.toCredentials()).isInstanceOf(Credentials.ApplicationCredential.class);

        os.identity().deleteApplicationCredential(ac.id()).execute();
        RecordedRequest delete = cloud.take();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getTarget())
                .isEqualTo("/identity/v3/users/ee4dfb6e5540447cb3741905149d9b6e/application_credentials/"
                        + "58d61ff8e6e34accb35874016d1dba8b");
    }

    @Test
    void buildingWithoutAuthUrlOrCredentialsIsAConfigurationError() {
        assertThatThrownBy(
                        () -> OpenStack.builder().credentials(MockCloud.ALICE).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("auth_url");
        assertThatThrownBy(() -> OpenStack.builder().authUrl(cloud.authUrl()).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("credentials");
    }

    @Test
    void exosphereApplicationCredentialNameFollowsTheSpec() {
        assertThat(ApplicationCredentialRequest.exosphereName(
                        "uuid-1", "Project One", "RegionOne", Instant.ofEpochMilli(1700000000000L)))
                .isEqualTo("exosphere-uuid-1-Project One-RegionOne-1700000000000");
        assertThat(ApplicationCredentialRequest.exosphereName("u", "p", null, Instant.ofEpochMilli(5)))
                .isEqualTo("exosphere-u-p-5");
    }

    @Test
    void domainRefFollowsExosphereUuidOrDefaultVectors() {
        // Exosphere's `State.Auth.authUrlWithPortAndVersion` (upstream tests)
        assertThat(DomainRef.isUuidOrDefault("deadbeef-dead-dead-dead-beefbeefbeef"))
                .isTrue();
        assertThat(DomainRef.isUuidOrDefault("deadbeefdeaddeaddeadbeefbeefbeef"))
                .isTrue();
        assertThat(DomainRef.isUuidOrDefault("deadbe-ef-dead-dead-dead-beefbeef-bee-f"))
                .isTrue();
        assertThat(DomainRef.isUuidOrDefault("deadbeef-dead-dead-dead-beefbeefbee"))
                .isFalse();
        assertThat(DomainRef.isUuidOrDefault("deadbeef-dead-dead-dead-beefbeefbees"))
                .isFalse();
        assertThat(DomainRef.isUuidOrDefault("gesnodulator")).isFalse();
        assertThat(DomainRef.isUuidOrDefault("default")).isTrue();
        assertThat(DomainRef.isUuidOrDefault("Default")).isFalse();
        assertThat(DomainRef.of("Default")).isEqualTo(DomainRef.name("Default"));
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        assertThat(MockCloud.ALICE.toString()).doesNotContain(MockCloud.PASSWORD);
        assertThat(Credentials.applicationCredential("id", "the-secret").toString())
                .doesNotContain("the-secret");
        assertThat(Credentials.token("the-token").toString()).doesNotContain("the-token");
        assertThat(Credentials.oidcAccessToken("i", "p", "the-access").toString())
                .doesNotContain("the-access");
    }
}
