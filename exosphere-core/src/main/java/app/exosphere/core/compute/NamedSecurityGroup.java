package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * A security group referenced by name, as in a server's {@code security_groups}.
 *
 * <pre>{@code
 * boolean hasExo = server.securityGroups().contains(NamedSecurityGroup.of("exosphere"));
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableNamedSecurityGroup.class)
@JsonDeserialize(as = ImmutableNamedSecurityGroup.class)
public abstract class NamedSecurityGroup {
    /** The group name. */
    @JsonProperty("name")
    @Value.Parameter
    public abstract String name();

    /** A reference by name. */
    public static NamedSecurityGroup of(String name) {
        return ImmutableNamedSecurityGroup.of(name);
    }

    /** A builder of {@link NamedSecurityGroup}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link NamedSecurityGroup}; start one with {@link NamedSecurityGroup#builder()} or {@link NamedSecurityGroup#toBuilder()}. */
    public static final class Builder extends ImmutableNamedSecurityGroup.Builder {
        Builder() {}
    }
}
