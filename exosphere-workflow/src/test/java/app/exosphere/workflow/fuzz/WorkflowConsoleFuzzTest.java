package app.exosphere.workflow.fuzz;

import app.exosphere.cloudinit.SecretText;
import app.exosphere.fuzz.Seeds;
import app.exosphere.workflow.WorkflowConsole;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the workflow-token console parser: any console text is accepted without
 * throwing, in under a second.
 */
class WorkflowConsoleFuzzTest {

    @BeforeAll
    static void warmUp() {
        Seeds.each(
                WorkflowConsoleFuzzTest.class,
                "workflowTokenParserAcceptsAnyConsoleText",
                new WorkflowConsoleFuzzTest()::workflowTokenParserAcceptsAnyConsoleText);
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // wall-clock backstop; the limit is 1 s of CPU per input
    void workflowTokenParserAcceptsAnyConsoleText(byte[] input) {
        Seeds.withinOneCpuSecond(() -> check(input));
    }

    private void check(byte[] input) {
        String console = new String(input, StandardCharsets.UTF_8);
        WorkflowConsole.scan(console);
        WorkflowConsole.latestToken(console);
        WorkflowConsole.tokenAfterPoll(Optional.of(SecretText.of("stored")), console);
    }
}
