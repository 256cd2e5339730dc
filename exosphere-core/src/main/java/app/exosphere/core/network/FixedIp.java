package app.exosphere.core.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A fixed IP of a port or a router gateway.
 *
 * <pre>{@code
 * network.ports().get(portId).execute().fixedIps().stream().map(FixedIp::ipAddress).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableFixedIp.class)
@JsonDeserialize(as = ImmutableFixedIp.class)
public abstract class FixedIp {
    @JsonProperty("ip_address")
    public abstract Optional<String> ipAddress();

    @JsonProperty("subnet_id")
    public abstract Optional<String> subnetId();

    /** A builder of {@link FixedIp}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link FixedIp}; start one with {@link FixedIp#builder()} or {@link FixedIp#toBuilder()}. */
    public static final class Builder extends ImmutableFixedIp.Builder {
        Builder() {}
    }
}
