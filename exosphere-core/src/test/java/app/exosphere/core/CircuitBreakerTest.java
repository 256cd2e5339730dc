package app.exosphere.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.ConnectionException;
import app.exosphere.core.error.ServerErrorException;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.http.TransportOptions;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final MockCloud cloud = new MockCloud();

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void aFailingEndpointIsShortCircuitedWhenTheBreakerIsEnabled() {
        cloud.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (r.getTarget().equals("/v3/auth/tokens")) {
                    return cloud.scopedToken("tok");
                }
                return MockCloud.json(500, "{\"computeFault\": {\"code\": 500, \"message\": \"boom\"}}");
            }
        });
        OpenStack os = cloud.builder(MockCloud.ALICE)
                .project("p")
                .transport(TransportOptions.builder()
                        .circuitBreaker(true)
                        .rateLimitPerSecond(1000)
                        .initialBackoff(Duration.ofMillis(1))
                        .build())
                .build();
        ServiceClient nova = os.service(ServiceType.COMPUTE);
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> nova.post("servers").body(Map.of()).execute())
                    .isInstanceOf(ServerErrorException.class);
        }
        int before = cloud.server.getRequestCount();

        assertThatThrownBy(() -> nova.post("servers").body(Map.of()).execute())
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("circuit breaker open");
        assertThat(cloud.server.getRequestCount()).isEqualTo(before);
    }
}
