package app.exosphere.cloudinit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The YAML writer/reader for cloud-config: every scalar is quoted when YAML 1.1 could misread it. Not API. */
public final class Yaml {

    public static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .stringQuotingChecker(new Yaml11Quoting())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private Yaml() {}

    /**
     * Quotes every string that a YAML 1.1 reader (PyYAML, which cloud-init uses) could read as anything
     * but that string: a string stays plain only when it starts with a letter or {@code /}, uses a
     * conservative character set, has no {@code ": "}, {@code " #"} or trailing {@code :}, and is not a
     * YAML 1.1 boolean/null word ({@code yes}, {@code off}, {@code y}, ...). Sexagesimal numbers
     * ({@code 12:30:00}), octal-looking strings ({@code 0400}), dates and {@code .inf} all get quoted.
     */
    static final class Yaml11Quoting extends StringQuotingChecker {

        private static final long serialVersionUID = 1L;

        private static final Pattern PLAIN = Pattern.compile("[A-Za-z/][A-Za-z0-9 _./@+=,():-]*");
        private static final Set<String> RESERVED =
                Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null", "~");

        private static boolean plainIsSafe(String s) {
            return !s.isEmpty()
                    && PLAIN.matcher(s).matches()
                    && !s.endsWith(" ")
                    && !s.endsWith(":")
                    && !s.contains(": ")
                    && !RESERVED.contains(s.toLowerCase(Locale.ROOT));
        }

        @Override
        public boolean needToQuoteName(String name) {
            return !plainIsSafe(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return !plainIsSafe(value);
        }
    }

    /** Serializes a tree as block YAML without document marker; ends with a newline. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
