package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code flavor} of a server: below microversion 2.47 just an {@code id}; from 2.47 an embedded
 * copy with {@code original_name}, sizes and extra specs, but no id.
 *
 * <pre>{@code
 * String flavorId = server.flavor().flatMap(ServerFlavor::id).orElseThrow();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableServerFlavor.class)
@JsonDeserialize(as = ImmutableServerFlavor.class)
public abstract class ServerFlavor {
    /** The flavor id (below 2.47). */
    @JsonProperty("id")
    public abstract Optional<String> id();

    /** The flavor name at boot time (2.47+). */
    @JsonProperty("original_name")
    public abstract Optional<String> originalName();

    /** vCPUs (2.47+). */
    @JsonProperty("vcpus")
    public abstract Optional<Integer> vcpus();

    /** RAM in MiB (2.47+). */
    @JsonProperty("ram")
    public abstract Optional<Integer> ramMb();

    /** Root disk in GiB (2.47+). */
    @JsonProperty("disk")
    public abstract Optional<Integer> diskGb();

    /** Ephemeral disk in GiB (2.47+). */
    @JsonProperty("ephemeral")
    public abstract Optional<Integer> ephemeralGb();

    /** Swap in MiB (2.47+). */
    @JsonProperty("swap")
    public abstract Optional<Integer> swapMb();

    /** Extra specs (2.47+). */
    @JsonProperty("extra_specs")
    public abstract Map<String, String> extraSpecs();

    /** A builder of {@link ServerFlavor}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ServerFlavor}; start one with {@link ServerFlavor#builder()} or {@link ServerFlavor#toBuilder()}. */
    public static final class Builder extends ImmutableServerFlavor.Builder {
        Builder() {}
    }
}
