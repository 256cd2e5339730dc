package app.exosphere.cloudinit.internal;

/** POSIX shell quoting. Not API. */
public final class ShellQuote {

    private ShellQuote() {}

    /**
     * Double-quotes a value so that a non-interactive POSIX shell reads it back as exactly one word with
     * exactly these characters: {@code \ " $ `} are backslash-escaped, everything else is literal inside
     * double quotes. Plain values look exactly like Exosphere's ({@code "master"}), and Exosphere's
     * hand-escaped extra-vars form ({@code "{\"guac_enabled\":true}"}) comes out byte for byte. The caller
     * must have rejected NUL and line breaks.
     */
    public static String doubleQuoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException(
                        "NUL and line breaks cannot be passed in a double-quoted shell word");
            }
            if (c == '\\' || c == '"' || c == '$' || c == '`') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
