package app.exosphere.cloudinit.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceConsoleLinesTest {

    static final Instant T = Instant.ofEpochSecond(1704067220L, 123_000_000);

    @Test
    void writesTheSpecLineFormats() {
        assertThat(InstanceConsoleLines.setupStatus(SetupState.RUNNING, T))
                .isEqualTo("{\"status\":\"running\", \"epoch\": 1704067220000}");
        assertThat(InstanceConsoleLines.resourceUsage(
                        ResourceUsagePoint.of(7, 21, 11), Instant.ofEpochSecond(1704067260)))
                .isEqualTo("{\"epoch\": 1704067260, \"cpuPctUsed\": 7, \"memPctUsed\": 21, \"rootfsPctUsed\": 11,"
                        + " \"gpuPctUsed\": null}");
        assertThat(InstanceConsoleLines.guacamoleDeployed()).isEqualTo("{\"guacDeployComplete\":true}");
        assertThat(InstanceConsoleLines.workflowSetupStarted()).isEqualTo("{\"exoWorkflowSetup\":\"started\"}");
        assertThat(InstanceConsoleLines.workflowSetupComplete()).isEqualTo("{\"exoWorkflowSetup\":\"complete\"}");
        assertThat(InstanceConsoleLines.workflowToken("abc123")).isEqualTo("{\"exoWorkflowToken\":\"abc123\"}");
        assertThat(InstanceConsoleLines.kernelPrefix(12.500001)).isEqualTo("[   12.500001] ");
        assertThat(InstanceConsoleLines.kernelPrefix(2915.727779)).isEqualTo("[ 2915.727779] ");
    }

    @Test
    void refusesLinesNoInstanceWrites() {
        assertThatThrownBy(() -> InstanceConsoleLines.setupStatus(SetupState.TIMEOUT, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstanceConsoleLines.workflowToken("ABC\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSimulatedConsoleReadsBackThroughTheParsers() {
        String log = String.join(
                "\r\n",
                InstanceConsoleLines.kernelPrefix(12.5) + InstanceConsoleLines.setupStatus(SetupState.STARTING, T),
                InstanceConsoleLines.setupStatus(SetupState.RUNNING, T.plusSeconds(8)),
                InstanceConsoleLines.kernelPrefix(60)
                        + InstanceConsoleLines.resourceUsage(
                                new ResourceUsagePoint(3, 4, 5, List.of(6)), T.plusSeconds(40)),
                InstanceConsoleLines.guacamoleDeployed(),
                InstanceConsoleLines.workflowSetupStarted(),
                InstanceConsoleLines.workflowToken("deadbeef"),
                InstanceConsoleLines.workflowSetupComplete(),
                InstanceConsoleLines.setupStatus(SetupState.COMPLETE, T.plusSeconds(600)));
        assertThat(SetupStatus.fromConsole(SetupStatus.initial(), log, T, T.plusSeconds(700)))
                .isEqualTo(SetupStatus.of(SetupState.COMPLETE, 1704067820000L));
        assertThat(ResourceUsageHistory.empty().merge(log).timeSeries()).containsKey(1704067260000L);
        assertThat(ConsoleScanner.lastString(log, "exoWorkflowToken")).contains("deadbeef");
        assertThat(ConsoleScanner.lastString(log, "exoWorkflowSetup")).contains("complete");
    }
}
