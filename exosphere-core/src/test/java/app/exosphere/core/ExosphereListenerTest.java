package app.exosphere.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.ServerErrorException;
import app.exosphere.core.http.ExosphereListener;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.http.TransportOptions;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExosphereListenerTest {
    private static final String SERVER_ID = "9168b536-cd40-4630-b43f-b259807c6e87";
    private static final String SERVER = "{\"server\": {\"id\": \"" + SERVER_ID + "\"}}";

    private final MockCloud cloud = new MockCloud();
    private final Recorder events = new Recorder();

    @AfterEach
    void close() {
        cloud.close();
    }

    /** Answers Keystone, then the compute calls in {@code replies} order (the last one repeats). */
    private void serve(MockResponse... replies) {
        AtomicInteger n = new AtomicInteger();
        cloud.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (r.getTarget().equals("/v3/auth/tokens")) {
                    return cloud.scopedToken("tok-" + n.get());
                }
                return replies[Math.min(n.getAndIncrement(), replies.length - 1)];
            }
        });
    }

    private OpenStack connect(TransportOptions.Builder transport) {
        OpenStack os = cloud.builder(MockCloud.ALICE).project("p").build();
        return cloud.builder(MockCloud.ALICE)
                .project("p")
                .transport(transport
                        .initialBackoff(os.transportOptions().initialBackoff())
                        .maxBackoff(os.transportOptions().maxBackoff())
                        .listener(events)
                        .build())
                .build();
    }

    @Test
    void aRetriedRequestReportsBothAttemptsTheRetryAndCountsInTheCallersRetryRegistry() {
        serve(MockCloud.json(503, "{}"), MockCloud.json(200, SERVER));
        RetryRegistry retries = RetryRegistry.ofDefaults();
        OpenStack os = connect(TransportOptions.builder().retryRegistry(retries));

        os.service(ServiceType.COMPUTE).get("servers/{id}", SERVER_ID).json().execute();

        List<ExosphereListener.RequestFinished> nova = events.finished.stream()
                .filter(f -> f.service().equals("compute"))
                .toList();
        assertThat(nova).extracting(ExosphereListener.RequestFinished::status).containsExactly(503, 200);
        assertThat(nova).extracting(ExosphereListener.RequestFinished::attempt).containsExactly(1, 2);
        assertThat(nova.get(1).pathTemplate()).endsWith("/servers/{id}").doesNotContain(SERVER_ID);
        assertThat(nova.get(1).method()).isEqualTo("GET");
        assertThat(nova.get(1).requestId()).hasValue("req-00000000-0000-0000-0000-000000000200");
        assertThat(nova.get(1).latency()).isPositive();
        assertThat(events.started.stream().filter(s -> s.service().equals("compute")))
                .hasSize(2);
        assertThat(events.retries).singleElement().satisfies(r -> {
            assertThat(r.nextAttempt()).isEqualTo(2);
            assertThat(r.reason()).isEqualTo("HTTP 503");
        });
        assertThat(retries.retry("openstack").getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt())
                .isEqualTo(1);
    }

    @Test
    void a401IsReportedAsAReauthentication() {
        serve(MockCloud.json(401, "{\"error\": {\"code\": 401}}"), MockCloud.json(200, SERVER));
        OpenStack os = connect(TransportOptions.builder());

        os.service(ServiceType.COMPUTE).get("servers/{id}", SERVER_ID).json().execute();

        assertThat(events.reauthentications).singleElement().satisfies(r -> {
            assertThat(r.service()).isEqualTo("compute");
            assertThat(r.pathTemplate()).endsWith("/servers/{id}");
        });
    }

    @Test
    void circuitBreakersLiveInTheCallersRegistryAndReportTheirStateChanges() {
        serve(MockCloud.json(500, "{\"computeFault\": {\"code\": 500, \"message\": \"boom\"}}"));
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        OpenStack os = connect(TransportOptions.builder().circuitBreaker(true).circuitBreakerRegistry(breakers));

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> os.service(ServiceType.COMPUTE)
                            .post("servers")
                            .body(Map.of())
                            .execute())
                    .isInstanceOf(ServerErrorException.class);
        }

        assertThat(breakers.getAllCircuitBreakers())
                .anySatisfy(b -> assertThat(b.getName()).startsWith("compute@http://"));
        assertThat(events.transitions).singleElement().satisfies(t -> {
            assertThat(t.name()).startsWith("compute@");
            assertThat(t.from()).isEqualTo("CLOSED");
            assertThat(t.to()).isEqualTo("OPEN");
        });
    }

    @Test
    void aFailingListenerDoesNotBreakTheRequest() {
        serve(MockCloud.json(200, SERVER));
        OpenStack os = cloud.builder(MockCloud.ALICE)
                .project("p")
                .transport(TransportOptions.builder()
                        .listener(new ExosphereListener() {
                            @Override
                            public void requestFinished(RequestFinished request) {
                                throw new IllegalStateException("listener bug");
                            }
                        })
                        .build())
                .build();

        assertThat(os.service(ServiceType.COMPUTE)
                        .get("servers/{id}", SERVER_ID)
                        .json()
                        .execute()
                        .path("server")
                        .path("id")
                        .asText())
                .isEqualTo(SERVER_ID);
    }

    static final class Recorder implements ExosphereListener {
        final List<RequestStarted> started = new CopyOnWriteArrayList<>();
        final List<RequestFinished> finished = new CopyOnWriteArrayList<>();
        final List<RetryScheduled> retries = new CopyOnWriteArrayList<>();
        final List<Reauthentication> reauthentications = new CopyOnWriteArrayList<>();
        final List<CircuitBreakerTransition> transitions = new CopyOnWriteArrayList<>();

        @Override
        public void requestStarted(RequestStarted request) {
            started.add(request);
        }

        @Override
        public void requestFinished(RequestFinished request) {
            finished.add(request);
        }

        @Override
        public void retryScheduled(RetryScheduled retry) {
            retries.add(retry);
        }

        @Override
        public void reauthenticating(Reauthentication reauthentication) {
            reauthentications.add(reauthentication);
        }

        @Override
        public void circuitBreakerStateChanged(CircuitBreakerTransition transition) {
            transitions.add(transition);
        }
    }
}
