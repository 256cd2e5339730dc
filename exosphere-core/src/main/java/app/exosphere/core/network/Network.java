package app.exosphere.core.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Neutron network.
 *
 * <pre>{@code
 * Network external = network.networks().list().stream().filter(Network::external).findFirst().orElseThrow();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableNetwork.class)
@JsonDeserialize(as = ImmutableNetwork.class)
public abstract class Network {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("name")
    @Value.Default
    public String name() {
        return "";
    }

    /** {@code ACTIVE}, {@code DOWN}, {@code BUILD} or {@code ERROR}, as sent. */
    @JsonProperty("status")
    @Value.Default
    public String status() {
        return "";
    }

    @JsonProperty("admin_state_up")
    @Value.Default
    public boolean adminStateUp() {
        return true;
    }

    /** {@code router:external}: a provider network floating IPs come from. */
    @JsonProperty("router:external")
    @Value.Default
    public boolean external() {
        return false;
    }

    @JsonProperty("shared")
    @Value.Default
    public boolean shared() {
        return false;
    }

    @JsonProperty("subnets")
    public abstract List<String> subnets();

    @JsonProperty("project_id")
    public abstract Optional<String> projectId();

    @JsonProperty("description")
    public abstract Optional<String> description();

    @JsonProperty("mtu")
    public abstract Optional<Integer> mtu();

    @JsonProperty("is_default")
    public abstract Optional<Boolean> isDefault();

    @JsonProperty("tags")
    @Value.Redacted // tags are free text: one may carry a passphrase (exoPw:)
    public abstract List<String> tags();

    /** A builder of {@link Network}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Network}; start one with {@link Network#builder()} or {@link Network#toBuilder()}. */
    public static final class Builder extends ImmutableNetwork.Builder {
        Builder() {}
    }
}
