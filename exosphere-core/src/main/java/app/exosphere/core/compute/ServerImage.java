package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code image} of a server. Nova sends an object with an {@code id} for image-backed servers and
 * an empty string for servers booted from a volume; both decode here.
 *
 * <pre>{@code
 * boolean volumeBacked = server.image().id().isEmpty();
 * }</pre>
 */
public final class ServerImage {
    private static final ServerImage NONE = new ServerImage(null, Map.of());

    private final String id;
    private final Map<String, String> properties;

    private ServerImage(String id, Map<String, String> properties) {
        this.id = id;
        this.properties = properties;
    }

    /** No image (boot from volume). */
    public static ServerImage none() {
        return NONE;
    }

    /** An image reference by id. */
    public static ServerImage of(String id) {
        return new ServerImage(Objects.requireNonNull(id, "id"), Map.of());
    }

    @JsonCreator
    static ServerImage fromJson(JsonNode node) {
        if (node == null
                || !node.isObject()
                || !node.hasNonNull("id")
                || node.get("id").asText().isEmpty()) {
            return NONE;
        }
        Map<String, String> props = new LinkedHashMap<>();
        JsonNode p = node.get("properties");
        if (p != null && p.isObject()) {
            p.fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
        }
        return new ServerImage(node.get("id").asText(), Map.copyOf(props));
    }

    @JsonValue
    Object toJson() {
        return id == null ? "" : Map.of("id", id);
    }

    /** The image id; empty for volume-backed servers. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** Image properties copied into the server (2.100+), else empty. */
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerImage && Objects.equals(((ServerImage) o).id, id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return id == null ? "ServerImage{none}" : "ServerImage{" + id + "}";
    }
}
