package app.exosphere.core.volume;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cinder volume status; unknown values are kept verbatim in {@link #raw()}.
 *
 * <pre>{@code
 * boolean attachable = volume.volumes().get(volumeId).execute().status().is(VolumeStatus.Known.AVAILABLE);
 * }</pre>
 */
public final class VolumeStatus {
    /** The statuses Cinder documents. */
    public enum Known {
        CREATING,
        AVAILABLE,
        RESERVED,
        ATTACHING,
        DETACHING,
        IN_USE,
        MAINTENANCE,
        DELETING,
        AWAITING_TRANSFER,
        ERROR,
        ERROR_DELETING,
        BACKING_UP,
        RESTORING_BACKUP,
        ERROR_BACKING_UP,
        ERROR_RESTORING,
        ERROR_EXTENDING,
        DOWNLOADING,
        UPLOADING,
        RETYPING,
        EXTENDING
    }

    private final String raw;
    private final Known known;

    private VolumeStatus(String raw, Known known) {
        this.raw = raw;
        this.known = known;
    }

    /** Parses case-insensitively. */
    @JsonCreator
    public static VolumeStatus of(String raw) {
        Objects.requireNonNull(raw, "raw");
        String u = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Known k : Known.values()) {
            if (k.name().equals(u)) {
                return new VolumeStatus(raw, k);
            }
        }
        return new VolumeStatus(raw, null);
    }

    /** The status for a known constant, in Cinder's lower-case spelling. */
    public static VolumeStatus of(Known k) {
        return new VolumeStatus(wire(k), k);
    }

    private static String wire(Known k) {
        switch (k) {
            case IN_USE:
                return "in-use";
            case AWAITING_TRANSFER:
                return "awaiting-transfer";
            case BACKING_UP:
                return "backing-up";
            case RESTORING_BACKUP:
                return "restoring-backup";
            case ERROR_BACKING_UP:
                return "error_backing-up";
            default:
                return k.name().toLowerCase(Locale.ROOT);
        }
    }

    /** As sent by Cinder. */
    @JsonValue
    public String raw() {
        return raw;
    }

    /** The known status, or empty. */
    public Optional<Known> known() {
        return Optional.ofNullable(known);
    }

    /** Whether this status is {@code k}. */
    public boolean is(Known k) {
        return known == k;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof VolumeStatus)) {
            return false;
        }
        VolumeStatus v = (VolumeStatus) o;
        return known != null ? known == v.known : v.known == null && v.raw.equalsIgnoreCase(raw);
    }

    @Override
    public int hashCode() {
        return known != null ? known.hashCode() : raw.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return raw;
    }
}
