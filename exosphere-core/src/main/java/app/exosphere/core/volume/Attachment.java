package app.exosphere.core.volume;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Cinder attachment record ({@code /attachments}, 3.27+).
 *
 * <pre>{@code
 * volume.attachments().list().stream().filter(a -> a.serverId().equals(Optional.of(serverId))).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableAttachment.class)
@JsonDeserialize(as = ImmutableAttachment.class)
public abstract class Attachment {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("volume_id")
    public abstract String volumeId();

    /** {@code instance}: the server id. */
    @JsonProperty("instance")
    public abstract Optional<String> serverId();

    @JsonProperty("status")
    @Value.Default
    public String status() {
        return "";
    }

    /** {@code rw} or {@code ro}. */
    @JsonProperty("attach_mode")
    public abstract Optional<String> attachMode();

    @JsonProperty("attached_at")
    public abstract Optional<String> attachedAt();

    @JsonProperty("detached_at")
    public abstract Optional<String> detachedAt();

    /** A builder of {@link Attachment}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Attachment}; start one with {@link Attachment#builder()} or {@link Attachment#toBuilder()}. */
    public static final class Builder extends ImmutableAttachment.Builder {
        Builder() {}
    }
}
