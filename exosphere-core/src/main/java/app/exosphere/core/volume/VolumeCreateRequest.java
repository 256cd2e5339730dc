package app.exosphere.core.volume;

import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code POST /volumes}.
 *
 * <pre>{@code
 * Volume v = volume.volumes().create(VolumeCreateRequest.builder().name("data").sizeGb(100).build()).execute();
 * }</pre>
 */
@Value.Immutable
public abstract class VolumeCreateRequest {
    /** Size in GiB. */
    public abstract int sizeGb();

    public abstract Optional<String> name();

    public abstract Optional<String> description();

    public abstract Optional<String> volumeType();

    public abstract Optional<String> availabilityZone();

    /** {@code imageRef}: create a bootable volume from an image. */
    public abstract Optional<String> imageRef();

    public abstract Optional<String> snapshotId();

    public abstract Optional<String> sourceVolumeId();

    @Value.Redacted // free-form: may hold credentials
    public abstract Map<String, String> metadata();

    public abstract Optional<Boolean> multiattach();

    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    void check() {
        if (sizeGb() <= 0) {
            throw new IllegalArgumentException("a volume needs a positive size in GiB");
        }
    }

    ObjectNode toJson() {
        ObjectNode v = ServiceJson.object();
        v.put("size", sizeGb());
        name().ifPresent(x -> v.put("name", x));
        description().ifPresent(x -> v.put("description", x));
        volumeType().ifPresent(x -> v.put("volume_type", x));
        availabilityZone().ifPresent(x -> v.put("availability_zone", x));
        multiattach().ifPresent(x -> v.put("multiattach", x));
        imageRef().ifPresent(x -> v.put("imageRef", x));
        snapshotId().ifPresent(x -> v.put("snapshot_id", x));
        sourceVolumeId().ifPresent(x -> v.put("source_volid", x));
        if (!metadata().isEmpty()) {
            ObjectNode m = v.putObject("metadata");
            metadata().forEach(m::put);
        }
        ObjectNode root = ServiceJson.object();
        root.set("volume", v);
        return root;
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link VolumeCreateRequest}; start one with {@link VolumeCreateRequest#builder()} or {@link VolumeCreateRequest#toBuilder()}. */
    public static final class Builder extends ImmutableVolumeCreateRequest.Builder {
        Builder() {}
    }
}
