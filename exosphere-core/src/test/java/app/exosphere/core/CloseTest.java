package app.exosphere.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.compute.Server;
import app.exosphere.core.error.ConnectionException;
import app.exosphere.core.http.ExosphereListener;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.http.TransportOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OpenStack#close()} ends what the SDK started: a call in flight (here Nova's version document,
 * fetched because the listing's answer did not confirm the pinned microversion, and never answered) or
 * waiting for a retry fails at once with a {@link ConnectionException}, no further attempt reaches the
 * cloud, and the dispatcher threads the SDK created end, so a JVM can exit.
 */
class CloseTest {
    private static final String PROJECT = "a6944d763bf64ee6a275f1263fae0352";

    private final MockCloud cloud = new MockCloud();
    private final CountDownLatch retryScheduled = new CountDownLatch(1);

    @AfterEach
    void close() {
        cloud.close();
    }

    private MockResponse servers() {
        return MockCloud.json(
                200,
                cloud.pointedHere("nova/servers__servers-details-resp.json")
                        .replaceAll("\"servers_links\"[^\\]]*\\]", "\"servers_links\": []"));
    }

    /** Answers the token and {@code serversAnswer} for the listing; stalls the version document. */
    private void serve(MockResponse serversAnswer) {
        MockResponse stalled = new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build();
        cloud.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                if (path.endsWith("/auth/tokens")) {
                    return cloud.scopedToken("tok-close");
                }
                return path.endsWith("/servers/detail") ? serversAnswer : stalled;
            }
        });
    }

    /** Long timeouts and Retry-After cap: only close() can end a call early. */
    private OpenStack.Builder patientClient() {
        return cloud.builder(MockCloud.ALICE)
                .project(PROJECT)
                .transport(TransportOptions.builder()
                        .readTimeout(Duration.ofMinutes(10))
                        .callTimeout(Duration.ZERO)
                        .maxAttempts(4)
                        .initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(20))
                        .maxRetryAfter(Duration.ofMinutes(10))
                        .listener(new ExosphereListener() {
                            @Override
                            public void retryScheduled(RetryScheduled retry) {
                                retryScheduled.countDown();
                            }
                        })
                        .build());
    }

    /** Takes requests until the version document's; fails if it does not come. */
    private void awaitVersionDocumentRequest() throws InterruptedException {
        while (true) {
            RecordedRequest r = cloud.server.takeRequest(10, TimeUnit.SECONDS);
            assertThat(r).as("the version document request").isNotNull();
            if (r.getUrl().encodedPath().equals("/v2.1/")) {
                return;
            }
        }
    }

    private static void assertFailsWithConnectionException(CompletableFuture<?> call) {
        // 10 minutes of read timeout or Retry-After would end it otherwise
        assertThatThrownBy(() -> call.get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("closed");
    }

    private void assertNoFurtherRequest() throws InterruptedException {
        assertThat(cloud.server.takeRequest(3, TimeUnit.SECONDS))
                .as("a request after close()")
                .isNull();
    }

    private static void assertDispatcherThreadsEnd(OpenStack os) throws InterruptedException {
        ExecutorService dispatcher = os.httpClient().dispatcher().executorService();
        assertThat(dispatcher.awaitTermination(60, TimeUnit.SECONDS))
                .as("the SDK's dispatcher threads ended")
                .isTrue();
    }

    private static CompletableFuture<List<Server>> listOnAnotherThread(OpenStack os) {
        CompletableFuture<List<Server>> listing = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                listing.complete(os.compute().servers().list().toList());
            } catch (RuntimeException e) {
                listing.completeExceptionally(e);
            }
        });
        caller.start();
        return listing;
    }

    @Test
    void closingFailsAnAsynchronousCallInFlightAndNoRetryOfItReachesTheCloud() throws Exception {
        serve(servers());
        OpenStack os = patientClient().build();
        CompletableFuture<List<Server>> listing =
                os.compute().servers().list().all().executeAsync();
        awaitVersionDocumentRequest();

        os.close();

        assertFailsWithConnectionException(listing);
        assertNoFurtherRequest();
        assertDispatcherThreadsEnd(os);
    }

    @Test
    void closingFailsASynchronousCallInFlightAndNoRetryOfItReachesTheCloud() throws Exception {
        serve(servers());
        OpenStack os = patientClient().build();
        CompletableFuture<List<Server>> listing = listOnAnotherThread(os);
        awaitVersionDocumentRequest();

        os.close();

        assertFailsWithConnectionException(listing);
        assertNoFurtherRequest();
        assertDispatcherThreadsEnd(os);
    }

    @Test
    void closingCancelsTheSdksCallsOnACallersClientAndLeavesItsThreadsToItsOwner() throws Exception {
        serve(servers());
        OkHttpClient callers = new OkHttpClient();
        try {
            OpenStack os = patientClient().httpClient(callers).build();
            CompletableFuture<List<Server>> listing =
                    os.compute().servers().list().all().executeAsync();
            awaitVersionDocumentRequest();

            os.close();

            assertFailsWithConnectionException(listing);
            assertNoFurtherRequest();
            assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
        } finally {
            callers.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void closingFailsAnAsynchronousCallWaitingForARetryAndTheRetryIsNeverSent() throws Exception {
        serve(MockCloud.json(503, "{}")
                .newBuilder()
                .addHeader("Retry-After", "600")
                .build());
        OpenStack os = patientClient().build();
        CompletableFuture<JsonNode> listing =
                os.service(ServiceType.COMPUTE).get("servers/detail").json().executeAsync();
        assertThat(retryScheduled.await(30, TimeUnit.SECONDS)).isTrue();
        while (cloud.server.takeRequest(0, TimeUnit.SECONDS) != null) {
            // the token and the first attempt
        }

        os.close();

        assertFailsWithConnectionException(listing);
        assertNoFurtherRequest();
        assertDispatcherThreadsEnd(os);
    }

    @Test
    void closingEndsTheBackOffOfASynchronousCallAndTheRetryIsNeverSent() throws Exception {
        serve(MockCloud.json(503, "{}")
                .newBuilder()
                .addHeader("Retry-After", "600")
                .build());
        OpenStack os = patientClient().build();
        CompletableFuture<JsonNode> listing = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                listing.complete(os.service(ServiceType.COMPUTE)
                        .get("servers/detail")
                        .json()
                        .execute());
            } catch (RuntimeException e) {
                listing.completeExceptionally(e);
            }
        });
        caller.start();
        assertThat(retryScheduled.await(30, TimeUnit.SECONDS)).isTrue();
        while (cloud.server.takeRequest(0, TimeUnit.SECONDS) != null) {
            // the token and the first attempt
        }

        os.close();

        assertFailsWithConnectionException(listing);
        assertNoFurtherRequest();
    }
}
