package app.exosphere.workflow;

import app.exosphere.cloudinit.SecretText;
import app.exosphere.cloudinit.console.ConsoleObject;
import app.exosphere.cloudinit.console.ConsoleScanner;
import app.exosphere.cloudinit.console.JsonLineMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an instance's console log says about its workflow: the Jupyter token the instance published and
 * the setup progress lines. The token is found exactly as the Exosphere web app finds it
 * (Exosphere's {@code Helpers.parseConsoleLogForWorkflowToken}): lines {@code {"exoWorkflowToken":"<hex>"}} after any prefix such as a kernel
 * timestamp, strict JSON (trailing text other than whitespace makes a line fail), the <b>last</b> one
 * wins — the token changes when the workflow service restarts. Progress lines
 * {@code {"exoWorkflowSetup":"started|complete"}} are read leniently (trailing text ignored).
 *
 * <p>The token is a {@link SecretText}: neither it nor {@link #toString()} prints it; read it with
 * {@code token().orElseThrow().reveal()}.
 *
 * <pre>{@code
 * WorkflowConsole wf = WorkflowConsole.scan(compute.servers().consoleOutput(serverId, null).execute());
 * wf.token();            // Optional[<redacted>]; .map(SecretText::reveal) gives Optional[def456]
 * wf.latestPhase();      // Optional[COMPLETE]
 * }</pre>
 *
 * @param token the last published Jupyter token, if any
 * @param setupEvents the progress lines in console order
 */
public record WorkflowConsole(Optional<SecretText> token, List<WorkflowSetupEvent> setupEvents) {

    /** The console field carrying the token. */
    public static final String TOKEN_FIELD = "exoWorkflowToken";

    /** The console field carrying the setup phase. */
    public static final String SETUP_FIELD = "exoWorkflowSetup";

    /** Copies the list. */
    public WorkflowConsole {
        Objects.requireNonNull(token, "token");
        setupEvents = List.copyOf(setupEvents);
    }

    /**
     * Scans a console log (as returned by Nova's {@code os-getConsoleOutput}; {@code \r\n} line ends,
     * kernel timestamps and garbage lines are fine; {@code null} counts as empty).
     */
    public static WorkflowConsole scan(String consoleText) {
        Optional<SecretText> token = latestToken(consoleText);
        List<WorkflowSetupEvent> events =
                ConsoleScanner.decode(consoleText, JsonLineMode.LENIENT, WorkflowConsole::event);
        return new WorkflowConsole(token, events);
    }

    private static Optional<WorkflowSetupEvent> event(ConsoleObject o) {
        return o.string(SETUP_FIELD)
                .flatMap(WorkflowSetupPhase::fromWire)
                .map(phase -> new WorkflowSetupEvent(phase, o.lineNumber()));
    }

    /** The last token published in the console log, if any (Exosphere's {@code Helpers.parseConsoleLogForWorkflowToken}). */
    public static Optional<SecretText> latestToken(String consoleText) {
        return ConsoleScanner.lastString(consoleText, TOKEN_FIELD, JsonLineMode.STRICT)
                .map(SecretText::of);
    }

    /**
     * The token to keep after a successful console-log poll, by Exosphere's rule: a token found in the log
     * replaces the stored one; when none is found the stored one is kept. (After a <em>failed</em> poll
     * Exosphere forgets the token; callers do that themselves by passing {@code Optional.empty()} next
     * time.)
     *
     * @param stored the token known before this poll
     * @param consoleText the console log just read
     */
    public static Optional<SecretText> tokenAfterPoll(Optional<SecretText> stored, String consoleText) {
        Objects.requireNonNull(stored, "stored");
        Optional<SecretText> found = latestToken(consoleText);
        return found.isPresent() ? found : stored;
    }

    /** The most recent setup phase reported, if any. */
    public Optional<WorkflowSetupPhase> latestPhase() {
        return setupEvents.isEmpty()
                ? Optional.empty()
                : Optional.of(setupEvents.get(setupEvents.size() - 1).phase());
    }

    /**
     * Whether the workflow is ready to open: a token has been published. This is independent of the
     * instance's setup status ({@code exoSetup}): wait for both before handing out the workflow URL.
     */
    public boolean isReady() {
        return token.isPresent();
    }

    @Override
    public String toString() {
        return "WorkflowConsole{token=" + (token.isPresent() ? "present" : "absent") + ", setupEvents=" + setupEvents
                + "}";
    }
}
