package app.exosphere.core.quota;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Keystone registered (default) limit, from {@code GET /v3/registered_limits}.
 *
 * <pre>{@code
 * RegisteredLimit.builder().id("r1").resourceName("class:VCPU").defaultLimit(8).build();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableRegisteredLimit.class)
@JsonDeserialize(as = ImmutableRegisteredLimit.class)
public abstract class RegisteredLimit {
    @JsonProperty("id")
    public abstract String id();

    /** Null for a global limit. */
    @JsonProperty("region_id")
    public abstract Optional<String> regionId();

    /** e.g. {@code class:VCPU} or {@code servers}. */
    @JsonProperty("resource_name")
    public abstract String resourceName();

    /** -1 means unlimited. */
    @JsonProperty("default_limit")
    public abstract long defaultLimit();

    @JsonProperty("description")
    public abstract Optional<String> description();

    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link RegisteredLimit}; start one with {@link RegisteredLimit#builder()} or {@link RegisteredLimit#toBuilder()}. */
    public static final class Builder extends ImmutableRegisteredLimit.Builder {
        Builder() {}
    }
}
