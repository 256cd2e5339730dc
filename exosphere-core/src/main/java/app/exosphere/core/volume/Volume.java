package app.exosphere.core.volume;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Cinder volume from {@code GET /volumes/{id}} or {@code /volumes/detail}.
 *
 * <pre>{@code
 * Volume v = volume.volumes().get(id).execute();
 * if (v.status().is(VolumeStatus.Known.AVAILABLE)) { compute.servers().volumeAttachments(serverId).attach(v.id(), "exoVolume::{\"name\":\"data\"}").execute(); }
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableVolume.class)
@JsonDeserialize(as = ImmutableVolume.class)
public abstract class Volume {
    @JsonProperty("id")
    public abstract String id();

    /**
     * The name as Cinder sent it: empty for an unnamed volume (Cinder's {@code null}), which is not the
     * same as a name of {@code ""} (the web app shows no mountpoint for the first, {@code /media/volume/}
     * for the second).
     */
    @JsonProperty("name")
    public abstract Optional<String> nameIfSet();

    /** The name, {@code ""} for an unnamed volume. */
    public String name() {
        return nameIfSet().orElse("");
    }

    @JsonProperty("status")
    public abstract VolumeStatus status();

    /** Size in GiB. */
    @JsonProperty("size")
    public abstract int sizeGb();

    @JsonProperty("description")
    public abstract Optional<String> description();

    @JsonProperty("volume_type")
    public abstract Optional<String> volumeType();

    @JsonProperty("availability_zone")
    public abstract Optional<String> availabilityZone();

    /** Cinder sends {@code "true"}/{@code "false"} strings; both decode. */
    @JsonProperty("bootable")
    @Value.Default
    public boolean bootable() {
        return false;
    }

    @JsonProperty("encrypted")
    @Value.Default
    public boolean encrypted() {
        return false;
    }

    @JsonProperty("multiattach")
    @Value.Default
    public boolean multiattach() {
        return false;
    }

    @JsonProperty("attachments")
    public abstract List<VolumeAttachmentInfo> attachments();

    @JsonProperty("metadata")
    @Value.Redacted // free-form: may hold credentials
    public abstract Map<String, String> metadata();

    /** {@code volume_image_metadata}: the image properties of a volume created from an image. */
    @JsonProperty("volume_image_metadata")
    @Value.Redacted // image properties copied onto the volume: free-form
    public abstract Map<String, String> imageMetadata();

    @JsonProperty("snapshot_id")
    public abstract Optional<String> snapshotId();

    @JsonProperty("source_volid")
    public abstract Optional<String> sourceVolumeId();

    @JsonProperty("user_id")
    public abstract Optional<String> userId();

    @JsonProperty("os-vol-tenant-attr:tenant_id")
    public abstract Optional<String> projectId();

    @JsonProperty("created_at")
    public abstract Optional<String> created();

    @JsonProperty("updated_at")
    public abstract Optional<String> updated();

    public Optional<java.time.Instant> createdAt() {
        return created().flatMap(app.exosphere.core.internal.json.Timestamps::parse);
    }

    /** The servers this volume is attached to. */
    public List<String> attachedServerIds() {
        return attachments().stream().map(VolumeAttachmentInfo::serverId).toList();
    }

    /** A builder, mostly for tests and simulators. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Volume}; start one with {@link Volume#builder()} or {@link Volume#toBuilder()}. */
    public static final class Builder extends ImmutableVolume.Builder {
        Builder() {}
    }
}
