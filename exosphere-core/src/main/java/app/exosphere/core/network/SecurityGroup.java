package app.exosphere.core.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A security group with its rules.
 *
 * <pre>{@code
 * Optional<SecurityGroup> exo = network.securityGroups().list().stream().filter(g -> g.name().equals("exosphere")).findFirst();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableSecurityGroup.class)
@JsonDeserialize(as = ImmutableSecurityGroup.class)
public abstract class SecurityGroup {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("name")
    public abstract String name();

    @JsonProperty("description")
    @Value.Default
    public String description() {
        return "";
    }

    @JsonProperty("security_group_rules")
    public abstract List<SecurityGroupRule> rules();

    @JsonProperty("project_id")
    public abstract Optional<String> projectId();

    /** Neutron tags, e.g. Exosphere's {@code exo:preset} and {@code exo:creatorUsername::<user>}. */
    @JsonProperty("tags")
    @Value.Redacted // tags are free text: one may carry a passphrase (exoPw:)
    public abstract List<String> tags();

    @JsonProperty("stateful")
    public abstract Optional<Boolean> stateful();

    /** A builder of {@link SecurityGroup}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link SecurityGroup}; start one with {@link SecurityGroup#builder()} or {@link SecurityGroup#toBuilder()}. */
    public static final class Builder extends ImmutableSecurityGroup.Builder {
        Builder() {}
    }
}
