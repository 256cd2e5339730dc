package app.exosphere.core.quota;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Keystone project limit (an override of a registered limit), from {@code GET /v3/limits}.
 *
 * <pre>{@code
 * ProjectLimit.builder().id("l1").projectId(projectId).resourceName("class:VCPU").resourceLimit(6).build();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableProjectLimit.class)
@JsonDeserialize(as = ImmutableProjectLimit.class)
public abstract class ProjectLimit {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("project_id")
    public abstract Optional<String> projectId();

    @JsonProperty("region_id")
    public abstract Optional<String> regionId();

    @JsonProperty("resource_name")
    public abstract String resourceName();

    /** -1 means unlimited. */
    @JsonProperty("resource_limit")
    public abstract long resourceLimit();

    @JsonProperty("description")
    public abstract Optional<String> description();

    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ProjectLimit}; start one with {@link ProjectLimit#builder()} or {@link ProjectLimit#toBuilder()}. */
    public static final class Builder extends ImmutableProjectLimit.Builder {
        Builder() {}
    }
}
