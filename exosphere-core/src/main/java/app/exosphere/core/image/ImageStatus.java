package app.exosphere.core.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Glance image status; unknown values are kept verbatim in {@link #raw()}.
 *
 * <pre>{@code
 * boolean usable = image.get(imageId).execute().status().is(ImageStatus.Known.ACTIVE);
 * }</pre>
 */
public final class ImageStatus {
    /** The statuses Glance documents. */
    public enum Known {
        QUEUED,
        SAVING,
        UPLOADING,
        IMPORTING,
        ACTIVE,
        DEACTIVATED,
        KILLED,
        DELETED,
        PENDING_DELETE
    }

    private final String raw;
    private final Known known;

    private ImageStatus(String raw, Known known) {
        this.raw = raw;
        this.known = known;
    }

    /** Parses case-insensitively. */
    @JsonCreator
    public static ImageStatus of(String raw) {
        Objects.requireNonNull(raw, "raw");
        String u = raw.trim().toUpperCase(Locale.ROOT);
        for (Known k : Known.values()) {
            if (k.name().equals(u)) {
                return new ImageStatus(raw, k);
            }
        }
        return new ImageStatus(raw, null);
    }

    /** The status for a known constant, in Glance's lower-case spelling. */
    public static ImageStatus of(Known k) {
        return new ImageStatus(k.name().toLowerCase(Locale.ROOT), k);
    }

    /** As sent by Glance. */
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
        return o instanceof ImageStatus && ((ImageStatus) o).raw.equalsIgnoreCase(raw);
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
