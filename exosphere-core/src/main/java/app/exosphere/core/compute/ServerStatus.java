package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Nova server status as sent by the API. Statuses are parsed case-insensitively; a status this SDK
 * does not know is kept verbatim in {@link #raw()} instead of failing the whole server.
 *
 * <pre>{@code
 * if (server.status().is(ServerStatus.Known.ACTIVE)) { System.out.println("up"); }
 * switch (server.status().known().orElse(ServerStatus.Known.UNKNOWN)) { case ERROR -> log.warn("failed"); default -> { } }
 * }</pre>
 */
public final class ServerStatus {
    /** The statuses Nova documents (read by Exosphere's {@code View.Helpers.getServerUiStatus}). */
    public enum Known {
        ACTIVE,
        BUILD,
        DELETED,
        ERROR,
        HARD_REBOOT,
        MIGRATING,
        PASSWORD,
        PAUSED,
        REBOOT,
        REBUILD,
        RESCUE,
        RESIZE,
        REVERT_RESIZE,
        SHELVED,
        SHELVED_OFFLOADED,
        SHUTOFF,
        SOFT_DELETED,
        STOPPED,
        SUSPENDED,
        UNKNOWN,
        VERIFY_RESIZE
    }

    private final String raw;
    private final Known known;

    private ServerStatus(String raw, Known known) {
        this.raw = raw;
        this.known = known;
    }

    /** Parses a status string, case-insensitively (Exosphere's {@code View.Helpers.getServerUiStatus}). */
    @JsonCreator
    public static ServerStatus of(String raw) {
        Objects.requireNonNull(raw, "raw");
        String upper = raw.trim().toUpperCase(Locale.ROOT);
        for (Known k : Known.values()) {
            if (k.name().equals(upper)) {
                return new ServerStatus(raw, k);
            }
        }
        return new ServerStatus(raw, null);
    }

    /** The status for a known constant. */
    public static ServerStatus of(Known known) {
        return new ServerStatus(known.name(), known);
    }

    /** The string exactly as Nova sent it. */
    @JsonValue
    public String raw() {
        return raw;
    }

    /** The known status, or empty when Nova sent a status this SDK does not know. */
    public Optional<Known> known() {
        return Optional.ofNullable(known);
    }

    /** Whether this status is {@code k}. */
    public boolean is(Known k) {
        return known == k;
    }

    /** Whether this status is one of {@code ks}. */
    public boolean isAnyOf(Known... ks) {
        for (Known k : ks) {
            if (known == k) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ServerStatus)) {
            return false;
        }
        ServerStatus other = (ServerStatus) o;
        return known != null ? known == other.known : other.known == null && raw.equalsIgnoreCase(other.raw);
    }

    @Override
    public int hashCode() {
        return known != null ? known.hashCode() : raw.toUpperCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return known != null ? known.name() : raw;
    }
}
