package app.exosphere.core.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code port_details} of a floating IP: which device (server) the associated port belongs to.
 *
 * <pre>{@code
 * network.floatingIps().get(id).execute().portDetails().flatMap(FloatingIpPortDetails::deviceId).filter(serverId::equals).isPresent();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableFloatingIpPortDetails.class)
@JsonDeserialize(as = ImmutableFloatingIpPortDetails.class)
public abstract class FloatingIpPortDetails {
    @JsonProperty("device_id")
    public abstract Optional<String> deviceId();

    @JsonProperty("device_owner")
    public abstract Optional<String> deviceOwner();

    @JsonProperty("network_id")
    public abstract Optional<String> networkId();

    @JsonProperty("mac_address")
    public abstract Optional<String> macAddress();

    @JsonProperty("status")
    public abstract Optional<String> status();

    /** A builder of {@link FloatingIpPortDetails}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link FloatingIpPortDetails}; start one with {@link FloatingIpPortDetails#builder()} or {@link FloatingIpPortDetails#toBuilder()}. */
    public static final class Builder extends ImmutableFloatingIpPortDetails.Builder {
        Builder() {}
    }
}
