package app.exosphere.cloudinit.console;

import app.exosphere.cloudinit.internal.ElmJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One JSON object found on a line of an instance's console log, with the line it came from.
 *
 * <p>Field accessors decode like Exosphere (Elm) does: {@link #integer} accepts any JSON number that is
 * mathematically an integer ({@code 1e3} yes, {@code 1.5} no); {@link #string} accepts only JSON strings.
 * Example:
 *
 * <pre>{@code
 * for (ConsoleObject o : ConsoleScanner.objects(consoleText, JsonLineMode.STRICT)) {
 *     o.string("exoWorkflowToken").ifPresent(System.out::println);
 * }
 * }</pre>
 *
 * @param lineNumber 1-based number of the console line (lines are split on {@code \n})
 * @param prefix the text before the first <code>{</code> on that line (for example a kernel timestamp
 *     {@code "[   12.500001] "}), possibly empty
 * @param json the JSON text that was decoded
 * @param object the decoded object; {@link #object()} returns a copy, so this record stays immutable
 */
public record ConsoleObject(int lineNumber, String prefix, String json, ObjectNode object) {

    /** Validates and defensively copies. */
    public ConsoleObject {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(json, "json");
        object = Objects.requireNonNull(object, "object").deepCopy();
    }

    /** A copy of the decoded object. */
    @Override
    public ObjectNode object() {
        return object.deepCopy();
    }

    /** Whether the object has the field (with any value, including {@code null}). */
    public boolean has(String field) {
        return object.has(field);
    }

    /** The field's value if it is a JSON string. */
    public Optional<String> string(String field) {
        return ElmJson.string(object.get(field));
    }

    /** The field's value if it is a JSON number that is mathematically an integer. */
    public OptionalLong integer(String field) {
        return ElmJson.integer(object.get(field));
    }

    /** The field's raw JSON value (a copy), if present. */
    public Optional<JsonNode> field(String field) {
        JsonNode node = object.get(field);
        return node == null ? Optional.empty() : Optional.of(node.deepCopy());
    }

    /** The field names of the object, in order. */
    public java.util.List<String> fieldNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return java.util.List.copyOf(names);
    }
}
