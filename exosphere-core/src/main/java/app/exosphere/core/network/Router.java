package app.exosphere.core.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Neutron router.
 *
 * <pre>{@code
 * Router r = network.routers().create("my-router", externalNetId).execute();
 * network.routers().addInterfaceSubnet(r.id(), subnetId).execute();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableRouter.class)
@JsonDeserialize(as = ImmutableRouter.class)
public abstract class Router {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("name")
    @Value.Default
    public String name() {
        return "";
    }

    @JsonProperty("status")
    @Value.Default
    public String status() {
        return "";
    }

    @JsonProperty("admin_state_up")
    @Value.Default
    public boolean adminStateUp() {
        return true;
    }

    @JsonProperty("external_gateway_info")
    public abstract Optional<ExternalGateway> externalGateway();

    @JsonProperty("project_id")
    public abstract Optional<String> projectId();

    @JsonProperty("description")
    public abstract Optional<String> description();

    /** A builder of {@link Router}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Router}; start one with {@link Router#builder()} or {@link Router#toBuilder()}. */
    public static final class Builder extends ImmutableRouter.Builder {
        Builder() {}
    }
}
