package app.exosphere.core.volume;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A volume type.
 *
 * <pre>{@code
 * volume.types().stream().map(VolumeType::name).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableVolumeType.class)
@JsonDeserialize(as = ImmutableVolumeType.class)
public abstract class VolumeType {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("name")
    public abstract String name();

    @JsonProperty("description")
    public abstract Optional<String> description();

    @JsonProperty("is_public")
    @Value.Default
    public boolean isPublic() {
        return true;
    }

    @JsonProperty("extra_specs")
    public abstract Map<String, String> extraSpecs();

    /** A builder of {@link VolumeType}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link VolumeType}; start one with {@link VolumeType#builder()} or {@link VolumeType#toBuilder()}. */
    public static final class Builder extends ImmutableVolumeType.Builder {
        Builder() {}
    }
}
