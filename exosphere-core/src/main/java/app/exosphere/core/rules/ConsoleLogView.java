package app.exosphere.core.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web app's console-log page (Exosphere's {@code Page.ServerConsoleLog}): how many lines to ask for,
 * and how the output is shown (with ANSI colours, by default, or raw without escape sequences; a fixed
 * message when the log is empty).
 *
 * <pre>{@code
 * String log = instance.fetchConsoleLog(ConsoleLogView.Length.DEFAULT).execute();   // the last 200 lines
 * String text = ConsoleLogView.display(log, false);   // escape sequences removed
 * }</pre>
 */
public final class ConsoleLogView {
    /** What the page shows when Nova returns no output. */
    public static final String NO_OUTPUT = "No console output returned.";

    // CSI sequences (colours, cursor moves) and two-character escapes
    private static final Pattern ANSI = Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|[@-Z\\\\-_])");

    private ConsoleLogView() {}

    /** The page's line-count choices ({@code os-getConsoleOutput} {@code length}). */
    public enum Length {
        /** The last 50 lines. */
        LINES_50(50),
        /** The last 200 lines, the page's default. */
        LINES_200(200),
        /** The last 500 lines. */
        LINES_500(500),
        /** The last 1000 lines. */
        LINES_1000(1000),
        /** Every line ({@code {"os-getConsoleOutput":{}}}). */
        ALL(null);

        /** The page's default. */
        public static final Length DEFAULT = LINES_200;

        private final Integer lines;

        Length(Integer lines) {
            this.lines = lines;
        }

        /** The {@code length} to send; empty for every line. */
        public Optional<Integer> lines() {
            return Optional.ofNullable(lines);
        }
    }

    /**
     * The text to show: {@link #NO_OUTPUT} for an empty or absent log; the log as is with
     * {@code ansiColours} (a terminal or an ANSI-aware view renders them); without, the escape sequences
     * removed.
     */
    public static String display(String output, boolean ansiColours) {
        if (output == null || output.isEmpty()) {
            return NO_OUTPUT;
        }
        return ansiColours ? output : ANSI.matcher(output).replaceAll("");
    }
}
