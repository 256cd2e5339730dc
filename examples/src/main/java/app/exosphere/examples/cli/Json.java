package app.exosphere.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object for the CLI's machine-readable output, written by Jackson: members keep insertion order;
 * values are strings, numbers, booleans, {@code null}, lists, maps, {@link Optional}s or nested
 * {@link Json} objects (anything else is written as its {@code toString()}, e.g. an {@code Instant} as
 * ISO-8601). Output is one compact line.
 *
 * <pre>{@code
 * Json.object().put("url", "https://…").put("port", 8888).toString(); // {"url":"https://…","port":8888}
 * }</pre>
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Object> members = new LinkedHashMap<>();

    private Json() {}

    /** An empty object to fill with {@link #put(String, Object)}. */
    public static Json object() {
        return new Json();
    }

    /**
     * A top-level document: an object whose first member is {@code version} ({@link
     * ExosphereCli#JSON_VERSION}), so that scripts can tell which shape they read.
     */
    public static Json document() {
        return new Json().put("version", ExosphereCli.JSON_VERSION);
    }

    /** Adds (or replaces) a member; returns this object. */
    public Json put(String key, Object value) {
        members.put(key, value);
        return this;
    }

    /** The members as plain Java values (maps, lists, strings, numbers, booleans, nulls). */
    Map<String, Object> toMap() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) plain(members);
        return m;
    }

    @Override
    public String toString() {
        return write(toMap());
    }

    /** One compact JSON line for any value {@link #plain(Object)} accepts. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Converts to the plain values Jackson writes without configuration. */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Json json) {
            return plain(json.members);
        }
        if (value instanceof Optional<?> o) {
            return plain(o.orElse(null));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> out = new ArrayList<>();
            iterable.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Number n) {
            if (value instanceof Double || value instanceof Float) {
                double d = n.doubleValue();
                return Double.isNaN(d) || Double.isInfinite(d) ? null : value;
            }
            return value;
        }
        return value.toString();
    }
}
