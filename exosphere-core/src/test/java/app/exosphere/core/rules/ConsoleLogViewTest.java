package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console-log page's choices and display ({@code Page.ServerConsoleLog}). */
class ConsoleLogViewTest {

    @Test
    void theLengthChoicesAre50200500And1000LinesOrAllWith200ByDefault() {
        assertThat(ConsoleLogView.Length.values())
                .extracting(l -> l.lines().orElse(null))
                .containsExactly(50, 200, 500, 1000, null);
        assertThat(ConsoleLogView.Length.DEFAULT.lines()).hasValue(200);
    }

    @Test
    void anEmptyLogShowsTheWebAppsMessage() {
        assertThat(ConsoleLogView.display("", true)).isEqualTo("No console output returned.");
        assertThat(ConsoleLogView.display(null, false)).isEqualTo("No console output returned.");
    }

    @Test
    void withoutColoursEscapeSequencesAreRemovedAndTheTextKept() {
        String log = "[  OK  ] \u001B[0;32mStarted\u001B[0m cloud-init.\r\n\u001B[2J\u001B[Hlogin: ";
        assertThat(ConsoleLogView.display(log, true)).isEqualTo(log);
        assertThat(ConsoleLogView.display(log, false)).isEqualTo("[  OK  ] Started cloud-init.\r\nlogin: ");
    }
}
