package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A record from {@code GET /servers/{id}/os-instance-actions}.
 *
 * <pre>{@code
 * compute.servers().instanceActions(id).list().stream().map(InstanceAction::action).toList();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableInstanceAction.class)
@JsonDeserialize(as = ImmutableInstanceAction.class)
public abstract class InstanceAction {
    /** The action, e.g. {@code create}, {@code reboot}. */
    @JsonProperty("action")
    public abstract String action();

    /** {@code request_id}. */
    @JsonProperty("request_id")
    public abstract String requestId();

    /** {@code instance_uuid}. */
    @JsonProperty("instance_uuid")
    public abstract Optional<String> serverId();

    /** {@code user_id}. */
    @JsonProperty("user_id")
    public abstract Optional<String> userId();

    /** {@code project_id}. */
    @JsonProperty("project_id")
    public abstract Optional<String> projectId();

    /** {@code start_time}. */
    @JsonProperty("start_time")
    public abstract Optional<String> startTime();

    /** {@code updated_at} (2.58+). */
    @JsonProperty("updated_at")
    public abstract Optional<String> updatedAt();

    /** {@code message}, e.g. an error. */
    @JsonProperty("message")
    public abstract Optional<String> message();

    /** {@code events} (only in {@code GET .../os-instance-actions/{request_id}}). */
    @JsonProperty("events")
    public abstract List<InstanceActionEvent> events();

    /** {@link #startTime()} as an instant. */
    public Optional<java.time.Instant> startedAt() {
        return startTime().flatMap(app.exosphere.core.internal.json.Timestamps::parse);
    }

    /** A builder of {@link InstanceAction}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link InstanceAction}; start one with {@link InstanceAction#builder()} or {@link InstanceAction#toBuilder()}. */
    public static final class Builder extends ImmutableInstanceAction.Builder {
        Builder() {}
    }
}
