package app.exosphere.core.dns;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Designate zone ({@code GET /v2/zones}).
 *
 * <pre>{@code
 * java.util.List<Zone> zones = openStack.dns().zones().toList();
 * zones.forEach(z -> System.out.println(z.name() + " " + z.status()));
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableZone.class)
@JsonDeserialize(as = ImmutableZone.class)
public abstract class Zone {
    @JsonProperty("id")
    public abstract String id();

    /** The fully qualified name, ending in {@code .} ({@code example.org.}). */
    @JsonProperty("name")
    public abstract String name();

    /** {@code ACTIVE}, {@code PENDING} or {@code ERROR}. */
    @JsonProperty("status")
    public abstract Optional<String> status();

    /** {@code PRIMARY} or {@code SECONDARY}. */
    @JsonProperty("type")
    public abstract Optional<String> type();

    @JsonProperty("email")
    public abstract Optional<String> email();

    @JsonProperty("ttl")
    public abstract Optional<Integer> ttl();

    @JsonProperty("description")
    public abstract Optional<String> description();

    @JsonProperty("project_id")
    public abstract Optional<String> projectId();

    /** A builder, mostly for tests and simulators. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Zone}; start one with {@link Zone#builder()} or {@link Zone#toBuilder()}. */
    public static final class Builder extends ImmutableZone.Builder {
        Builder() {}
    }
}
