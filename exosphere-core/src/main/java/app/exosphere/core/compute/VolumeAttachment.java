package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A volume attachment as Nova sees it ({@code /servers/{id}/os-volume_attachments}).
 *
 * <pre>{@code
 * compute.servers().volumeAttachments(id).list().execute().stream().map(VolumeAttachment::device).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableVolumeAttachment.class)
@JsonDeserialize(as = ImmutableVolumeAttachment.class)
public abstract class VolumeAttachment {
    /** {@code volumeId}. */
    @JsonProperty("volumeId")
    public abstract String volumeId();

    /** {@code serverId}. */
    @JsonProperty("serverId")
    public abstract Optional<String> serverId();

    /** {@code device}, e.g. {@code /dev/sdb}; may be absent or null on some hypervisors. */
    @JsonProperty("device")
    public abstract Optional<String> device();

    /** The device {@code tag} (2.70+ in responses). Exosphere stores {@code exoVolume::{json}} here. */
    @JsonProperty("tag")
    public abstract Optional<String> tag();

    /** {@code delete_on_termination} (2.79+). */
    @JsonProperty("delete_on_termination")
    public abstract Optional<Boolean> deleteOnTermination();

    /** {@code attachment_id}: the Cinder attachment (2.89+). */
    @JsonProperty("attachment_id")
    public abstract Optional<String> attachmentId();

    /** {@code bdm_uuid} (2.89+). */
    @JsonProperty("bdm_uuid")
    public abstract Optional<String> bdmUuid();

    /** {@code id}: the attachment id before 2.89 (equal to the volume id). */
    @JsonProperty("id")
    public abstract Optional<String> id();

    /** A builder of {@link VolumeAttachment}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link VolumeAttachment}; start one with {@link VolumeAttachment#builder()} or {@link VolumeAttachment#toBuilder()}. */
    public static final class Builder extends ImmutableVolumeAttachment.Builder {
        Builder() {}
    }
}
