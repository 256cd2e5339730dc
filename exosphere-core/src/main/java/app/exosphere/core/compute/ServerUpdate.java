package app.exosphere.core.compute;

import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code PUT /servers/{id}}.
 *
 * <pre>{@code
 * compute.servers().update(id, ServerUpdate.builder().name("renamed").build());
 * }</pre>
 */
@Value.Immutable
public abstract class ServerUpdate {
    public abstract Optional<String> name();

    /** Needs 2.19. */
    public abstract Optional<String> description();

    /** Needs 2.90 (Exosphere sends it on rename, {@code Rest.Nova.requestSetServerName}). */
    public abstract Optional<String> hostname();

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    void check() {
        if (name().isEmpty() && description().isEmpty() && hostname().isEmpty()) {
            throw new IllegalArgumentException("a server update needs a name, description or hostname");
        }
    }

    Optional<String> requiredMicroversion() {
        if (hostname().isPresent()) {
            return Optional.of("2.90");
        }
        return description().isPresent() ? Optional.of("2.19") : Optional.empty();
    }

    ObjectNode toJson() {
        ObjectNode s = ServiceJson.object();
        name().ifPresent(v -> s.put("name", v));
        description().ifPresent(v -> s.put("description", v));
        hostname().ifPresent(v -> s.put("hostname", v));
        ObjectNode root = ServiceJson.object();
        root.set("server", s);
        return root;
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ServerUpdate}; start one with {@link ServerUpdate#builder()} or {@link ServerUpdate#toBuilder()}. */
    public static final class Builder extends ImmutableServerUpdate.Builder {
        Builder() {}
    }
}
