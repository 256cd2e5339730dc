package app.exosphere.core.network;

import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code POST /v2.0/floatingips}: on an external network, with or without a port.
 *
 * <pre>{@code
 * // Exosphere's `Helpers.getNewFloatingIpOption`: a server's floating IP
 * FloatingIpCreateRequest.builder().floatingNetworkId(externalNetId).portId(portId).build();
 * // a project floating IP, optionally a chosen address
 * FloatingIpCreateRequest.onNetwork(externalNetId);
 * FloatingIpCreateRequest.builder().floatingNetworkId(externalNetId).floatingIpAddress("203.0.113.7").build();
 * }</pre>
 */
@Value.Immutable
public abstract class FloatingIpCreateRequest {
    @Value.Parameter
    public abstract String floatingNetworkId();

    public abstract Optional<String> portId();

    public abstract Optional<String> floatingIpAddress();

    public abstract Optional<String> fixedIpAddress();

    public abstract Optional<String> description();

    public abstract Optional<String> subnetId();

    public abstract Optional<String> dnsName();

    public abstract Optional<String> dnsDomain();

    /** A request for a floating IP from {@code externalNetworkId}. */
    public static FloatingIpCreateRequest onNetwork(String externalNetworkId) {
        return ImmutableFloatingIpCreateRequest.of(externalNetworkId);
    }

    /** Member order as Exosphere sends it ({@code Rest.Neutron.requestCreateFloatingIp}). */
    ObjectNode toJson() {
        ObjectNode f = ServiceJson.object();
        f.put("floating_network_id", floatingNetworkId());
        portId().ifPresent(v -> f.put("port_id", v));
        subnetId().ifPresent(v -> f.put("subnet_id", v));
        floatingIpAddress().ifPresent(v -> f.put("floating_ip_address", v));
        fixedIpAddress().ifPresent(v -> f.put("fixed_ip_address", v));
        description().ifPresent(v -> f.put("description", v));
        dnsDomain().ifPresent(v -> f.put("dns_domain", v));
        dnsName().ifPresent(v -> f.put("dns_name", v));
        ObjectNode root = ServiceJson.object();
        root.set("floatingip", f);
        return root;
    }

    /** A builder of {@link FloatingIpCreateRequest}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link FloatingIpCreateRequest}; start one with {@link FloatingIpCreateRequest#builder()} or {@link FloatingIpCreateRequest#toBuilder()}. */
    public static final class Builder extends ImmutableFloatingIpCreateRequest.Builder {
        Builder() {}
    }
}
