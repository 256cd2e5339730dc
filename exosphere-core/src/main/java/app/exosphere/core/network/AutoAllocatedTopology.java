package app.exosphere.core.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The project's auto-allocated topology ({@code GET /v2.0/auto-allocated-topology/{project_id}}):
 * its {@code id} is the network to boot on. Neutron creates network, subnet and router on first call.
 *
 * <pre>{@code
 * String netId = network.autoAllocatedTopology(projectId).execute().id();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableAutoAllocatedTopology.class)
@JsonDeserialize(as = ImmutableAutoAllocatedTopology.class)
public abstract class AutoAllocatedTopology {
    /** The network id. */
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("tenant_id")
    public abstract Optional<String> projectId();

    /** A builder of {@link AutoAllocatedTopology}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link AutoAllocatedTopology}; start one with {@link AutoAllocatedTopology#builder()} or {@link AutoAllocatedTopology#toBuilder()}. */
    public static final class Builder extends ImmutableAutoAllocatedTopology.Builder {
        Builder() {}
    }
}
