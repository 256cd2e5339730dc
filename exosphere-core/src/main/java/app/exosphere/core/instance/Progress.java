package app.exosphere.core.instance;

import java.time.Duration;
import java.time.Instant;

/**
 * One step of an instance's way to ready, as a watcher reports it.
 *
 * <pre>{@code
 * instance.watch().addListener(p -> log.info("{} after {}s: {}", p.state(), p.elapsed().toSeconds(), p.message()));
 * }</pre>
 *
 * @param serverId the server
 * @param state the state reached
 * @param elapsed time since the watch started
 * @param message a human-readable explanation (never contains secrets)
 * @param at when it was observed
 */
public record Progress(String serverId, State state, Duration elapsed, String message, Instant at) {

    /** The states Exosphere shows on the way to a usable instance, plus the workflow's. */
    public enum State {
        /** Nova is building the server. */
        BUILDING,
        /** The server is ACTIVE; setup has not reported yet. */
        ACTIVE,
        /**
         * A floating IP was created or assigned. May come before {@link #ACTIVE}: the watcher creates it as
         * soon as the building server's port has a fixed IP.
         */
        FLOATING_IP_ATTACHED,
        /**
         * A DNS hostname points at the floating IP the SDK attached ({@link
         * ExosphereSettings#automaticHostnames()}). A best-effort extra: it may arrive after {@link #READY},
         * and when none can be made a {@link #SKIPPED} event says why instead.
         */
        HOSTNAME_CREATED,
        /** Setup reported {@code starting}. */
        SETUP_STARTING,
        /** Setup reported {@code running}. */
        SETUP_RUNNING,
        /** Setup completed: the instance is ready (Exosphere's "Ready"). */
        READY,
        /** The Binder workflow started building. */
        WORKFLOW_STARTED,
        /**
         * The SDK did not do something the request asked for, or Exosphere would do (a floating IP outside
         * Exosphere's 5-minute window, Guacamole without a User Application Proxy); the message says what and
         * why. Logged at WARN too. Not terminal by itself.
         */
        SKIPPED,
        /** The workflow published its Jupyter token: the workflow URL works. */
        WORKFLOW_READY,
        /** The server or its setup failed. Terminal. */
        ERROR,
        /** Setup took longer than Exosphere's limits. Terminal. */
        TIMEOUT;

        /**
         * Whether the instance stays in this state until the next one: false for the events that may come
         * at any point of the watch ({@link #FLOATING_IP_ATTACHED} while still building, {@link
         * #HOSTNAME_CREATED} after READY, {@link #SKIPPED}), which {@link InstanceWatch#state()} does not
         * report as the current state.
         */
        public boolean isPhase() {
            return this != FLOATING_IP_ATTACHED && this != HOSTNAME_CREATED && this != SKIPPED;
        }
    }

    /** Whether nothing follows this state. */
    public boolean isTerminal() {
        return state == State.ERROR || state == State.TIMEOUT;
    }
}
