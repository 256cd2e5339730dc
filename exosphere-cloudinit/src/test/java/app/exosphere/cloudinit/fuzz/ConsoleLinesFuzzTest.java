package app.exosphere.cloudinit.fuzz;

import app.exosphere.cloudinit.console.ConsoleScanner;
import app.exosphere.cloudinit.console.JsonLineMode;
import app.exosphere.cloudinit.console.ResourceUsageAlert;
import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.SetupStatus;
import app.exosphere.fuzz.Seeds;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the console-log parsers: setup status lines, resource-usage samples and
 * the JSON-line scanner. A console log is written by whatever runs on the instance, so these parsers
 * must accept anything without throwing, in under a second.
 */
class ConsoleLinesFuzzTest {
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeAll
    static void warmUp() {
        Seeds.each(
                ConsoleLinesFuzzTest.class,
                "consoleLineParsersAcceptAnyConsoleText",
                new ConsoleLinesFuzzTest()::consoleLineParsersAcceptAnyConsoleText);
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // wall-clock backstop; the limit is 1 s of CPU per input
    void consoleLineParsersAcceptAnyConsoleText(byte[] input) {
        Seeds.withinOneCpuSecond(() -> check(input));
    }

    private void check(byte[] input) {
        String console = new String(input, StandardCharsets.UTF_8);
        for (JsonLineMode mode : JsonLineMode.values()) {
            ConsoleScanner.objects(console, mode);
            ConsoleScanner.lastString(console, "exoWorkflowToken", mode);
        }
        SetupStatus.linesIn(console);
        SetupStatus.fromConsole(SetupStatus.unknown(), console, CREATED, CREATED.plusSeconds(600));
        ResourceUsageHistory.samplesIn(console);
        ResourceUsageHistory history = ResourceUsageHistory.empty();
        ResourceUsageAlert.forHistory(history, CREATED);
    }
}
