package app.exosphere.core.volume;

import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code POST /snapshots}. The web app never creates snapshots (it shows the ones made with
 * other tools); the SDK does.
 *
 * <pre>{@code
 * Snapshot s = volume.snapshots().create(SnapshotCreateRequest.builder().volumeId(volumeId).name("nightly").build()).execute();
 * }</pre>
 */
@Value.Immutable
public abstract class SnapshotCreateRequest {
    /** The volume to snapshot. */
    public abstract String volumeId();

    public abstract Optional<String> name();

    public abstract Optional<String> description();

    /** Snapshot an attached ({@code in-use}) volume too; default false (Cinder then refuses with 400). */
    @Value.Default
    public boolean force() {
        return false;
    }

    @Value.Redacted // free-form: may hold credentials
    public abstract Map<String, String> metadata();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    void check() {
        if (volumeId().isBlank()) {
            throw new IllegalArgumentException("a snapshot needs the id of the volume to snapshot");
        }
    }

    ObjectNode toJson() {
        ObjectNode s = ServiceJson.object();
        s.put("volume_id", volumeId());
        name().ifPresent(x -> s.put("name", x));
        description().ifPresent(x -> s.put("description", x));
        if (force()) {
            s.put("force", true);
        }
        if (!metadata().isEmpty()) {
            ObjectNode m = s.putObject("metadata");
            metadata().forEach(m::put);
        }
        ObjectNode root = ServiceJson.object();
        root.set("snapshot", s);
        return root;
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link SnapshotCreateRequest}; start one with {@link SnapshotCreateRequest#builder()} or {@link SnapshotCreateRequest#toBuilder()}. */
    public static final class Builder extends ImmutableSnapshotCreateRequest.Builder {
        Builder() {}
    }
}
