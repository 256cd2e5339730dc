package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Nova flavor from {@code GET /flavors/detail} or {@code GET /flavors/{id}}.
 *
 * <pre>{@code
 * compute.flavors().listDetail().stream().filter(f -> f.vcpus() >= 4).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableFlavor.class)
@JsonDeserialize(as = ImmutableFlavor.class)
public abstract class Flavor {
    /** The flavor id. */
    @JsonProperty("id")
    public abstract String id();

    /** The flavor name. */
    @JsonProperty("name")
    @Value.Default
    public String name() {
        return "";
    }

    /** The description (2.55+). */
    @JsonProperty("description")
    public abstract Optional<String> description();

    /** vCPUs. */
    @JsonProperty("vcpus")
    public abstract int vcpus();

    /** RAM in MiB. */
    @JsonProperty("ram")
    public abstract int ramMb();

    /** Root disk in GiB (0: the image size; Exosphere then offers a volume-backed root). */
    @JsonProperty("disk")
    public abstract int diskGb();

    /** {@code OS-FLV-EXT-DATA:ephemeral} in GiB. */
    @JsonProperty("OS-FLV-EXT-DATA:ephemeral")
    @Value.Default
    public int ephemeralGb() {
        return 0;
    }

    /** Swap in MiB (Nova sent {@code ""} for none below 2.75). */
    @JsonProperty("swap")
    @Value.Default
    public int swapMb() {
        return 0;
    }

    /** {@code os-flavor-access:is_public}. */
    @JsonProperty("os-flavor-access:is_public")
    @Value.Default
    public boolean isPublic() {
        return true;
    }

    /** Extra specs (embedded from 2.61), e.g. {@code resources:VGPU}. */
    @JsonProperty("extra_specs")
    public abstract Map<String, String> extraSpecs();

    /** A builder of {@link Flavor}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Flavor}; start one with {@link Flavor#builder()} or {@link Flavor#toBuilder()}. */
    public static final class Builder extends ImmutableFlavor.Builder {
        Builder() {}
    }
}
