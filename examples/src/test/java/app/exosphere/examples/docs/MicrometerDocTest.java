package app.exosphere.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.OpenStack;
import app.exosphere.core.http.ExosphereListener;
import app.exosphere.core.http.TransportOptions;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.WithCloudSimulator;
import app.exosphere.testkit.connect.SimulatorConnections;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The Micrometer binding of {@code docs/transport.md}, run against the simulated cloud. */
@WithCloudSimulator(timeScale = 0)
class MicrometerDocTest {

    static TransportOptions transport(MeterRegistry meters) {
        // snippet:transport-micrometer
        RetryRegistry retries = RetryRegistry.ofDefaults();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);

        TransportOptions transport = TransportOptions.builder()
                .retryRegistry(retries)
                .circuitBreaker(true)
                .circuitBreakerRegistry(breakers)
                .listener(new ExosphereListener() {
                    @Override
                    public void requestFinished(RequestFinished r) {
                        Timer.builder("openstack.requests")
                                .tag("service", r.service())
                                .tag("method", r.method())
                                .tag("path", r.pathTemplate())
                                .tag("status", Integer.toString(r.status()))
                                .register(meters)
                                .record(r.latency());
                    }
                })
                .build();
        // end-snippet
        return transport;
    }

    @Test
    void requestsRetriesAndBreakersShowUpInTheMeterRegistry(CloudSimulator cloud) {
        MeterRegistry meters = new SimpleMeterRegistry();
        try (OpenStack openStack = SimulatorConnections.openStack(cloud, transport(meters))) {
            openStack.compute().flavors().listDetail().toList();
        }

        Timer flavors = meters.find("openstack.requests")
                .tag("service", "compute")
                .tag("method", "GET")
                .tag("status", "200")
                .timer();
        assertThat(flavors).isNotNull();
        assertThat(flavors.count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.find("resilience4j.retry.calls").meters()).isNotEmpty();
        assertThat(meters.find("resilience4j.circuitbreaker.state")
                        .tag("name", "compute@" + cloud.keystoneUrl().replaceFirst("^(https?://[^/]+).*$", "$1"))
                        .meters())
                .isNotEmpty();
    }
}
