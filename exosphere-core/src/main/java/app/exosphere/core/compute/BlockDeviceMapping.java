package app.exosphere.core.compute;

import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of {@code block_device_mapping_v2} in a server create request.
 *
 * <pre>{@code
 * // Exosphere's volume-backed root disk (`Rest.Nova.requestCreateServer`)
 * BlockDeviceMapping root = BlockDeviceMapping.bootVolumeFromImage(imageId, 20, true);
 * }</pre>
 */
@Value.Immutable
public abstract class BlockDeviceMapping {
    /** {@code boot_index}: 0 for the boot disk, -1 or absent for others. */
    public abstract Optional<Integer> bootIndex();

    /** {@code uuid} of the source (image, volume or snapshot id). */
    public abstract Optional<String> uuid();

    /** {@code source_type}: {@code image}, {@code volume}, {@code snapshot} or {@code blank}. */
    public abstract String sourceType();

    /** {@code destination_type}: {@code volume} or {@code local}. */
    public abstract Optional<String> destinationType();

    /** {@code volume_size} in GiB. */
    public abstract Optional<Integer> volumeSizeGb();

    /** {@code delete_on_termination}. */
    public abstract Optional<Boolean> deleteOnTermination();

    /** {@code volume_type} (2.67+). */
    public abstract Optional<String> volumeType();

    /** Device {@code tag} (2.42+). */
    public abstract Optional<String> tag();

    /**
     * A boot volume created from an image, exactly as Exosphere sends it: {@code boot_index "0"},
     * {@code source_type image}, {@code destination_type volume}, size as a string.
     */
    public static BlockDeviceMapping bootVolumeFromImage(String imageId, int sizeGb, boolean deleteOnTermination) {
        return builder()
                .bootIndex(0)
                .uuid(imageId)
                .sourceType("image")
                .volumeSizeGb(sizeGb)
                .destinationType("volume")
                .deleteOnTermination(deleteOnTermination)
                .build();
    }

    /** Boots from an existing volume. */
    public static BlockDeviceMapping bootFromVolume(String volumeId, boolean deleteOnTermination) {
        return builder()
                .bootIndex(0)
                .uuid(volumeId)
                .sourceType("volume")
                .destinationType("volume")
                .deleteOnTermination(deleteOnTermination)
                .build();
    }

    /** A builder for any other mapping. */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    void check() {
        if (volumeSizeGb().isPresent() && volumeSizeGb().get() <= 0) {
            throw new IllegalArgumentException("volume size must be a positive number of GiB");
        }
    }

    /** Member order and string-typed numbers as Exosphere sends them ({@code Rest.Nova.requestCreateServer}). */
    ObjectNode toJson() {
        ObjectNode n = ServiceJson.object();
        bootIndex().ifPresent(i -> n.put("boot_index", Integer.toString(i)));
        uuid().ifPresent(u -> n.put("uuid", u));
        n.put("source_type", sourceType());
        volumeSizeGb().ifPresent(s -> n.put("volume_size", Integer.toString(s)));
        destinationType().ifPresent(d -> n.put("destination_type", d));
        deleteOnTermination().ifPresent(d -> n.put("delete_on_termination", d));
        volumeType().ifPresent(v -> n.put("volume_type", v));
        tag().ifPresent(t -> n.put("tag", t));
        return n;
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link BlockDeviceMapping}; start one with {@link BlockDeviceMapping#builder()} or {@link BlockDeviceMapping#toBuilder()}. */
    public static final class Builder extends ImmutableBlockDeviceMapping.Builder {
        Builder() {}
    }
}
