package app.exosphere.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The simulator set-up and fault snippets of {@code docs/testing.md}, run. */
class TestingSnippetsTest {

    @Test
    void aHandBuiltSimulatorRunsOnAManualClockAtTheChosenInstant() {
        // snippet:testing-builder
        try (CloudSimulator cloud = CloudSimulator.builder()
                .scenario(Scenario.jetstream2().toBuilder()
                        .tokenLifetime(Duration.ofMinutes(10))
                        .build())
                .clock(SimulatedClock.manual(Instant.parse("2024-01-01T00:00:00Z")))
                .seed(7)
                .start()) {
            String keystone = cloud.keystoneUrl(); // point the code under test here
            assertThat(keystone).startsWith("http://127.0.0.1:");
            assertThat(cloud.clock().now()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        }
        // end-snippet
    }

    @Test
    void faultsAreAddedAsTheGuideShows() {
        try (CloudSimulator cloud = CloudSimulator.builder().start()) {
            // snippet:testing-faults
            // the create succeeds in the cloud, but the response never arrives: test your exactly-once logic
            cloud.faults()
                    .add(Fault.on(Service.COMPUTE)
                            .method("POST")
                            .path("^/servers$")
                            .dropResponseAfterProcessing()
                            .times(1)
                            .build());
            cloud.faults()
                    .add(Fault.on(Service.NETWORK)
                            .latency(Duration.ofMillis(300))
                            .build());
            cloud.faults()
                    .add(Fault.on(Service.IMAGE)
                            .respondWith(503)
                            .probability(0.3)
                            .seed(1)
                            .build());
            cloud.faults()
                    .add(Fault.on(Service.IDENTITY)
                            .path("/auth/tokens")
                            .disconnect()
                            .skip(2)
                            .times(1)
                            .build());
            // end-snippet
            assertThat(cloud.faults().active()).hasSize(4);
        }
    }
}
