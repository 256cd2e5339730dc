package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An entry of a server's {@code os-extended-volumes:volumes_attached}.
 *
 * <pre>{@code
 * server.volumesAttached().stream().map(AttachedVolume::id).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableAttachedVolume.class)
@JsonDeserialize(as = ImmutableAttachedVolume.class)
public abstract class AttachedVolume {
    /** The volume id. */
    @JsonProperty("id")
    public abstract String id();

    /** Whether the volume is deleted with the server (2.3+). */
    @JsonProperty("delete_on_termination")
    public abstract Optional<Boolean> deleteOnTermination();

    /** A builder of {@link AttachedVolume}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link AttachedVolume}; start one with {@link AttachedVolume#builder()} or {@link AttachedVolume#toBuilder()}. */
    public static final class Builder extends ImmutableAttachedVolume.Builder {
        Builder() {}
    }
}
