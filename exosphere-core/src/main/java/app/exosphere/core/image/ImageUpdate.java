package app.exosphere.core.image;

import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON-patch for {@code PATCH /v2/images/{id}} (media type {@code
 * application/openstack-images-v2.1-json-patch}).
 *
 * <pre>{@code
 * ImageUpdate u = ImageUpdate.builder().replace("name", "Fedora 17").add("os_distro", "fedora").remove("stale").build();
 * image.update(imageId, u).execute();
 * // or let the SDK pick add/replace from the image's current properties:
 * image.setProperties(image.get(imageId).execute(), Map.of("os_version", "40")).execute();
 * }</pre>
 */
public final class ImageUpdate {
    /** The media type Glance requires for image patches. */
    public static final String MEDIA_TYPE = "application/openstack-images-v2.1-json-patch";

    private final ArrayNode operations;

    private ImageUpdate(ArrayNode operations) {
        this.operations = operations;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets each property, with {@code replace} when {@code current} already has it (as a schema field
     * or free-form property) and {@code add} otherwise.
     */
    public static ImageUpdate setProperties(Image current, Map<String, String> properties) {
        Builder b = builder();
        JsonNode existing = ServiceJson.toTree(current);
        properties.forEach((k, v) -> {
            if (existing.has(k)) {
                b.replace(k, v);
            } else {
                b.add(k, v);
            }
        });
        return b.build();
    }

    /** The patch document. */
    public byte[] toBytes() {
        return operations.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The patch document as JSON. */
    public JsonNode toJson() {
        return operations.deepCopy();
    }

    /** The number of operations. */
    public int size() {
        return operations.size();
    }

    @Override
    public String toString() {
        List<String> ops = new ArrayList<>();
        operations.forEach(
                o -> ops.add(o.path("op").asText() + " " + o.path("path").asText()));
        return "ImageUpdate" + ops;
    }

    /** Builds an {@link ImageUpdate}; operations keep their order. */
    public static final class Builder {
        private final ArrayNode ops = ServiceJson.mapper().createArrayNode();

        private Builder() {}

        private Builder op(String op, String property, JsonNode value) {
            Objects.requireNonNull(property, "property");
            if (property.isEmpty() || property.contains("/")) {
                throw new IllegalArgumentException("an image property name must be non-empty and contain no '/'");
            }
            ObjectNode o = ops.addObject();
            o.put("op", op);
            o.put("path", "/" + property.replace("~", "~0"));
            if (value != null) {
                o.set("value", value);
            }
            return this;
        }

        /** {@code add}: a new property. */
        public Builder add(String property, String value) {
            return op("add", property, TextNode.valueOf(value));
        }

        /** {@code replace}: an existing property or schema field ({@code name}, {@code min_disk}...). */
        public Builder replace(String property, String value) {
            return op("replace", property, TextNode.valueOf(value));
        }

        /** {@code replace} of the tag list. */
        public Builder replaceTags(List<String> tags) {
            ArrayNode a = ServiceJson.mapper().createArrayNode();
            tags.forEach(a::add);
            return op("replace", "tags", a);
        }

        /** {@code replace} with any JSON value (numbers, booleans). */
        public Builder replace(String property, JsonNode value) {
            return op("replace", property, value);
        }

        /** {@code remove}: drops a property. */
        public Builder remove(String property) {
            return op("remove", property, null);
        }

        /** The update; at least one operation. */
        public ImageUpdate build() {
            if (ops.isEmpty()) {
                throw new IllegalArgumentException("an image update needs at least one operation");
            }
            return new ImageUpdate(ops.deepCopy());
        }
    }
}
