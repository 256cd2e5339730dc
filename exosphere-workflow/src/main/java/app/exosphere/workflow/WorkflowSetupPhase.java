package app.exosphere.workflow;

import java.util.Optional;

/**
 * The progress the instance's workflow role reports on the console as
 * {@code {"exoWorkflowSetup":"started"}} and {@code {"exoWorkflowSetup":"complete"}} (Exosphere's
 * {@code ansible/roles/workflow}). {@code started} comes before the clone and the repo2docker build (which can take many minutes);
 * {@code complete} once the Jupyter server has a token.
 *
 * <pre>{@code
 * WorkflowSetupPhase.fromWire("complete"); // Optional[COMPLETE]
 * }</pre>
 */
public enum WorkflowSetupPhase {
    /** The workflow role began: cloning and building the image. */
    STARTED("started"),
    /** The workflow's Jupyter server is running and has published its token. */
    COMPLETE("complete");

    private final String wire;

    WorkflowSetupPhase(String wire) {
        this.wire = wire;
    }

    /** The word on the console, e.g. {@code "started"}. */
    public String wire() {
        return wire;
    }

    /** The phase for a console word (exact, case-sensitive); empty for anything else. */
    public static Optional<WorkflowSetupPhase> fromWire(String wire) {
        for (WorkflowSetupPhase p : values()) {
            if (p.wire.equals(wire)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
