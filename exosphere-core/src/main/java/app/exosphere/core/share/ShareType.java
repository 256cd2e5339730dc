package app.exosphere.core.share;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Manila share type from {@code GET /types} (Exosphere's {@code OpenStack.Shares.requestShareTypes}).
 *
 * <pre>{@code
 * boolean cephfs = openStack.share().types().all().execute().stream().anyMatch(t -> t.name().equals("cephfsnativetype"));
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableShareType.class)
@JsonDeserialize(as = ImmutableShareType.class)
public abstract class ShareType {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("name")
    public abstract String name();

    @JsonProperty("description")
    public abstract Optional<String> description();

    @JsonProperty("is_default")
    @Value.Default
    public boolean isDefault() {
        return false;
    }

    @JsonProperty("extra_specs")
    public abstract Map<String, String> extraSpecs();

    /** The {@code driver_handles_share_servers} extra spec, when set. */
    public Optional<Boolean> driverHandlesShareServers() {
        return Optional.ofNullable(extraSpecs().get("driver_handles_share_servers"))
                .map(Boolean::parseBoolean);
    }

    /** A builder of {@link ShareType}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ShareType}; start one with {@link ShareType#builder()} or {@link ShareType#toBuilder()}. */
    public static final class Builder extends ImmutableShareType.Builder {
        Builder() {}
    }
}
