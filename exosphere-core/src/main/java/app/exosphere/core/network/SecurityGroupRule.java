package app.exosphere.core.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A security group rule. Exosphere compares rules by impact and description ({@code SecurityGroupRule.matchRuleAndDescription}).
 *
 * <pre>{@code
 * network.securityGroups().get(id).execute().rules().stream().filter(r -> "ingress".equals(r.direction())).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableSecurityGroupRule.class)
@JsonDeserialize(as = ImmutableSecurityGroupRule.class)
public abstract class SecurityGroupRule {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("security_group_id")
    public abstract String securityGroupId();

    /** {@code ingress} or {@code egress}. */
    @JsonProperty("direction")
    public abstract String direction();

    /** {@code IPv4} or {@code IPv6}. */
    @JsonProperty("ethertype")
    public abstract String ethertype();

    /** Protocol name ({@code tcp}, {@code icmp}...) or number; empty for any. */
    @JsonProperty("protocol")
    public abstract Optional<String> protocol();

    @JsonProperty("port_range_min")
    public abstract Optional<Integer> portRangeMin();

    @JsonProperty("port_range_max")
    public abstract Optional<Integer> portRangeMax();

    @JsonProperty("remote_ip_prefix")
    public abstract Optional<String> remoteIpPrefix();

    @JsonProperty("remote_group_id")
    public abstract Optional<String> remoteGroupId();

    @JsonProperty("description")
    public abstract Optional<String> description();

    @JsonProperty("project_id")
    public abstract Optional<String> projectId();

    /** A builder of {@link SecurityGroupRule}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link SecurityGroupRule}; start one with {@link SecurityGroupRule#builder()} or {@link SecurityGroupRule#toBuilder()}. */
    public static final class Builder extends ImmutableSecurityGroupRule.Builder {
        Builder() {}
    }
}
