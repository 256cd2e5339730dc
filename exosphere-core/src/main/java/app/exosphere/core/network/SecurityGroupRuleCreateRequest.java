package app.exosphere.core.network;

import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code POST /v2.0/security-group-rules}, serialized as Exosphere sends it: protocol
 * lower-cased, port numbers as strings, optional members only when set (Exosphere's {@code SecurityGroupRule.encode}).
 *
 * <pre>{@code
 * SecurityGroupRuleCreateRequest ssh = SecurityGroupRuleCreateRequest.builder()
 *         .securityGroupId(id).ethertype("IPv4").direction("ingress")
 *         .protocol("tcp").portRangeMin(22).portRangeMax(22).description("SSH").build();
 * }</pre>
 */
@Value.Immutable
public abstract class SecurityGroupRuleCreateRequest {
    public abstract String securityGroupId();

    /** {@code IPv4} or {@code IPv6}. */
    public abstract String ethertype();

    /** {@code ingress} or {@code egress}. */
    public abstract String direction();

    /** e.g. {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}; absent = any. */
    public abstract Optional<String> protocol();

    public abstract Optional<Integer> portRangeMin();

    public abstract Optional<Integer> portRangeMax();

    public abstract Optional<String> remoteIpPrefix();

    public abstract Optional<String> remoteGroupId();

    public abstract Optional<String> description();

    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    void check() {
        if (!ethertype().equals("IPv4") && !ethertype().equals("IPv6")) {
            throw new IllegalArgumentException("ethertype must be IPv4 or IPv6, was " + ethertype());
        }
        if (!direction().equals("ingress") && !direction().equals("egress")) {
            throw new IllegalArgumentException("direction must be ingress or egress, was " + direction());
        }
        if (portRangeMin().isPresent()
                && portRangeMax().isPresent()
                && portRangeMin().get() > portRangeMax().get()) {
            throw new IllegalArgumentException("port_range_min must not exceed port_range_max");
        }
    }

    ObjectNode toJson() {
        ObjectNode r = ServiceJson.object();
        r.put("security_group_id", securityGroupId());
        r.put("ethertype", ethertype());
        r.put("direction", direction());
        protocol().ifPresent(p -> r.put("protocol", p.toLowerCase(Locale.ROOT)));
        // Exosphere's `SecurityGroupRule.encode`: port numbers are sent as strings
        portRangeMin().ifPresent(p -> r.put("port_range_min", Integer.toString(p)));
        portRangeMax().ifPresent(p -> r.put("port_range_max", Integer.toString(p)));
        remoteIpPrefix().ifPresent(p -> r.put("remote_ip_prefix", p));
        remoteGroupId().ifPresent(p -> r.put("remote_group_id", p));
        description().ifPresent(p -> r.put("description", p));
        ObjectNode root = ServiceJson.object();
        root.set("security_group_rule", r);
        return root;
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link SecurityGroupRuleCreateRequest}; start one with {@link SecurityGroupRuleCreateRequest#builder()} or {@link SecurityGroupRuleCreateRequest#toBuilder()}. */
    public static final class Builder extends ImmutableSecurityGroupRuleCreateRequest.Builder {
        Builder() {}
    }
}
