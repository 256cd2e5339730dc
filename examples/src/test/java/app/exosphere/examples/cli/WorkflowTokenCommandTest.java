package app.exosphere.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WorkflowTokenCommandTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = WorkflowTokenCommandTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void printsTheLastTokenOfTheSpecConsole() throws IOException {
        assertThat(CliRun.withStdin(resource("spec-3.3-console.txt"), "workflow-token"))
                .isEqualTo(new CliRun(0, "def456\n", ""));
    }

    @Test
    void tokenPublishedAfterRestartWins() throws IOException {
        assertThat(CliRun.withStdin(resource("workflow-restart-console.txt"), "workflow-token"))
                .isEqualTo(new CliRun(0, "bbbb2222\n", ""));
    }

    @Test
    void jsonIncludesSetupProgress() throws IOException {
        assertThat(CliRun.withStdin(resource("workflow-restart-console.txt"), "workflow-token", "--json"))
                .isEqualTo(new CliRun(
                        0,
                        "{\"version\":2,\"token\":\"bbbb2222\",\"setupPhase\":\"complete\",\"setupEvents\":"
                                + "[{\"phase\":\"started\",\"line\":5},{\"phase\":\"complete\",\"line\":9}]}\n",
                        ""));
    }

    @Test
    void exitsOneWhenThereIsNoTokenYet() {
        CliRun run = CliRun.withStdin("[ 1.0] boot\r\n{\"exoWorkflowSetup\":\"started\"}\r\n", "workflow-token");
        assertThat(run)
                .isEqualTo(new CliRun(
                        1,
                        "",
                        "workflow-token: no workflow token in the console log (workflow setup started); the instance"
                                + " publishes {\"exoWorkflowToken\":\"<hex>\"} once its Jupyter server runs\n"));
    }

    @Test
    void emptyStdinHasNoToken() {
        CliRun run = CliRun.withStdin("", "--json", "workflow-token");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("{\"version\":2,\"error\":\"no workflow token in the console log; the instance publishes"
                        + " {\\\"exoWorkflowToken\\\":\\\"<hex>\\\"} once its Jupyter server runs\","
                        + "\"kind\":\"no-token\",\"exitCode\":1}\n");
    }
}
