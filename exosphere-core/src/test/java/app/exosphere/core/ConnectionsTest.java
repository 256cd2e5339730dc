package app.exosphere.core;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.http.TlsOptions;
import app.exosphere.core.http.TransportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many TCP connections the SDK opens to one host: one for sequential use (keep-alive, sync and async
 * alike), at most {@code maxRequestsPerHost} for a fan-out over HTTP/1.1, one multiplexed connection over
 * HTTP/2 when the endpoint offers it (TLS + ALPN).
 */
class ConnectionsTest {
    private final MockCloud cloud = new MockCloud();
    private final Set<Integer> serviceConnections = ConcurrentHashMap.newKeySet();
    private final Set<Integer> allConnections = ConcurrentHashMap.newKeySet();

    @TempDir
    Path tmp;

    @AfterEach
    void close() {
        cloud.close();
    }

    private ServiceClient nova(int maxRequestsPerHost, long answerDelayMillis, TlsOptions tls) {
        cloud.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                allConnections.add(r.getConnectionIndex());
                if (r.getMethod().equals("POST")) {
                    return cloud.scopedToken("tok");
                }
                serviceConnections.add(r.getConnectionIndex());
                return MockCloud.json(200, "{\"servers\": []}")
                        .newBuilder()
                        .headersDelay(answerDelayMillis, TimeUnit.MILLISECONDS)
                        .build();
            }
        });
        OpenStack.Builder b = cloud.builder(MockCloud.ALICE)
                .project("a6944d763bf64ee6a275f1263fae0352")
                .transport(TransportOptions.builder()
                        .maxRequestsPerHost(maxRequestsPerHost)
                        .readTimeout(Duration.ofSeconds(10))
                        .build());
        if (tls != null) {
            b.tls(tls);
        }
        return b.build().service(ServiceType.COMPUTE);
    }

    @Test
    void sequentialCallsSyncAndAsyncAlikeUseOneConnection() {
        ServiceClient nova = nova(8, 0, null);

        for (int i = 0; i < 10; i++) {
            nova.get("servers").execute();
            nova.get("servers").executeAsync().join();
        }

        assertThat(cloud.server.getRequestCount()).isEqualTo(21);
        assertThat(allConnections).hasSize(1); // the token request's connection is reused too
    }

    @Test
    void aFanOutOfAsynchronousCallsOpensNoMoreConnectionsThanThePerHostCap() {
        ServiceClient nova = nova(3, 50, null);

        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            calls.add(nova.get("servers").executeAsync());
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        assertThat(serviceConnections).hasSizeBetween(1, 3);
    }

    @Test
    void synchronousCallsFromManyThreadsAreCappedPerHostToo() throws Exception {
        ServiceClient nova = nova(3, 50, null);
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(threads.submit(() -> nova.get("servers").execute()));
            }
            for (java.util.concurrent.Future<?> f : calls) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(serviceConnections).hasSizeBetween(1, 3);
    }

    @Test
    void overHttp2AFanOutSharesOneMultiplexedConnection() throws Exception {
        HeldCertificate root = new HeldCertificate.Builder()
                .certificateAuthority(0)
                .commonName("test root")
                .build();
        HeldCertificate server = new HeldCertificate.Builder()
                .signedBy(root)
                .addSubjectAlternativeName("localhost")
                .addSubjectAlternativeName("127.0.0.1")
                .build();
        cloud.server.useHttps(new HandshakeCertificates.Builder()
                .heldCertificate(server)
                .build()
                .sslSocketFactory());
        cloud.server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
        Path pem = Files.writeString(tmp.resolve("ca.pem"), root.certificatePem());
        ServiceClient nova = nova(3, 50, TlsOptions.builder().caBundle(pem).build());

        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(nova.get("servers").executeAsync());
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

        assertThat(serviceConnections).hasSize(1);
    }
}
