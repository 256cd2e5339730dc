package app.exosphere.core.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A router's {@code external_gateway_info}.
 *
 * <pre>{@code
 * network.routers().get(routerId).execute().externalGateway().map(ExternalGateway::networkId);
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableExternalGateway.class)
@JsonDeserialize(as = ImmutableExternalGateway.class)
public abstract class ExternalGateway {
    @JsonProperty("network_id")
    public abstract String networkId();

    @JsonProperty("enable_snat")
    public abstract Optional<Boolean> enableSnat();

    @JsonProperty("external_fixed_ips")
    public abstract List<FixedIp> externalFixedIps();

    /** A builder of {@link ExternalGateway}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ExternalGateway}; start one with {@link ExternalGateway#builder()} or {@link ExternalGateway#toBuilder()}. */
    public static final class Builder extends ImmutableExternalGateway.Builder {
        Builder() {}
    }
}
