package app.exosphere.core;

import static app.exosphere.core.MockCloud.body;
import static app.exosphere.core.MockCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.BadRequestException;
import app.exosphere.core.error.ConflictException;
import app.exosphere.core.error.ConnectionException;
import app.exosphere.core.error.EndpointNotFoundException;
import app.exosphere.core.error.ForbiddenException;
import app.exosphere.core.error.MicroversionNotSupportedException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackServiceException;
import app.exosphere.core.error.OverLimitException;
import app.exosphere.core.error.ServerErrorException;
import app.exosphere.core.http.Microversion;
import app.exosphere.core.http.MicroversionRange;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceTransportTest {
    private final MockCloud cloud = new MockCloud();
    private OpenStack os;
    private ServiceClient nova;

    @BeforeEach
    void login() {
        cloud.server.enqueue(cloud.scopedToken("tok-a"));
        os = cloud.builder(MockCloud.ALICE)
                .project("a6944d763bf64ee6a275f1263fae0352")
                .build();
        cloud.take();
        nova = os.service(ServiceType.COMPUTE);
    }

    @AfterEach
    void close() {
        cloud.close();
    }

    private static MockResponse fault(int code, String key, String message) {
        return json(code, "{\"" + key + "\": {\"code\": " + code + ", \"message\": \"" + message + "\"}}");
    }

    @Test
    void novaFaultBecomesNotFoundWithMessageServicePathAndRequestId() {
        cloud.server.enqueue(fault(404, "itemNotFound", "Instance detailFOOBARBAZ could not be found."));

        assertThatThrownBy(() -> nova.get("servers/{id}", "detailFOOBARBAZ").execute())
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.service()).isEqualTo("compute");
                    assertThat(e.method()).isEqualTo("GET");
                    assertThat(e.path()).isEqualTo("/v2.1/a6944d763bf64ee6a275f1263fae0352/servers/detailFOOBARBAZ");
                    assertThat(e.requestId()).contains("req-00000000-0000-0000-0000-000000000404");
                    assertThat(e.openStackMessage()).isEqualTo("Instance detailFOOBARBAZ could not be found.");
                    assertThat(e.error().errorType()).isEqualTo("itemNotFound");
                });
        assertThat(cloud.server.getRequestCount()).isEqualTo(2); // 404 is not retried
    }

    @Test
    void everyKnownErrorShapeIsParsed() {
        ServiceClient neutron = os.service(ServiceType.NETWORK);
        cloud.server.enqueue(json(
                404,
                "{\"NeutronError\": {\"type\": \"NetworkNotFound\", \"message\": \"Network abc could not be found.\","
                        + " \"detail\": \"\"}}"));
        assertThatThrownBy(() -> neutron.get("networks/abc").execute())
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.openStackMessage()).isEqualTo("Network abc could not be found.");
                    assertThat(e.error().errorType()).isEqualTo("NetworkNotFound");
                });

        cloud.server.enqueue(json(
                403,
                "{\"error\": {\"code\": 403, \"title\": \"Forbidden\", \"message\": \"You are not authorized.\"}}"));
        assertThatThrownBy(() -> os.service(ServiceType.IMAGE).get("images").execute())
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("You are not authorized.");

        cloud.server.enqueue(json(
                409,
                "{\"message\": \"Image is in use\\n\\n   \", \"code\": \"409 Conflict\", \"title\": \"Conflict\"}"));
        assertThatThrownBy(
                        () -> os.service(ServiceType.IMAGE).delete("images/x").execute())
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.openStackMessage()).isEqualTo("Image is in use"));

        cloud.server.enqueue(new MockResponse.Builder()
                .code(400)
                .addHeader("Content-Type", "text/html")
                .body("<html><head><title>400 Bad Request</title></head><body><h1>400 Bad Request</h1>"
                        + "Invalid marker gAAAAABlongopaquevaluethatlookslikeatoken0123456789<br /></body></html>")
                .build());
        assertThatThrownBy(() -> os.service(ServiceType.IMAGE).get("images").execute())
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.openStackMessage()).startsWith("400 Bad Request: 400 Bad Request Invalid marker");
                    assertThat(e.openStackMessage()).doesNotContain("gAAAAAB").contains("<redacted>");
                });

        cloud.server.enqueue(fault(400, "badRequest", "Invalid flavorRef provided."));
        assertThatThrownBy(() ->
                        nova.post("servers").body(Map.of("server", Map.of())).execute())
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Invalid flavorRef provided.");
    }

    @Test
    void overLimitCarriesRetryAfterAndPostIsNeverRetried() {
        cloud.server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "7")
                .addHeader("Content-Type", "application/json")
                .body("{\"overLimit\": {\"code\": 429, \"message\": \"Rate limited\", \"retryAfter\": \"7\"}}")
                .build());

        assertThatThrownBy(() -> nova.post("servers/{id}/action", "s1")
                        .body(Map.of("os-start", Map.of()))
                        .execute())
                .isInstanceOfSatisfying(OverLimitException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(e.openStackMessage()).isEqualTo("Rate limited");
                });
        assertThat(cloud.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void idempotentRequestsAreRetriedOn503And429HonouringRetryAfter() {
        cloud.server.enqueue(fault(503, "serviceUnavailable", "busy"));
        cloud.server.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "0")
                .build());
        cloud.server.enqueue(json(200, "{\"servers\": []}"));

        assertThat(nova.get("servers").json().execute().get("servers").isArray())
                .isTrue();
        assertThat(cloud.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void retriesStopAfterMaxAttemptsWithTheLastError() {
        for (int i = 0; i < 4; i++) {
            cloud.server.enqueue(fault(502, "computeFault", "bad gateway " + i));
        }
        assertThatThrownBy(() -> nova.get("servers").execute())
                .isInstanceOf(ServerErrorException.class)
                .hasMessageContaining("bad gateway 3");
        assertThat(cloud.server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void postIsNotRetriedOn503ButWhenMarkedIdempotentItIs() {
        cloud.server.enqueue(fault(503, "serviceUnavailable", "busy"));
        assertThatThrownBy(() -> nova.post("servers").body(Map.of()).execute())
                .isInstanceOf(ServerErrorException.class);
        assertThat(cloud.server.getRequestCount()).isEqualTo(2);

        cloud.server.enqueue(fault(503, "serviceUnavailable", "busy"));
        cloud.server.enqueue(json(200, "{\"output\": \"console\"}"));
        nova.post("servers/{id}/action", "s")
                .body(Map.of("os-getConsoleOutput", Map.of()))
                .idempotent(true)
                .execute();
        assertThat(cloud.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void connectionFailuresAreRetriedForGetAndSurfaceAsConnectionException() throws Exception {
        cloud.server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        cloud.server.enqueue(json(200, "{\"servers\": []}"));
        assertThat(nova.get("servers").json().execute().has("servers")).isTrue();
        assertThat(cloud.server.getRequestCount()).isEqualTo(3);

        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        cloud.server.enqueue(cloud.scopedToken("tok-d"));
        OpenStack unreachable = cloud.builder(MockCloud.ALICE)
                .project("p")
                .endpointOverride(ServiceType.COMPUTE, "http://127.0.0.1:" + closedPort + "/v2.1")
                .build();
        assertThatThrownBy(() ->
                        unreachable.service(ServiceType.COMPUTE).get("servers").execute())
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining(
                        "connection failed: compute GET http://127.0.0.1:" + closedPort + "/v2.1/servers");
    }

    @Test
    void jsonBodiesAndExtraHeadersAreSentExactly() throws Exception {
        cloud.server.enqueue(json(202, ""));
        OpenStackResponse r = nova.post("servers/{id}/action", "9c5b")
                .header("X-Custom", "1")
                .body(Map.of("reboot", Map.of("type", "HARD")))
                .execute();

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.isEmpty()).isTrue();
        RecordedRequest sent = cloud.take();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getTarget()).isEqualTo("/v2.1/a6944d763bf64ee6a275f1263fae0352/servers/9c5b/action");
        assertThat(sent.getHeaders().get("X-Custom")).isEqualTo("1");
        assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body(sent)).isEqualTo("{\"reboot\":{\"type\":\"HARD\"}}");
        assertThat(sent.getHeaders().get("OpenStack-API-Version")).isNull();
    }

    @Test
    void asyncAndSyncShareTheSamePathAndDecodeMembers() throws Exception {
        cloud.server.enqueue(json(200, cloud.pointedHere("nova/servers__server-get-resp.json")));
        CompletableFuture<JsonNode> f = nova.get("servers/{id}", "9168b536")
                .as("server", JsonNode.class)
                .executeAsync();
        assertThat(f.get().path("name").asText()).isEqualTo("new-server-test");

        cloud.server.enqueue(fault(404, "itemNotFound", "gone"));
        CompletableFuture<OpenStackResponse> failed = nova.get("servers/x").executeAsync();
        assertThatThrownBy(failed::get)
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NotFoundException.class);
    }

    private static MockResponse answeredAt(String microversion, String body) {
        return json(200, body)
                .newBuilder()
                .addHeader("OpenStack-API-Version", "compute " + microversion)
                .addHeader("X-OpenStack-Nova-API-Version", microversion)
                .build();
    }

    @Test
    void pinnedMicroversionOnAReadIsSentAtOnceInBothHeadersAndTheAnswerConfirmsIt() {
        cloud.server.enqueue(answeredAt("2.27", "{\"server\": {}}"));

        nova.get("servers/{id}", "s1").microversion("2.27").execute();

        RecordedRequest call = cloud.take();
        assertThat(call.getTarget()).endsWith("/servers/s1");
        assertThat(call.getHeaders().get("OpenStack-API-Version")).isEqualTo("compute 2.27");
        assertThat(call.getHeaders().get("X-OpenStack-Nova-API-Version")).isEqualTo("2.27");
        assertThat(cloud.server.getRequestCount()).isEqualTo(2); // the token and the call: no version document
    }

    @Test
    void anAnswerThatDoesNotConfirmThePinnedMicroversionIsCheckedAgainstTheCachedVersionDocument() {
        cloud.server.enqueue(json(200, "{\"server\": {}}")); // no microversion headers in the answer
        cloud.server.enqueue(json(200, cloud.pointedHere("nova/versions__v21-version-get-resp.json")));

        nova.get("servers/{id}", "s1").microversion("2.27").execute();

        assertThat(cloud.take().getTarget()).endsWith("/servers/s1");
        assertThat(cloud.take().getTarget()).isEqualTo("/v2.1/");
        assertThatThrownBy(() ->
                        nova.get("servers/{id}", "s1").microversion("2.200").execute())
                .isInstanceOf(MicroversionNotSupportedException.class)
                .hasMessage("this operation needs compute \u2265 2.200, cloud offers \u2264 2.104");
        cloud.server.enqueue(json(200, "{\"server\": {}}"));
        nova.get("servers/{id}", "s1").microversion("2.61").execute();
        assertThat(cloud.take().getHeaders().get("OpenStack-API-Version"))
                .isEqualTo("compute 2.61"); // the version document is cached
        assertThat(nova.microversions().execute())
                .isEqualTo(new MicroversionRange(Microversion.of(2, 1), Microversion.of(2, 104)));
        assertThat(cloud.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aPinnedMicroversionRefusedWith406FailsWithTheReasonFromTheVersionDocument() {
        cloud.server.enqueue(fault(406, "computeFault", "Version 2.200 is not supported by the API."));
        cloud.server.enqueue(json(200, cloud.pointedHere("nova/versions__v21-version-get-resp.json")));

        assertThatThrownBy(() ->
                        nova.get("servers/{id}", "s1").microversion("2.200").execute())
                .isInstanceOf(MicroversionNotSupportedException.class)
                .hasMessage("this operation needs compute \u2265 2.200, cloud offers \u2264 2.104");
        assertThat(cloud.take().getTarget()).endsWith("/servers/s1");
        assertThat(cloud.take().getTarget()).isEqualTo("/v2.1/");
    }

    @Test
    void aPinnedMicroversionOnAWriteIsCheckedAgainstTheVersionDocumentFirst() {
        cloud.server.enqueue(json(200, cloud.pointedHere("nova/versions__v21-version-get-resp.json")));

        assertThatThrownBy(() -> nova.post("servers")
                        .body(java.util.Map.of("server", java.util.Map.of()))
                        .microversion("2.200")
                        .execute())
                .isInstanceOf(MicroversionNotSupportedException.class);
        assertThat(cloud.take().getTarget()).isEqualTo("/v2.1/");
        assertThat(cloud.server.getRequestCount()).isEqualTo(2); // the token and the document: no POST
    }

    @Test
    void negotiationTakesTheLowerOfClientAndServerMaximumAndPerCallMinimumsFailClearly() {
        cloud.server.enqueue(cloud.scopedToken("tok-b"));
        OpenStack capped = cloud.builder(MockCloud.ALICE)
                .project("a6944d763bf64ee6a275f1263fae0352")
                .maxMicroversion(ServiceType.COMPUTE, "2.25")
                .build();
        cloud.take();
        ServiceClient capNova = capped.service(ServiceType.COMPUTE);
        cloud.server.enqueue(json(200, cloud.pointedHere("nova/versions__v21-version-get-resp.json")));
        cloud.server.enqueue(json(200, "{}"));

        capNova.get("os-keypairs").negotiatedMicroversion().execute();
        cloud.take();
        assertThat(cloud.take().getHeaders().get("OpenStack-API-Version")).isEqualTo("compute 2.25");
        assertThat(capNova.negotiatedMicroversion()).isEqualTo(Microversion.of(2, 25));

        assertThatThrownBy(
                        () -> capNova.get("servers").minimumMicroversion("2.37").execute())
                .isInstanceOf(MicroversionNotSupportedException.class)
                .hasMessage("this operation needs compute \u2265 2.37, but the client maximum is 2.25 "
                        + "(raise it with OpenStack.Builder.maxMicroversion)");
        assertThatThrownBy(() -> capNova.get("servers").microversion("2.200").execute())
                .isInstanceOf(MicroversionNotSupportedException.class)
                .hasMessage("this operation needs compute \u2265 2.200, cloud offers \u2264 2.104");
        assertThat(cloud.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void servicesWithoutMicroversionsRejectMicroversionRequests() {
        assertThatThrownBy(() -> os.service(ServiceType.NETWORK)
                        .get("networks")
                        .microversion("2.1")
                        .execute())
                .isInstanceOf(MicroversionNotSupportedException.class)
                .hasMessageContaining("has no microversions");
    }

    @Test
    void missingServiceOrRegionIsAnEndpointNotFoundListingWhatExists() {
        assertThatThrownBy(() -> os.service(ServiceType.PLACEMENT).get("usages").execute())
                .isInstanceOf(EndpointNotFoundException.class)
                .hasMessageContaining("no placement endpoint")
                .hasMessageContaining("compute");
        assertThatThrownBy(() -> os.forRegion("Elsewhere")
                        .service(ServiceType.COMPUTE)
                        .endpoint()
                        .execute())
                .isInstanceOf(EndpointNotFoundException.class)
                .hasMessageContaining("region Elsewhere")
                .hasMessageContaining("[RegionOne]");
    }

    @Test
    void endpointsComeFromCatalogWithVersionPrefixesAndOverrides() {
        String base = cloud.base();
        assertThat(nova.endpoint().execute()).isEqualTo(base + "/v2.1/a6944d763bf64ee6a275f1263fae0352/");
        assertThat(os.service(ServiceType.NETWORK).endpoint().execute()).isEqualTo(base + "/v2.0/");
        assertThat(os.service(ServiceType.IMAGE).endpoint().execute()).isEqualTo(base + "/v2/");
        assertThat(os.service(ServiceType.of("volume")).endpoint().execute())
                .isEqualTo(base + "/v1/a6944d763bf64ee6a275f1263fae0352/");
        assertThat(os.service(ServiceType.of("compute_legacy")).endpoint().execute())
                .isEqualTo(base + "/v2/a6944d763bf64ee6a275f1263fae0352/");

        cloud.server.enqueue(cloud.scopedToken("tok-c"));
        OpenStack overridden = cloud.builder(MockCloud.ALICE)
                .project("a6944d763bf64ee6a275f1263fae0352")
                .endpointOverride(ServiceType.VOLUME, base + "/volume/v3/$(project_id)s")
                .build();
        assertThat(overridden.service(ServiceType.VOLUME).endpoint().execute())
                .isEqualTo(base + "/volume/v3/a6944d763bf64ee6a275f1263fae0352/");
    }

    @Test
    void unscopedViewsExplainThatAProjectIsNeeded() {
        cloud.server.enqueue(cloud.token("keystone/auth__responses__unscoped-password.json", "tok-u"));
        OpenStack unscoped = cloud.builder(MockCloud.ALICE)
                .clock(new MutableClock(java.time.Instant.parse("2015-11-05T21:30:00Z")))
                .build();
        assertThatThrownBy(
                        () -> unscoped.service(ServiceType.COMPUTE).endpoint().execute())
                .isInstanceOf(EndpointNotFoundException.class)
                .hasMessageContaining("forProject");
    }

    @Test
    void serviceExceptionsAreOpenStackServiceExceptions() {
        cloud.server.enqueue(json(418, "{}"));
        assertThatThrownBy(() -> nova.get("teapot").execute())
                .isExactlyInstanceOf(OpenStackServiceException.class)
                .hasMessageContaining("HTTP 418");
    }
}
