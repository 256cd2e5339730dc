package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The asynchronous fault of a server in {@code ERROR}.
 *
 * <pre>{@code
 * server.fault().ifPresent(f -> log.warn("{}: {}", f.code(), f.message()));
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableServerFault.class)
@JsonDeserialize(as = ImmutableServerFault.class)
public abstract class ServerFault {
    /** The HTTP-like status code, e.g. 500. */
    @JsonProperty("code")
    @Value.Default
    public int code() {
        return 0;
    }

    /** The fault message. */
    @JsonProperty("message")
    @Value.Default
    public String message() {
        return "";
    }

    /** When the fault happened. */
    @JsonProperty("created")
    public abstract Optional<String> created();

    /** Details (admins only, usually). */
    @JsonProperty("details")
    public abstract Optional<String> details();

    /** A builder of {@link ServerFault}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ServerFault}; start one with {@link ServerFault#builder()} or {@link ServerFault#toBuilder()}. */
    public static final class Builder extends ImmutableServerFault.Builder {
        Builder() {}
    }
}
