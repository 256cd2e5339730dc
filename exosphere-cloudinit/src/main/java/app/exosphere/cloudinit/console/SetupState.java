package app.exosphere.cloudinit.console;

import java.util.Optional;

/**
 * The setup states of an Exosphere instance, as reported on its console and stored in the {@code exoSetup}
 * server metadata (Exosphere's {@code Types.Server.ExoSetupStatus}). Example:
 *
 * <pre>{@code
 * SetupState s = SetupState.fromWire("running"); // RUNNING
 * s.wire();     // "running"
 * s.display();  // "Running"
 * }</pre>
 */
public enum SetupState {
    /** Initial metadata value: the instance has not reported anything yet. Never emitted by an instance. */
    WAITING("waiting", "Waiting"),
    /** Emitted by the boothook on the first boot. */
    STARTING("starting", "Starting"),
    /** Emitted by the setup-running user script. */
    RUNNING("running", "Running"),
    /** Emitted when the setup playbook succeeded. Sticky: once complete, the console is not re-read. */
    COMPLETE("complete", "Complete"),
    /** Emitted when the setup playbook failed. */
    ERROR("error", "Error"),
    /** Derived by the client when setup takes too long; never emitted by an instance. */
    TIMEOUT("timeout", "Timeout"),
    /** Anything unrecognised, or no status known. */
    UNKNOWN("unknown", "Unknown");

    private final String wire;
    private final String display;

    SetupState(String wire, String display) {
        this.wire = wire;
        this.display = display;
    }

    /** The lower-case word used on the console and in metadata, e.g. {@code "complete"}. */
    public String wire() {
        return wire;
    }

    /** The capitalised word the Exosphere UI shows, e.g. {@code "Complete"}. */
    public String display() {
        return display;
    }

    /** Whether an instance ever writes this state itself (starting, running, complete, error). */
    public boolean emittedByInstance() {
        return this == STARTING || this == RUNNING || this == COMPLETE || this == ERROR;
    }

    /** Whether setup has ended (complete, error or timeout). */
    public boolean isFinished() {
        return this == COMPLETE || this == ERROR || this == TIMEOUT;
    }

    /**
     * The state for a wire word: exact and case-sensitive; anything else (including {@code null}) is
     * {@link #UNKNOWN} (Exosphere's {@code Types.Server.ExoSetupStatus}).
     */
    public static SetupState fromWire(String wire) {
        return lookup(wire).orElse(UNKNOWN);
    }

    /** The state for a wire word, or empty when the word is not one of the seven wire strings. */
    public static Optional<SetupState> lookup(String wire) {
        for (SetupState s : values()) {
            if (s.wire.equals(wire)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
