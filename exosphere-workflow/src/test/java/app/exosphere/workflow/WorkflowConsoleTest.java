package app.exosphere.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.cloudinit.SecretText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowConsoleTest {

    static String resource(String name) throws IOException {
        try (InputStream in = WorkflowConsoleTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void findsTheLastTokenOfTheSpecConsoleVector() throws IOException {
        // Exosphere's `Helpers.parseConsoleLogForWorkflowToken` on a setup console log → def456
        assertThat(WorkflowConsole.latestToken(resource("spec-3.3-console.txt")))
                .map(SecretText::reveal)
                .contains("def456");
    }

    @Test
    void findsNoTokenWithoutTokenLines() {
        // Exosphere's `Helpers.parseConsoleLogForWorkflowToken`
        assertThat(WorkflowConsole.latestToken("no json here\n{\"a\":1}")).isEmpty();
        assertThat(WorkflowConsole.latestToken("")).isEmpty();
        assertThat(WorkflowConsole.latestToken(null)).isEmpty();
    }

    @Test
    void tokenPublishedAfterARestartWins() throws IOException {
        WorkflowConsole console = WorkflowConsole.scan(resource("workflow-restart-console.txt"));
        assertThat(console.token().map(SecretText::reveal)).contains("bbbb2222");
        assertThat(console.isReady()).isTrue();
    }

    @Test
    void tokenLineWithTrailingTextIsIgnoredLikeExosphere() {
        String log = "{\"exoWorkflowToken\":\"first\"}\r\n{\"exoWorkflowToken\":\"second\"} trailing\n";
        assertThat(WorkflowConsole.latestToken(log)).map(SecretText::reveal).contains("first");
    }

    @Test
    void tokenLineWithTrailingWhitespaceAndCarriageReturnCounts() {
        assertThat(WorkflowConsole.latestToken("[ 1.0] {\"exoWorkflowToken\":\"abc\"} \t\r\n"))
                .map(SecretText::reveal)
                .contains("abc");
    }

    @Test
    void nonStringTokenIsIgnored() {
        assertThat(WorkflowConsole.latestToken("{\"exoWorkflowToken\":\"abc\"}\n{\"exoWorkflowToken\":42}\n"))
                .map(SecretText::reveal)
                .contains("abc");
        assertThat(WorkflowConsole.latestToken("{\"exoWorkflowToken\":null}")).isEmpty();
    }

    @Test
    void reportsSetupProgressEventsInOrderWithLineNumbers() throws IOException {
        WorkflowConsole console = WorkflowConsole.scan(resource("workflow-restart-console.txt"));
        assertThat(console.setupEvents())
                .containsExactly(
                        new WorkflowSetupEvent(WorkflowSetupPhase.STARTED, 5),
                        new WorkflowSetupEvent(WorkflowSetupPhase.COMPLETE, 9));
        assertThat(console.latestPhase()).contains(WorkflowSetupPhase.COMPLETE);
    }

    @Test
    void progressLinesToleratTrailingTextAndIgnoreUnknownPhases() {
        WorkflowConsole console = WorkflowConsole.scan(
                "{\"exoWorkflowSetup\":\"started\"} junk\r\n{\"exoWorkflowSetup\":\"Started\"}\n{\"exoWorkflowSetup\":1}");
        assertThat(console.setupEvents()).containsExactly(new WorkflowSetupEvent(WorkflowSetupPhase.STARTED, 1));
        assertThat(console.token()).isEmpty();
        assertThat(console.isReady()).isFalse();
    }

    @Test
    void specConsoleReportsStartedButNotComplete() throws IOException {
        WorkflowConsole console = WorkflowConsole.scan(resource("spec-3.3-console.txt"));
        assertThat(console.latestPhase()).contains(WorkflowSetupPhase.STARTED);
        assertThat(console.setupEvents()).hasSize(1);
    }

    @Test
    void emptyConsoleHasNothing() {
        WorkflowConsole console = WorkflowConsole.scan(null);
        assertThat(console.token()).isEmpty();
        assertThat(console.setupEvents()).isEmpty();
        assertThat(console.latestPhase()).isEmpty();
    }

    @Test
    void pollKeepsStoredTokenWhenNoneIsFoundAndReplacesItOtherwise() {
        Optional<SecretText> old = Optional.of(SecretText.of("old"));
        assertThat(WorkflowConsole.tokenAfterPoll(old, "nothing here").map(SecretText::reveal))
                .contains("old");
        assertThat(WorkflowConsole.tokenAfterPoll(old, "{\"exoWorkflowToken\":\"new\"}")
                        .map(SecretText::reveal))
                .contains("new");
        assertThat(WorkflowConsole.tokenAfterPoll(Optional.empty(), "")).isEmpty();
    }

    @Test
    void toStringDoesNotRevealTheToken() {
        WorkflowConsole console = WorkflowConsole.scan("{\"exoWorkflowToken\":\"s3cr3tt0k3n\"}");
        assertThat(console.toString()).doesNotContain("s3cr3tt0k3n").contains("present");
        assertThat(String.valueOf(console.token())).doesNotContain("s3cr3tt0k3n");
        assertThat(console.token().orElseThrow().reveal()).isEqualTo("s3cr3tt0k3n");
    }

    @Test
    void phasesHaveTheirConsoleWords() {
        assertThat(WorkflowSetupPhase.fromWire("started")).contains(WorkflowSetupPhase.STARTED);
        assertThat(WorkflowSetupPhase.fromWire("complete")).contains(WorkflowSetupPhase.COMPLETE);
        assertThat(WorkflowSetupPhase.fromWire("COMPLETE")).isEmpty();
        assertThat(WorkflowSetupPhase.COMPLETE.wire()).isEqualTo("complete");
    }
}
