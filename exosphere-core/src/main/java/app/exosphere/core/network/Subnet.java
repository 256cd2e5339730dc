package app.exosphere.core.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Neutron subnet.
 *
 * <pre>{@code
 * network.subnets().list(Map.of("network_id", netId)).stream().map(Subnet::cidr).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableSubnet.class)
@JsonDeserialize(as = ImmutableSubnet.class)
public abstract class Subnet {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("name")
    @Value.Default
    public String name() {
        return "";
    }

    @JsonProperty("network_id")
    public abstract String networkId();

    @JsonProperty("cidr")
    public abstract String cidr();

    /** 4 or 6. */
    @JsonProperty("ip_version")
    public abstract int ipVersion();

    @JsonProperty("gateway_ip")
    public abstract Optional<String> gatewayIp();

    @JsonProperty("enable_dhcp")
    @Value.Default
    public boolean dhcpEnabled() {
        return true;
    }

    @JsonProperty("dns_nameservers")
    public abstract List<String> dnsNameservers();

    @JsonProperty("project_id")
    public abstract Optional<String> projectId();

    /** A builder of {@link Subnet}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Subnet}; start one with {@link Subnet#builder()} or {@link Subnet#toBuilder()}. */
    public static final class Builder extends ImmutableSubnet.Builder {
        Builder() {}
    }
}
