package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * An entry of {@code GET /servers} (no details).
 *
 * <pre>{@code
 * compute.servers().listSummaries(ServerListOptions.none()).stream().map(ServerSummary::id).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableServerSummary.class)
@JsonDeserialize(as = ImmutableServerSummary.class)
public abstract class ServerSummary {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("name")
    @Value.Default
    public String name() {
        return "";
    }

    /** A builder of {@link ServerSummary}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ServerSummary}; start one with {@link ServerSummary#builder()} or {@link ServerSummary#toBuilder()}. */
    public static final class Builder extends ImmutableServerSummary.Builder {
        Builder() {}
    }
}
