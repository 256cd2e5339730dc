package app.exosphere.cloudinit.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A small POSIX shell word splitter for reading back scripts (ours and Exosphere's): single quotes, double
 * quotes with backslash escapes, unquoted backslash escapes, backslash-newline continuation, comments. No
 * expansion is performed. Not API.
 */
public final class ShellWords {

    private ShellWords() {}

    /** Joins backslash-newline continuations and splits into logical lines (quotes may span lines). */
    public static List<List<String>> commands(String script) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            if (c == '\\') {
                if (i + 1 < n && script.charAt(i + 1) == '\n') {
                    i++;
                    continue;
                }
                if (i + 1 < n) {
                    word = word == null ? new StringBuilder() : word;
                    word.append(script.charAt(++i));
                }
                continue;
            }
            if (c == '\'') {
                word = word == null ? new StringBuilder() : word;
                int end = script.indexOf('\'', i + 1);
                end = end < 0 ? n : end;
                word.append(script, i + 1, end);
                i = end;
                continue;
            }
            if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                i++;
                while (i < n && script.charAt(i) != '"') {
                    char d = script.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        char e = script.charAt(i + 1);
                        if (e == '\\' || e == '"' || e == '$' || e == '`') {
                            word.append(e);
                            i += 2;
                            continue;
                        }
                        if (e == '\n') {
                            i += 2;
                            continue;
                        }
                    }
                    word.append(d);
                    i++;
                }
                continue;
            }
            if (c == '#' && word == null) {
                while (i + 1 < n && script.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '\n' || c == ';') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (!words.isEmpty()) {
                    commands.add(List.copyOf(words));
                    words.clear();
                }
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            word.append(c);
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            commands.add(List.copyOf(words));
        }
        return commands;
    }
}
