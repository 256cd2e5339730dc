package app.exosphere.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.examples.SimulatedSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code exosphere allocation} on the simulated Jetstream2 (its accounting service and existing servers). */
class AllocationCommandTest {
    @RegisterExtension
    static final SimulatedSession simulated = new SimulatedSession();

    @Test
    void printsTheShownAllocationPerResourceTheBurnRateAndTheForecasts() {
        CliRun run = CliRun.on(simulated.session(), "allocation");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Allocation Usage\n")
                .containsPattern(
                        "  CPU instance +81,235 of 200,000 SUs  118,765 SUs remaining  \\(\\d{4}-\\d\\d-\\d\\d to ")
                .contains("  GPU instance      0 of 50,000 SUs  50,000 SUs remaining")
                .contains("  Lrg Mem instance  10,500 of 10,000 SUs  0 SUs remaining")
                .contains("Allocation usage is updated every 24 hours.")
                .containsPattern("\nBurn rate \\d+\\.\\d\\d SUs/hour\\*?\n")
                .contains("  warning: The Lrg Mem allocation is not active")
                .doesNotContain("Storage");
    }

    @Test
    void jsonCarriesTheMeterValuesAndForecasts() throws Exception {
        CliRun run = CliRun.on(simulated.session(), "allocation", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        JsonNode a = doc.path("allocation");
        assertThat(a.path("accountingAvailable").asBoolean()).isTrue();
        assertThat(a.path("allocations")).hasSize(3);
        assertThat(a.path("allocations").get(0).path("resource").asText()).isEqualTo("CPU");
        assertThat(a.path("allocations").get(0).path("remaining").asLong()).isEqualTo(118_765);
        assertThat(a.path("allocations").get(2).path("warning").asText()).contains("not active");
        assertThat(a.path("burnRateShownByWebApp").asBoolean()).isFalse();
    }
}
