package app.exosphere.core.config;

import app.exosphere.core.error.ConfigurationException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the object literal assigned to a variable in Exosphere's JavaScript configuration files
 * (Exosphere's {@code cloud_configs.js}): finds {@code var <name> =}, extracts the balanced {@code {...}} (respecting
 * strings and comments, ignoring code after it) and parses it with Jackson's lenient JSON features.
 * Plain JSON is accepted too.
 */
final class JsLiteral {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private final String file;
    private final String literal;
    private final int firstLine;
    private final JsonNode tree;

    private JsLiteral(String file, String literal, int firstLine, JsonNode tree) {
        this.file = file;
        this.literal = literal;
        this.firstLine = firstLine;
        this.tree = tree;
    }

    /** Parses the literal of {@code var <variable> = {...}} in {@code source}. */
    static JsLiteral parse(String source, String variable, String file) {
        int start;
        Matcher m = Pattern.compile("\\b(?:var|let|const)\\s+" + Pattern.quote(variable) + "\\s*=\\s*")
                .matcher(source);
        if (m.find()) {
            start = source.indexOf('{', m.end());
            if (start < 0 || !source.substring(m.end(), start).isBlank()) {
                throw new ConfigurationException(
                        file,
                        lineAt(source, m.end()),
                        variable,
                        "expected an object literal '{...}' after 'var " + variable + " ='",
                        null);
            }
        } else {
            String trimmed = source.strip();
            if (!trimmed.startsWith("{")) {
                throw new ConfigurationException(
                        file, null, variable, "no 'var " + variable + " = {...}' and not a JSON object", null);
            }
            start = source.indexOf('{');
        }
        int end = matchingBrace(source, start, file);
        String literal = source.substring(start, end + 1);
        int firstLine = lineAt(source, start);
        try {
            return new JsLiteral(file, literal, firstLine, LENIENT.readTree(literal));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            Integer line = loc == null ? null : firstLine + loc.getLineNr() - 1;
            throw new ConfigurationException(
                    file, line, variable, "not a valid object literal: " + e.getOriginalMessage(), e);
        }
    }

    JsonNode tree() {
        return tree;
    }

    String file() {
        return file;
    }

    /** The file line of the value at {@code path} (keys and array indexes), or null. */
    Integer lineOf(List<Object> path) {
        try (JsonParser p = LENIENT.createParser(literal)) {
            return lineOf(p, path, firstLine);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Streams {@code p} to the value at {@code path}; its line plus {@code firstLine - 1}, or null. */
    static Integer lineOf(JsonParser p, List<Object> path, int firstLine) {
        try {
            Deque<Object> stack = new ArrayDeque<>();
            Deque<Integer> indexes = new ArrayDeque<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    stack.removeLast();
                    stack.addLast(p.currentName());
                    if (List.copyOf(stack).equals(path)) {
                        return firstLine + p.currentTokenLocation().getLineNr() - 1; // the key's line
                    }
                    continue;
                }
                // a value starts: if inside an array, advance its index
                if (!indexes.isEmpty() && stack.peekLast() instanceof Integer && isValueStart(t)) {
                    int i = indexes.removeLast() + 1;
                    indexes.addLast(i);
                    stack.removeLast();
                    stack.addLast(i);
                }
                if (isValueStart(t) && List.copyOf(stack).equals(path)) {
                    return firstLine + p.currentTokenLocation().getLineNr() - 1;
                }
                if (t == JsonToken.START_OBJECT) {
                    stack.addLast("");
                } else if (t == JsonToken.START_ARRAY) {
                    stack.addLast(-1);
                    indexes.addLast(-1);
                } else if (t == JsonToken.END_OBJECT) {
                    stack.removeLast();
                } else if (t == JsonToken.END_ARRAY) {
                    stack.removeLast();
                    indexes.removeLast();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static boolean isValueStart(JsonToken t) {
        return t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY && t != JsonToken.FIELD_NAME;
    }

    static int lineAt(String s, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int matchingBrace(String s, int start, String file) {
        int depth = 0;
        int i = start;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i++;
                while (i < s.length() && s.charAt(i) != c) {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? s.length() : close + 1;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        throw new ConfigurationException(
                file,
                lineAt(s, start),
                null,
                "unbalanced braces: the object literal " + "starting here is never closed",
                null);
    }
}
