package app.exosphere.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.ConnectionException;
import app.exosphere.core.http.ExosphereListener;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.http.TransportOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
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

    /** The SDK's client and one of its calls, in flight when the test closes the client. */
    private record InFlight(OpenStack os, CompletableFuture<?> call) {}

    /**
     * The fixture of the in-flight tests: answers the token and the listing, stalls Nova's version document,
     * builds the patient client (on {@code callers}' OkHttpClient when not null) and starts {@code call} on it;
     * returns once the version document's request reached the cloud, so the call is in flight.
     */
    private InFlight whileTheVersionDocumentStalls(OkHttpClient callers, Function<OpenStack, CompletableFuture<?>> call)
            throws InterruptedException {
        serve(servers());
        OpenStack.Builder builder = patientClient();
        OpenStack os = (callers == null ? builder : builder.httpClient(callers)).build();
        CompletableFuture<?> started = call.apply(os);
        awaitVersionDocumentRequest();
        return new InFlight(os, started);
    }

    /**
     * The fixture of the retry tests: every listing answered {@code 503} with {@code Retry-After: 600}; builds
     * the patient client, starts {@code call} on it and returns once its retry is scheduled, the requests so
     * far (the token and the first attempt) taken.
     */
    private InFlight whileARetryWaits(Function<OpenStack, CompletableFuture<?>> call) throws InterruptedException {
        serve(MockCloud.json(503, "{}")
                .newBuilder()
                .addHeader("Retry-After", "600")
                .build());
        OpenStack os = patientClient().build();
        CompletableFuture<?> started = call.apply(os);
        assertThat(retryScheduled.await(30, TimeUnit.SECONDS)).isTrue();
        while (cloud.server.takeRequest(0, TimeUnit.SECONDS) != null) {
            // the token and the first attempt
        }
        return new InFlight(os, started);
    }

    /** A blocking call run on a thread of its own (the caller's), as a future of its outcome. */
    private static <T> CompletableFuture<T> onAnotherThread(Supplier<T> blocking) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                outcome.complete(blocking.get());
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
            }
        });
        caller.start();
        return outcome;
    }

    @Test
    void closingFailsAnAsynchronousCallInFlightAndNoRetryOfItReachesTheCloud() throws Exception {
        InFlight listing = whileTheVersionDocumentStalls(
                null, os -> os.compute().servers().list().all().executeAsync());

        listing.os().close();

        assertFailsWithConnectionException(listing.call());
        assertNoFurtherRequest();
        assertDispatcherThreadsEnd(listing.os());
    }

    @Test
    void closingFailsASynchronousCallInFlightAndNoRetryOfItReachesTheCloud() throws Exception {
        InFlight listing = whileTheVersionDocumentStalls(
                null, os -> onAnotherThread(() -> os.compute().servers().list().toList()));

        listing.os().close();

        assertFailsWithConnectionException(listing.call());
        assertNoFurtherRequest();
        assertDispatcherThreadsEnd(listing.os());
    }

    @Test
    void closingCancelsTheSdksCallsOnACallersClientAndLeavesItsThreadsToItsOwner() throws Exception {
        OkHttpClient callers = new OkHttpClient();
        try {
            InFlight listing = whileTheVersionDocumentStalls(
                    callers, os -> os.compute().servers().list().all().executeAsync());

            listing.os().close();

            assertFailsWithConnectionException(listing.call());
            assertNoFurtherRequest();
            assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
        } finally {
            callers.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void closingFailsAnAsynchronousCallWaitingForARetryAndTheRetryIsNeverSent() throws Exception {
        InFlight listing = whileARetryWaits(os ->
                os.service(ServiceType.COMPUTE).get("servers/detail").json().executeAsync());

        listing.os().close();

        assertFailsWithConnectionException(listing.call());
        assertNoFurtherRequest();
        assertDispatcherThreadsEnd(listing.os());
    }

    @Test
    void closingEndsTheBackOffOfASynchronousCallAndTheRetryIsNeverSent() throws Exception {
        InFlight listing = whileARetryWaits(os -> onAnotherThread(() ->
                os.service(ServiceType.COMPUTE).get("servers/detail").json().execute()));

        listing.os().close();

        assertFailsWithConnectionException(listing.call());
        assertNoFurtherRequest();
    }
}
