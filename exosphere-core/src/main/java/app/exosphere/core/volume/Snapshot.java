package app.exosphere.core.volume;

import app.exosphere.core.internal.json.Timestamps;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Cinder volume snapshot ({@code GET /snapshots}, {@code /snapshots/detail} or {@code /snapshots/{id}}),
 * with the fields the web app decodes ({@code OpenStack.VolumeSnapshots}).
 *
 * <pre>{@code
 * java.util.List<Snapshot> mine = volume.snapshots().list().stream().filter(s -> s.belongsTo(volumeId)).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableSnapshot.class)
@JsonDeserialize(as = ImmutableSnapshot.class)
public abstract class Snapshot {
    @JsonProperty("id")
    public abstract String id();

    /** The name; empty when Cinder sent none or null. */
    @JsonProperty("name")
    public abstract Optional<String> name();

    /** The description; empty when null. */
    @JsonProperty("description")
    public abstract Optional<String> description();

    @JsonProperty("volume_id")
    public abstract String volumeId();

    /** Size in GiB. */
    @JsonProperty("size")
    public abstract int sizeGb();

    @JsonProperty("status")
    public abstract SnapshotStatus status();

    /** As sent (ISO-8601; zone-less means UTC). */
    @JsonProperty("created_at")
    public abstract Optional<String> created();

    /** Free-form metadata (may hold credentials: never printed). */
    @JsonProperty("metadata")
    @Value.Redacted
    public abstract Map<String, String> metadata();

    /** {@code created_at} as an instant. */
    public Optional<Instant> createdAt() {
        return created().flatMap(Timestamps::parse);
    }

    /** Whether this is a snapshot of that volume ({@code volume_id} equals it). */
    public boolean belongsTo(String volumeId) {
        return volumeId().equals(volumeId);
    }

    /** A builder, mostly for tests and simulators. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Snapshot}; start one with {@link Snapshot#builder()} or {@link Snapshot#toBuilder()}. */
    public static final class Builder extends ImmutableSnapshot.Builder {
        Builder() {}
    }
}
