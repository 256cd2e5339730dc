package app.exosphere.core.volume;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An entry of a volume's {@code attachments}.
 *
 * <pre>{@code
 * volume.volumes().get(volumeId).execute().attachments().stream().map(VolumeAttachmentInfo::device).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableVolumeAttachmentInfo.class)
@JsonDeserialize(as = ImmutableVolumeAttachmentInfo.class)
public abstract class VolumeAttachmentInfo {
    @JsonProperty("server_id")
    public abstract String serverId();

    @JsonProperty("attachment_id")
    public abstract Optional<String> attachmentId();

    /** e.g. {@code /dev/vdb}; Exosphere derives the mount point from it ({@code GetterSetters.volDeviceToMountpoint}). */
    @JsonProperty("device")
    public abstract Optional<String> device();

    @JsonProperty("host_name")
    public abstract Optional<String> hostName();

    @JsonProperty("attached_at")
    public abstract Optional<String> attachedAt();

    @JsonProperty("volume_id")
    public abstract Optional<String> volumeId();

    /** A builder of {@link VolumeAttachmentInfo}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link VolumeAttachmentInfo}; start one with {@link VolumeAttachmentInfo#builder()} or {@link VolumeAttachmentInfo#toBuilder()}. */
    public static final class Builder extends ImmutableVolumeAttachmentInfo.Builder {
        Builder() {}
    }
}
