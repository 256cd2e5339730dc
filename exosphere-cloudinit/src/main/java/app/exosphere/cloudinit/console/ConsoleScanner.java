package app.exosphere.cloudinit.console;

import app.exosphere.cloudinit.internal.ElmJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON objects an instance writes to its console (setup status, resource usage, workflow
 * token, Guacamole and workflow progress), exactly the way the Exosphere web app reads the Nova console
 * log (Exosphere's {@code ExoSetupStatus.parseConsoleLogExoSetupStatus}, {@code ServerResourceUsage.parseConsoleLog} and {@code Helpers.parseConsoleLogForWorkflowToken}).
 *
 * <p>The console text is split on {@code \n}; on each line everything before the first <code>{</code> is
 * dropped (kernel timestamp prefixes like {@code [   12.500001] }, {@code cloud-init[812]: } or other
 * noise); the rest is cut according to the {@link JsonLineMode} and decoded as strict JSON. Lines that do
 * not decode to a JSON object are skipped silently (garbage handling). The scanner never throws on
 * console content. Example:
 *
 * <pre>{@code
 * String log = compute.servers().consoleOutput(serverId, null).execute();
 * Optional<String> token = ConsoleScanner.lastString(log, "exoWorkflowToken");
 * List<ConsoleObject> status = ConsoleScanner.objects(log, JsonLineMode.LENIENT);
 * }</pre>
 */
public final class ConsoleScanner {

    private static final Pattern KERNEL_TIMESTAMP = Pattern.compile("^\\[\\s*\\d+(?:\\.\\d+)?\\]\\s?");

    private ConsoleScanner() {}

    /**
     * Every line of the console text that carries a JSON object, in log order.
     *
     * @param consoleText the console output as returned by Nova ({@code os-getConsoleOutput}); {@code null}
     *     is treated as empty
     * @param mode how much of each line is decoded
     */
    public static List<ConsoleObject> objects(String consoleText, JsonLineMode mode) {
        Objects.requireNonNull(mode, "mode");
        List<ConsoleObject> found = new ArrayList<>();
        if (consoleText == null || consoleText.isEmpty()) {
            return List.copyOf(found);
        }
        // Exosphere's `ExoSetupStatus.parseConsoleLogExoSetupStatus`, `ServerResourceUsage.parseConsoleLog`,
        // `Helpers.parseConsoleLogForWorkflowToken`
        String[] lines = consoleText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int open = line.indexOf('{');
            if (open < 0) {
                continue;
            }
            String json;
            if (mode == JsonLineMode.LENIENT) {
                int close = line.lastIndexOf('}');
                if (close < open) {
                    continue;
                }
                json = line.substring(open, close + 1);
            } else {
                json = line.substring(open);
            }
            Optional<ObjectNode> object = ElmJson.parseObject(json);
            if (object.isPresent()) {
                found.add(new ConsoleObject(i + 1, line.substring(0, open), json, object.get()));
            }
        }
        return List.copyOf(found);
    }

    /**
     * The objects that {@code decoder} accepts, in log order: a convenience for typed messages.
     *
     * @param decoder returns the decoded message, or empty to skip the object
     */
    public static <T> List<T> decode(
            String consoleText, JsonLineMode mode, Function<ConsoleObject, Optional<T>> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        List<T> out = new ArrayList<>();
        for (ConsoleObject o : objects(consoleText, mode)) {
            decoder.apply(o).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * The value of the <b>last</b> line whose object has a string field named {@code field}, using
     * {@link JsonLineMode#STRICT} (how Exosphere finds {@code exoWorkflowToken}, {@code Helpers.parseConsoleLogForWorkflowToken}).
     */
    public static Optional<String> lastString(String consoleText, String field) {
        return lastString(consoleText, field, JsonLineMode.STRICT);
    }

    /** The value of the last line whose object has a string field named {@code field}. */
    public static Optional<String> lastString(String consoleText, String field, JsonLineMode mode) {
        Objects.requireNonNull(field, "field");
        List<String> values = decode(consoleText, mode, o -> o.string(field));
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /**
     * Removes a leading kernel timestamp such as {@code [   12.500001] } and a trailing {@code \r} from one
     * console line, for display. The JSON scanning methods do not need this: they cut at the first
     * <code>{</code>.
     */
    public static String stripKernelTimestamp(String line) {
        Objects.requireNonNull(line, "line");
        String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        Matcher m = KERNEL_TIMESTAMP.matcher(s);
        return m.find() ? s.substring(m.end()) : s;
    }
}
