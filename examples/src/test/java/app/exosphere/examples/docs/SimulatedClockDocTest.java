package app.exosphere.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.WithCloudSimulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What docs/testing.md says about the simulated clock: it moves only when the test advances it. */
@WithCloudSimulator(preset = Scenario.Preset.JETSTREAM2, timeScale = 0)
class SimulatedClockDocTest {
    @Test
    void tokensExpireWhenTheTestMovesTheClock(CloudSimulator cloud) {
        cloud.advance(Duration.ofHours(2)); // the simulated cloud's time, not the test's
        assertThat(cloud.clock().now()).isAfter(Instant.now().plus(Duration.ofMinutes(100)));
    }
}
