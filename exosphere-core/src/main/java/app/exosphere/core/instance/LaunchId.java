package app.exosphere.core.instance;

import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.core.rules.ExosphereMetadata;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A unique id recorded on a server at creation, so that after an ambiguous failure of
 * {@code POST /servers} (timeout, dropped connection, 5xx) the SDK can find out whether the server exists
 * before it tries again — never creating two. Recorded as the server tag {@link #tag()} when the cloud
 * accepts tags at create (compute ≥ 2.52) and always as the metadata item
 * {@value ExosphereMetadata#LAUNCH_ID}.
 *
 * <pre>{@code
 * LaunchId id = LaunchId.random();
 * id.tag();          // "exoLaunch:3f0e8a521c2d4e5f9a8b7c6d5e4f3a2b"
 * LaunchId.of(id.value()).equals(id);   // true
 * }</pre>
 */
public final class LaunchId {

    /** Prefix of the launch-id server tag. */
    public static final String TAG_PREFIX = "exoLaunch:";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{8,48}");

    private final String value;
    private final boolean chosen;

    private LaunchId(String value, boolean chosen) {
        this.value = value;
        this.chosen = chosen;
    }

    /** A new random id (a UUID without dashes). */
    public static LaunchId random() {
        return new LaunchId(UUID.randomUUID().toString().replace("-", ""), false);
    }

    /**
     * An id chosen by the caller, e.g. a gateway's own request id, to make retries across process restarts
     * idempotent (the launch looks a chosen id up before its first create): 8–48 characters of {@code [A-Za-z0-9_-]} (Nova tags allow at most 60 characters and no
     * {@code /} or {@code ,}).
     */
    public static LaunchId of(String value) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidLaunchRequestException(
                    "A launch id must be 8 to 48 characters of letters, digits, '-' or '_', got: " + value);
        }
        return new LaunchId(value, true);
    }

    /** The id. */
    public String value() {
        return value;
    }

    /** The server tag that records it. */
    public String tag() {
        return TAG_PREFIX + value;
    }

    /** The id of instance {@code index} of a multi-instance launch (each instance has its own). */
    public LaunchId forInstance(int index, int count) {
        return count == 1 ? this : new LaunchId(value + "-" + index, chosen);
    }

    /**
     * Whether the caller chose this id ({@link #of(String)}): such an id may already have been used by an
     * earlier launch (a retry, a restart, another replica), so the launch looks it up before creating.
     */
    boolean chosenByCaller() {
        return chosen;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LaunchId && ((LaunchId) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
