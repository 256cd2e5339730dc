package app.exosphere.core.volume;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Cinder volume-snapshot status. The web app's decoder ({@code OpenStack.VolumeSnapshots}) knows nine
 * statuses and fails the whole list on any other; the SDK keeps an unknown value verbatim in {@link
 * #raw()} instead, so one new status on the cloud does not hide every snapshot.
 *
 * <pre>{@code
 * Snapshot s = volume.snapshots().get(id).execute();
 * if (s.status().isTransitioning()) { System.out.println(s.status().display() + "..."); }
 * }</pre>
 */
public final class SnapshotStatus {
    /** The statuses the web app decodes ({@code OpenStack.VolumeSnapshots}). */
    public enum Known {
        AVAILABLE("Available"),
        BACKING_UP("Backing Up"),
        CREATING("Creating"),
        DELETED("Deleted"),
        DELETING("Deleting"),
        ERROR("Error"),
        ERROR_DELETING("Error Deleting"),
        RESTORING("Restoring"),
        UNMANAGING("Unmanaging");

        private final String display;

        Known(String display) {
            this.display = display;
        }

        /** The web app's label. */
        public String display() {
            return display;
        }
    }

    /** The statuses the web app shows with a trailing "..." and polls rapidly for. */
    private static final Set<Known> TRANSITIONING =
            EnumSet.of(Known.BACKING_UP, Known.CREATING, Known.DELETING, Known.RESTORING);

    private final String raw;
    private final Known known;

    private SnapshotStatus(String raw, Known known) {
        this.raw = raw;
        this.known = known;
    }

    /** Parses case-insensitively ({@code error_deleting} and {@code backing-up} both ways). */
    @JsonCreator
    public static SnapshotStatus of(String raw) {
        Objects.requireNonNull(raw, "raw");
        String u = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Known k : Known.values()) {
            if (k.name().equals(u)) {
                return new SnapshotStatus(raw, k);
            }
        }
        return new SnapshotStatus(raw, null);
    }

    /** The status for a known constant, in Cinder's spelling ({@code backing-up}, {@code error_deleting}). */
    public static SnapshotStatus of(Known k) {
        String raw = k == Known.BACKING_UP ? "backing-up" : k.name().toLowerCase(Locale.ROOT);
        return new SnapshotStatus(raw, k);
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

    /** Backing up, creating, deleting or restoring (Exosphere's {@code VolumeSnapshots.isTransitioning}). */
    public boolean isTransitioning() {
        return known != null && TRANSITIONING.contains(known);
    }

    /** Whether the web app offers the delete button: every status but deleted and deleting. */
    public boolean isDeletable() {
        return known != Known.DELETED && known != Known.DELETING;
    }

    /** The web app's label, or the raw value for a status it does not know. */
    public String display() {
        return known == null ? raw : known.display();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapshotStatus s && s.raw.equalsIgnoreCase(raw);
    }

    @Override
    public int hashCode() {
        return raw.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return raw;
    }
}
