package app.exosphere.workflow;

import java.util.Objects;

/**
 * One workflow progress line found in a console log.
 *
 * <pre>{@code
 * for (WorkflowSetupEvent e : WorkflowConsole.scan(consoleText).setupEvents()) {
 *     log.info("workflow " + e.phase().wire() + " (console line " + e.lineNumber() + ")");
 * }
 * }</pre>
 *
 * @param phase the reported phase
 * @param lineNumber the 1-based console line it was found on
 */
public record WorkflowSetupEvent(WorkflowSetupPhase phase, int lineNumber) {
    /** Validates. */
    public WorkflowSetupEvent {
        Objects.requireNonNull(phase, "phase");
    }
}
