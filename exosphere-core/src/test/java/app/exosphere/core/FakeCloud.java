package app.exosphere.core;

import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.http.TransportOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer on 127.0.0.1 standing in for a whole cloud: Keystone answers with the upstream
 * project-scoped token sample, the version documents of Nova (2.1–2.104), Cinder (3.0–3.71) and
 * Placement are served automatically, and every other request is recorded and answered from a queue
 * the test fills. Service endpoints: {@code /compute/v2.1}, {@code /image}, {@code /network},
 * {@code /volume/v3}, {@code /placement}, {@code /identity}, {@code /share/v2/263fd9} (Manila, version
 * document from its sample with a chosen maximum).
 */
public final class FakeCloud implements AutoCloseable {
    public static final String PROJECT_ID = "263fd9";
    private static final Instant SAMPLE_NOW = Instant.parse("2015-11-07T02:00:00Z");
    private static final String PLACEMENT_VERSIONS = "{\"versions\":[{\"id\":\"v1.0\",\"min_version\":\"1.0\","
            + "\"max_version\":\"1.39\",\"status\":\"CURRENT\",\"links\":[]}]}";

    private final MockWebServer server = new MockWebServer();
    private final BlockingQueue<MockResponse> responses = new LinkedBlockingQueue<>();
    private final BlockingQueue<RecordedRequest> calls = new LinkedBlockingQueue<>();
    private final java.util.Map<String, MockResponse> routes = new java.util.concurrent.ConcurrentHashMap<>();
    private final OpenStack openStack;
    private volatile String manilaMaxVersion = "2.65";

    public FakeCloud() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                if (path.equals("/v3/auth/tokens")) {
                    return new MockResponse.Builder()
                            .code(201)
                            .addHeader("Content-Type", "application/json")
                            .addHeader("X-Subject-Token", "tok-1")
                            .body(Samples.text("keystone/auth__responses__project-scoped-password.json"))
                            .build();
                }
                if (r.getMethod().equals("GET") && path.equals("/compute/v2.1/")) {
                    return json(200, Samples.text("nova/versions__v21-version-get-resp.json"));
                }
                if (r.getMethod().equals("GET") && path.equals("/volume/v3/")) {
                    return json(200, Samples.text("cinder/versions__version-show-response.json"));
                }
                if (r.getMethod().equals("GET") && path.equals("/share/v2/")) {
                    // Manila's sample version document (max 2.15) with the maximum the test chose
                    com.fasterxml.jackson.databind.node.ObjectNode doc =
                            (com.fasterxml.jackson.databind.node.ObjectNode)
                                    Samples.json("manila/versions-get-version-response.json");
                    ((com.fasterxml.jackson.databind.node.ObjectNode)
                                    doc.get("versions").get(0))
                            .put("version", manilaMaxVersion);
                    return json(200, doc.toString());
                }
                if (r.getMethod().equals("GET") && path.equals("/placement/")) {
                    return json(200, PLACEMENT_VERSIONS);
                }
                calls.add(r);
                MockResponse routed = routes.get(r.getMethod() + " " + path);
                if (routed != null) {
                    return routed;
                }
                MockResponse next = responses.poll();
                return next != null ? next : json(599, "{\"error\":\"the test queued no response\"}");
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = base();
        openStack = OpenStack.builder()
                .authUrl(base + "/v3")
                .credentials(Credentials.password(UserRef.name("alice", DomainRef.of("Default")), "pw"))
                .project(PROJECT_ID)
                .clock(Clock.fixed(SAMPLE_NOW, ZoneOffset.UTC))
                .transport(TransportOptions.builder()
                        .maxAttempts(1)
                        .initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(2))
                        .build())
                .endpointOverride(ServiceType.COMPUTE, base + "/compute/v2.1")
                .endpointOverride(ServiceType.IMAGE, base + "/image")
                .endpointOverride(ServiceType.NETWORK, base + "/network")
                .endpointOverride(ServiceType.VOLUME, base + "/volume/v3")
                .endpointOverride(ServiceType.PLACEMENT, base + "/placement")
                .endpointOverride(ServiceType.SHARE, base + "/share/v2/" + PROJECT_ID)
                .endpointOverride(ServiceType.DNS, base + "/dns")
                .endpointOverride(ServiceType.IDENTITY, base + "/identity")
                .build();
    }

    /**
     * The maximum microversion Manila's version document offers (default 2.65; the upstream sample says
     * 2.15). Set it before the first Manila call: the SDK caches the document.
     */
    public FakeCloud manilaMaxVersion(String value) {
        manilaMaxVersion = value;
        return this;
    }

    /** {@code http://127.0.0.1:port} (no trailing slash). */
    public String base() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    /** The connection to this cloud. */
    public OpenStack openStack() {
        return openStack;
    }

    /** Queues a JSON answer. */
    public FakeCloud reply(int code, String body) {
        responses.add(json(code, body));
        return this;
    }

    /** Answers every {@code method path} request with this JSON (for calls sent in parallel). */
    public FakeCloud route(String method, String path, int code, String body) {
        routes.put(method + " " + path, json(code, body));
        return this;
    }

    /** Queues an upstream sample as the answer. */
    public FakeCloud replySample(int code, String sample) {
        return reply(code, Samples.text(sample));
    }

    /** Queues an empty answer (e.g. 202 or 204). */
    public FakeCloud replyEmpty(int code) {
        responses.add(new MockResponse.Builder().code(code).build());
        return this;
    }

    /** Queues any answer. */
    public FakeCloud reply(MockResponse response) {
        responses.add(response);
        return this;
    }

    /** The next recorded service request (auth and version discovery are not recorded). */
    public RecordedRequest take() {
        try {
            RecordedRequest r = calls.poll(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("expected another request");
            }
            return r;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether no further service request was recorded. */
    public boolean idle() {
        return calls.isEmpty();
    }

    /** The body of a recorded request as text. */
    public static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
