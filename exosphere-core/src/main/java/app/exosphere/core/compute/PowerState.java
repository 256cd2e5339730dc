package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * A server's hypervisor power state ({@code OS-EXT-STS:power_state}). Codes outside the documented
 * set are kept in {@link #code()}.
 *
 * <pre>{@code
 * boolean running = server.powerState().map(p -> p.is(PowerState.Known.RUNNING)).orElse(false);
 * }</pre>
 */
public final class PowerState {
    /** The power states Nova reports (read by Exosphere's {@code View.Helpers.getServerUiStatus}). */
    public enum Known {
        NO_STATE(0),
        RUNNING(1),
        PAUSED(3),
        SHUTDOWN(4),
        CRASHED(6),
        SUSPENDED(7);

        private final int code;

        Known(int code) {
            this.code = code;
        }

        /** The numeric code Nova sends. */
        public int code() {
            return code;
        }
    }

    private final int code;
    private final Known known;

    private PowerState(int code, Known known) {
        this.code = code;
        this.known = known;
    }

    /** The power state for a numeric code. */
    @JsonCreator
    public static PowerState of(int code) {
        for (Known k : Known.values()) {
            if (k.code == code) {
                return new PowerState(code, k);
            }
        }
        return new PowerState(code, null);
    }

    /** The numeric code as sent by Nova. */
    @JsonValue
    public int code() {
        return code;
    }

    /** The known state, or empty for an undocumented code. */
    public Optional<Known> known() {
        return Optional.ofNullable(known);
    }

    /** Whether this power state is {@code k}. */
    public boolean is(Known k) {
        return known == k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PowerState && ((PowerState) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return known != null ? known.name() : Integer.toString(code);
    }
}
