package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A security group as listed by {@code GET /servers/{id}/os-security-groups}.
 *
 * <pre>{@code
 * compute.servers().securityGroups(id).execute().stream().map(ServerSecurityGroup::name).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableServerSecurityGroup.class)
@JsonDeserialize(as = ImmutableServerSecurityGroup.class)
public abstract class ServerSecurityGroup {
    /** The group id. */
    @JsonProperty("id")
    public abstract String id();

    /** The group name. */
    @JsonProperty("name")
    public abstract String name();

    /** The description. */
    @JsonProperty("description")
    public abstract Optional<String> description();

    /** {@code tenant_id}. */
    @JsonProperty("tenant_id")
    public abstract Optional<String> projectId();

    /** A builder of {@link ServerSecurityGroup}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ServerSecurityGroup}; start one with {@link ServerSecurityGroup#builder()} or {@link ServerSecurityGroup#toBuilder()}. */
    public static final class Builder extends ImmutableServerSecurityGroup.Builder {
        Builder() {}
    }
}
