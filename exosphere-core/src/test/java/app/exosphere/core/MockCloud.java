package app.exosphere.core;

import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.http.TransportOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer on 127.0.0.1 (random port) plus helpers to serve the copied OpenStack API samples
 * with their catalog URLs pointed at the server.
 */
final class MockCloud implements AutoCloseable {
    /** Before the sample tokens' expiry (2015-11-07T02:58:43Z), more than 5 minutes ahead. */
    static final Instant SAMPLE_NOW = Instant.parse("2015-11-07T02:00:00Z");

    static final String PASSWORD = "s3cr3t-Pa55w0rd!";
    static final Credentials ALICE = Credentials.password(UserRef.name("alice", DomainRef.of("Default")), PASSWORD);

    final MockWebServer server = new MockWebServer();

    MockCloud() {
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:port} (no trailing slash). */
    String base() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    String authUrl() {
        return base() + "/v3";
    }

    OpenStack.Builder builder(Credentials credentials) {
        return OpenStack.builder()
                .authUrl(authUrl())
                .credentials(credentials)
                .clock(Clock.fixed(SAMPLE_NOW, ZoneOffset.UTC))
                .transport(TransportOptions.builder()
                        .initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(20))
                        .maxRetryAfter(Duration.ofMillis(50))
                        .readTimeout(Duration.ofSeconds(5))
                        .callTimeout(Duration.ofSeconds(10))
                        .build());
    }

    static String fixture(String path) {
        try (InputStream in = MockCloud.class.getResourceAsStream("/openstack-api-samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample with every sample host (example.com, 23.253.248.171:port) replaced by this server. */
    String pointedHere(String path) {
        return fixture(path)
                .replaceAll("https?://23\\.253\\.248\\.171(:\\d+)?", base())
                .replaceAll("https?://example\\.com", base())
                .replaceAll("http://openstack\\.example\\.com", base());
    }

    /** 201 with {@code X-Subject-Token} and the sample body (catalog pointed here). */
    MockResponse token(String fixture, String subjectToken) {
        return new MockResponse.Builder()
                .code(201)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Subject-Token", subjectToken)
                .addHeader("x-openstack-request-id", "req-f2f3f6ca-e342-4cd8-bc12-71a5436ef5fc")
                .body(pointedHere(fixture))
                .build();
    }

    /** The 13-service project-scoped token sample. */
    MockResponse scopedToken(String subjectToken) {
        return token("keystone/admin__auth-password-project-scoped-response.json", subjectToken);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-OpenStack-Request-ID", "req-00000000-0000-0000-0000-" + String.format("%012d", code))
                .body(body)
                .build();
    }

    RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("expected another request");
            }
            return r;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    @Override
    public void close() {
        server.close();
    }
}
