package app.exosphere.examples.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for the CLI's {@code --json} output: objects keep insertion order, values are
 * strings, numbers, booleans, {@code null}, lists, maps or nested {@link Json} objects. Output is one
 * compact line.
 *
 * <pre>{@code
 * Json.object().put("url", "https://…").put("port", 8888).toString(); // {"url":"https://…","port":8888}
 * }</pre>
 */
public final class Json {
    private final Map<String, Object> members = new LinkedHashMap<>();

    private Json() {}

    /** An empty object to fill with {@link #put(String, Object)}. */
    public static Json object() {
        return new Json();
    }

    /** Adds (or replaces) a member; returns this object. */
    public Json put(String key, Object value) {
        members.put(key, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        write(this, s);
        return s.toString();
    }

    private static void write(Object value, StringBuilder s) {
        if (value == null) {
            s.append("null");
        } else if (value instanceof Json json) {
            write(json.members, s);
        } else if (value instanceof Map<?, ?> map) {
            s.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                writeString(String.valueOf(e.getKey()), s);
                s.append(':');
                write(e.getValue(), s);
                if (it.hasNext()) {
                    s.append(',');
                }
            }
            s.append('}');
        } else if (value instanceof Iterable<?> iterable) {
            List<Object> items = new ArrayList<>();
            iterable.forEach(items::add);
            s.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    s.append(',');
                }
                write(items.get(i), s);
            }
            s.append(']');
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            s.append(value);
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                s.append("null");
            } else {
                s.append(n);
            }
        } else {
            writeString(value.toString(), s);
        }
    }

    private static void writeString(String value, StringBuilder s) {
        s.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case '\b' -> s.append("\\b");
                case '\f' -> s.append("\\f");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
