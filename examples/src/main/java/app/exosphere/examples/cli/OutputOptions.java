package app.exosphere.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code openstack} CLI's output options: {@code -f table|json|value|yaml|csv} and {@code -c COLUMN}
 * (repeatable). {@code --json} is {@code -f json}. JSON and YAML documents carry {@code version} and the
 * result under one key ({@code server}, {@code servers}, {@code cloud}, ...), always an object or a list
 * of objects; {@code value} prints the values only, {@code csv} quoted values with a header row.
 *
 * <pre>{@code
 * exosphere list --cloud js2 -f csv -c id -c name
 * exosphere show --cloud js2 my-vm -f value -c status
 * }</pre>
 */
final class OutputOptions {
    /** The formats of {@code -f}. */
    enum Format {
        TABLE,
        JSON,
        VALUE,
        YAML,
        CSV
    }

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "Output format: table, json, value, yaml or csv (default: a short text).")
    String format;

    @Option(
            names = {"-c", "--column"},
            paramLabel = "COLUMN",
            description = "Print only this column (repeat for more).")
    List<String> columns = new ArrayList<>();

    /** The chosen format, or null for the command's own text. */
    Format format(CliCommand cmd) {
        if (format == null) {
            return cmd.json() ? Format.JSON : null;
        }
        try {
            return Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    cmd.spec().commandLine(), "unknown format '" + format + "'; use table, json, value, yaml or csv");
        }
    }

    /** Whether the command should print its own text (no {@code -f}, no {@code --json}). */
    boolean text(CliCommand cmd) {
        return format(cmd) == null;
    }

    /** Prints one record (field → value) in the chosen format; text falls back to an aligned list. */
    void printRecord(CliCommand cmd, String key, Map<String, Object> fields) {
        Map<String, Object> shown = select(cmd, fields);
        Format f = format(cmd);
        PrintWriter out = cmd.out();
        if (f == null) {
            int width = shown.keySet().stream().mapToInt(String::length).max().orElse(0);
            shown.forEach((k, v) -> out.println(String.format(Locale.ROOT, "%-" + width + "s  %s", k, cell(v))
                    .stripTrailing()));
            return;
        }
        switch (f) {
            case JSON -> out.println(Json.write(envelope(key, shown)));
            case YAML -> out.print(yaml(envelope(key, shown)));
            case VALUE -> shown.values().forEach(v -> out.println(cell(v)));
            case CSV -> {
                out.println(csvLine(List.of("Field", "Value")));
                shown.forEach((k, v) -> out.println(csvLine(List.of(k, cell(v)))));
            }
            case TABLE -> {
                List<List<String>> rows = new ArrayList<>();
                shown.forEach((k, v) -> rows.add(List.of(k, cell(v))));
                table(out, List.of("Field", "Value"), rows);
            }
        }
    }

    /** Prints rows (each column → value) in the chosen format; null format is left to the caller. */
    void printRows(CliCommand cmd, String key, List<String> allColumns, List<Map<String, Object>> rows) {
        List<String> cols = columns.isEmpty() ? allColumns : columns;
        for (String c : cols) {
            if (!allColumns.contains(c)) {
                throw new ParameterException(
                        cmd.spec().commandLine(), "unknown column '" + c + "'; columns are " + allColumns);
            }
        }
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            cols.forEach(c -> m.put(c, r.get(c)));
            if (columns.isEmpty()) {
                r.forEach(m::putIfAbsent);
            }
            shown.add(m);
        }
        PrintWriter out = cmd.out();
        Format f = format(cmd);
        switch (f == null ? Format.TABLE : f) {
            case JSON -> out.println(Json.write(envelope(key, shown)));
            case YAML -> out.print(yaml(envelope(key, shown)));
            case VALUE ->
                shown.forEach(r -> out.println(
                        String.join(" ", cols.stream().map(c -> cell(r.get(c))).toList())));
            case CSV -> {
                out.println(csvLine(cols));
                shown.forEach(r -> out.println(
                        csvLine(cols.stream().map(c -> cell(r.get(c))).toList())));
            }
            case TABLE ->
                table(
                        out,
                        cols,
                        shown.stream()
                                .map(r -> cols.stream().map(c -> cell(r.get(c))).toList())
                                .toList());
        }
    }

    private Map<String, Object> select(CliCommand cmd, Map<String, Object> fields) {
        if (columns.isEmpty()) {
            return fields;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String c : columns) {
            if (!fields.containsKey(c)) {
                throw new ParameterException(
                        cmd.spec().commandLine(), "unknown column '" + c + "'; columns are " + fields.keySet());
            }
            out.put(c, fields.get(c));
        }
        return out;
    }

    static Map<String, Object> envelope(String key, Object value) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", ExosphereCli.JSON_VERSION);
        doc.put(key, value);
        return doc;
    }

    static String yaml(Object doc) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(Json.plain(doc));
    }

    /** A value as one table cell: null is empty, lists are comma-separated, maps are JSON. */
    static String cell(Object v) {
        Object p = Json.plain(v);
        if (p == null) {
            return "";
        }
        if (p instanceof List<?> l) {
            return String.join(", ", l.stream().map(OutputOptions::cell).toList());
        }
        if (p instanceof Map<?, ?>) {
            return Json.write(p);
        }
        return String.valueOf(p);
    }

    private static String csvLine(List<String> values) {
        return String.join(
                ",",
                values.stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"").toList());
    }

    private static void table(PrintWriter out, List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        StringBuilder rule = new StringBuilder("+");
        for (int w : widths) {
            rule.append("-".repeat(w + 2)).append('+');
        }
        out.println(rule);
        out.println(tableRow(headers, widths));
        out.println(rule);
        rows.forEach(r -> out.println(tableRow(r, widths)));
        out.println(rule);
    }

    private static String tableRow(List<String> cells, int[] widths) {
        StringBuilder s = new StringBuilder("|");
        for (int i = 0; i < cells.size(); i++) {
            s.append(' ')
                    .append(cells.get(i))
                    .append(" ".repeat(widths[i] - cells.get(i).length()))
                    .append(" |");
        }
        return s.toString();
    }
}
