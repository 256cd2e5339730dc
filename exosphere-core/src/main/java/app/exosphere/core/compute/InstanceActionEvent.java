package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An event of an {@link InstanceAction}.
 *
 * <pre>{@code
 * compute.servers().instanceActions(serverId).get(requestId).execute().events().stream().filter(e -> "Error".equals(e.result().orElse(""))).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableInstanceActionEvent.class)
@JsonDeserialize(as = ImmutableInstanceActionEvent.class)
public abstract class InstanceActionEvent {
    /** {@code event}, e.g. {@code compute_reboot_instance}. */
    @JsonProperty("event")
    public abstract String event();

    /** {@code start_time}. */
    @JsonProperty("start_time")
    public abstract Optional<String> startTime();

    /** {@code finish_time}. */
    @JsonProperty("finish_time")
    public abstract Optional<String> finishTime();

    /** {@code result}: {@code Success} or {@code Error}. */
    @JsonProperty("result")
    public abstract Optional<String> result();

    /** {@code details} (2.84+). */
    @JsonProperty("details")
    public abstract Optional<String> details();

    /** A builder of {@link InstanceActionEvent}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link InstanceActionEvent}; start one with {@link InstanceActionEvent#builder()} or {@link InstanceActionEvent#toBuilder()}. */
    public static final class Builder extends ImmutableInstanceActionEvent.Builder {
        Builder() {}
    }
}
