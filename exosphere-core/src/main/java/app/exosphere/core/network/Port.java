package app.exosphere.core.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Neutron port. A server's ports have {@code device_id} = server id.
 *
 * <pre>{@code
 * List<Port> mine = network.ports().list(PortListOptions.builder().deviceId(serverId).build()).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutablePort.class)
@JsonDeserialize(as = ImmutablePort.class)
public abstract class Port {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("name")
    @Value.Default
    public String name() {
        return "";
    }

    @JsonProperty("network_id")
    public abstract String networkId();

    @JsonProperty("device_id")
    @Value.Default
    public String deviceId() {
        return "";
    }

    @JsonProperty("device_owner")
    @Value.Default
    public String deviceOwner() {
        return "";
    }

    @JsonProperty("status")
    @Value.Default
    public String status() {
        return "";
    }

    @JsonProperty("mac_address")
    public abstract Optional<String> macAddress();

    @JsonProperty("fixed_ips")
    public abstract List<FixedIp> fixedIps();

    @JsonProperty("security_groups")
    public abstract List<String> securityGroups();

    @JsonProperty("admin_state_up")
    @Value.Default
    public boolean adminStateUp() {
        return true;
    }

    @JsonProperty("project_id")
    public abstract Optional<String> projectId();

    /** A builder of {@link Port}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Port}; start one with {@link Port#builder()} or {@link Port#toBuilder()}. */
    public static final class Builder extends ImmutablePort.Builder {
        Builder() {}
    }
}
