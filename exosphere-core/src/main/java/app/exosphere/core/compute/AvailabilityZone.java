package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/**
 * An availability zone from {@code GET /os-availability-zone}.
 *
 * <pre>{@code
 * compute.availabilityZones().execute().stream().filter(AvailabilityZone::available).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableAvailabilityZone.class)
@JsonDeserialize(as = ImmutableAvailabilityZone.class)
public abstract class AvailabilityZone {
    /** {@code zoneName}. */
    @JsonProperty("zoneName")
    public abstract String name();

    /** {@code zoneState}. */
    @JsonProperty("zoneState")
    public abstract Map<String, Boolean> zoneState();

    /** Whether {@code zoneState.available} is true. */
    public boolean available() {
        return zoneState().getOrDefault("available", false);
    }

    /** A builder of {@link AvailabilityZone}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link AvailabilityZone}; start one with {@link AvailabilityZone#builder()} or {@link AvailabilityZone#toBuilder()}. */
    public static final class Builder extends ImmutableAvailabilityZone.Builder {
        Builder() {}
    }
}
