package app.exosphere.core.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A floating IP.
 *
 * <pre>{@code
 * FloatingIp fip = network.floatingIps().create(FloatingIpCreateRequest.builder().floatingNetworkId(externalNetId).portId(portId).build()).execute();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableFloatingIp.class)
@JsonDeserialize(as = ImmutableFloatingIp.class)
public abstract class FloatingIp {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("floating_ip_address")
    public abstract String floatingIpAddress();

    @JsonProperty("floating_network_id")
    public abstract String floatingNetworkId();

    /** The associated port, or empty when unassigned. */
    @JsonProperty("port_id")
    public abstract Optional<String> portId();

    @JsonProperty("fixed_ip_address")
    public abstract Optional<String> fixedIpAddress();

    @JsonProperty("router_id")
    public abstract Optional<String> routerId();

    @JsonProperty("status")
    @Value.Default
    public String status() {
        return "";
    }

    @JsonProperty("description")
    public abstract Optional<String> description();

    @JsonProperty("dns_name")
    public abstract Optional<String> dnsName();

    @JsonProperty("dns_domain")
    public abstract Optional<String> dnsDomain();

    @JsonProperty("project_id")
    public abstract Optional<String> projectId();

    /** {@code port_details} (fip-port-details extension): the associated port's device, i.e. server. */
    @JsonProperty("port_details")
    public abstract Optional<FloatingIpPortDetails> portDetails();

    /** Whether a port is associated. */
    public boolean isAssociated() {
        return portId().isPresent();
    }

    /** A builder of {@link FloatingIp}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link FloatingIp}; start one with {@link FloatingIp#builder()} or {@link FloatingIp#toBuilder()}. */
    public static final class Builder extends ImmutableFloatingIp.Builder {
        Builder() {}
    }
}
