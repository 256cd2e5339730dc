package app.exosphere.core.config;

import app.exosphere.core.error.ConfigurationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A position in a parsed configuration literal, with decoders that follow the Elm decoders'
 * required / optional / lenient rules (Exosphere's {@code Flags.flagsDecoder} and {@code State.Init.cloudSpecificConfigDecoder}) and fail with the file, line and
 * dotted key path.
 */
final class ConfigNode {
    private final JsLiteral source;
    private final JsonNode node;
    private final List<Object> path;

    ConfigNode(JsLiteral source, JsonNode node, List<Object> path) {
        this.source = source;
        this.node = node;
        this.path = Collections.unmodifiableList(path);
    }

    static ConfigNode root(JsLiteral source) {
        return new ConfigNode(source, source.tree(), List.of());
    }

    JsonNode node() {
        return node;
    }

    boolean has(String key) {
        return node.has(key);
    }

    ConfigNode child(String key) {
        List<Object> p = new ArrayList<>(path);
        p.add(key);
        return new ConfigNode(source, node.get(key), p);
    }

    private ConfigNode at(int index) {
        List<Object> p = new ArrayList<>(path);
        p.add(index);
        return new ConfigNode(source, node.get(index), p);
    }

    String dotted() {
        StringBuilder sb = new StringBuilder();
        for (Object o : path) {
            if (o instanceof Integer) {
                sb.append('[').append(o).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(o);
            }
        }
        return sb.toString();
    }

    ConfigurationException error(String problem) {
        return error(problem, null);
    }

    /** An error at this node, keeping the validation error that caused it. */
    ConfigurationException error(String problem, Throwable cause) {
        return new ConfigurationException(source.file(), source.lineOf(path), dotted(), problem, cause);
    }

    private boolean absent() {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** A string that must be present. */
    String requiredString(String key) {
        ConfigNode c = child(key);
        if (c.absent() || !c.node.isTextual()) {
            throw c.error(c.absent() ? "is required (a string)" : "must be a string");
        }
        return c.node.asText();
    }

    /** Missing or null → null; present with another type → error (json-decode-pipeline optional). */
    String optionalString(String key) {
        ConfigNode c = child(key);
        if (c.absent()) {
            return null;
        }
        if (!c.node.isTextual()) {
            throw c.error("must be a string or null");
        }
        return c.node.asText();
    }

    /** Any non-string → null (Elm {@code maybe string}). */
    String lenientString(String key) {
        JsonNode v = node.get(key);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    boolean requiredBoolean(String key) {
        ConfigNode c = child(key);
        if (c.absent() || !c.node.isBoolean()) {
            throw c.error("must be true or false");
        }
        return c.node.asBoolean();
    }

    Boolean optionalBoolean(String key) {
        ConfigNode c = child(key);
        if (c.absent()) {
            return null;
        }
        if (!c.node.isBoolean()) {
            throw c.error("must be true, false or null");
        }
        return c.node.asBoolean();
    }

    /** An integer (mathematically integral number) or null. */
    Integer optionalInt(String key) {
        ConfigNode c = child(key);
        if (c.absent()) {
            return null;
        }
        if (!c.node.isNumber() || c.node.asDouble() != Math.rint(c.node.asDouble())) {
            throw c.error("must be an integer or null");
        }
        return c.node.asInt();
    }

    /** Missing or null → null; otherwise every element decoded. */
    <T> List<T> optionalList(String key, Function<ConfigNode, T> element) {
        ConfigNode c = child(key);
        if (c.absent()) {
            return null;
        }
        return c.list(element);
    }

    /** Must be an array. */
    <T> List<T> requiredList(String key, Function<ConfigNode, T> element) {
        ConfigNode c = child(key);
        if (c.absent()) {
            throw c.error("is required (an array)");
        }
        return c.list(element);
    }

    <T> List<T> list(Function<ConfigNode, T> element) {
        if (!node.isArray()) {
            throw error("must be an array");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(element.apply(at(i)));
        }
        return out;
    }

    /** An object or null. */
    ConfigNode optionalObject(String key) {
        ConfigNode c = child(key);
        if (c.absent()) {
            return null;
        }
        if (!c.node.isObject()) {
            throw c.error("must be an object or null");
        }
        return c;
    }

    /** Must be an object. */
    ConfigNode requiredObject(String key) {
        ConfigNode c = optionalObject(key);
        if (c == null) {
            throw child(key).error("is required (an object)");
        }
        return c;
    }

    /** Members of this object in order. */
    <T> Map<String, T> members(Function<ConfigNode, T> value) {
        if (!node.isObject()) {
            throw error("must be an object");
        }
        Map<String, T> out = new LinkedHashMap<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            out.put(n, value.apply(child(n)));
        }
        return out;
    }

    /** This node as a string element. */
    String asString() {
        if (absent() || !node.isTextual()) {
            throw error("must be a string");
        }
        return node.asText();
    }
}
