package app.exosphere.core.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer of {@code PUT /v2.0/routers/{id}/add_router_interface} (and remove).
 *
 * <pre>{@code
 * RouterInterface i = network.routers().addInterfaceSubnet(routerId, subnetId).execute();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableRouterInterface.class)
@JsonDeserialize(as = ImmutableRouterInterface.class)
public abstract class RouterInterface {
    @JsonProperty("id")
    public abstract String routerId();

    @JsonProperty("port_id")
    public abstract String portId();

    @JsonProperty("subnet_id")
    public abstract Optional<String> subnetId();

    @JsonProperty("subnet_ids")
    public abstract List<String> subnetIds();

    @JsonProperty("network_id")
    public abstract Optional<String> networkId();

    /** A builder of {@link RouterInterface}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link RouterInterface}; start one with {@link RouterInterface#builder()} or {@link RouterInterface#toBuilder()}. */
    public static final class Builder extends ImmutableRouterInterface.Builder {
        Builder() {}
    }
}
