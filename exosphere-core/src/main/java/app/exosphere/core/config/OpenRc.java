package app.exosphere.core.config;

import app.exosphere.core.auth.Secret;
import app.exosphere.core.error.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenRC file ({@code openrc.sh}, as Horizon and Exosphere generate) read with Exosphere's rules
 * (Exosphere's {@code OpenStack.OpenRc.processOpenRc}): for each variable the <em>first</em> line of the
 * form {@code [export ]OS_X=value}, {@code "value"} or {@code 'value'} wins; values starting with
 * {@code $} (such as {@code $OS_PASSWORD_INPUT}) do not count; inside quotes the first character may be
 * a quote ({@code "'secret"} gives {@code 'secret}); nothing is executed.
 *
 * <pre>{@code
 * OpenRc rc = OpenRc.load(Path.of("app-cred-openrc.sh"));
 * OpenStack os = OpenStack.builder().cloud(rc.toCloudConfig("js2")).build();
 * // a password-prompting file: supply the password separately
 * OpenStack os2 = OpenStack.builder().cloud(OpenRc.load(Path.of("openrc.sh")).withPassword(password).toCloudConfig("mine")).build();
 * }</pre>
 */
public final class OpenRc {
    private static final Pattern NAME = Pattern.compile("OS_[A-Za-z0-9_]+");

    private final String source;
    private final List<String> lines;
    private final Map<String, String> overrides;

    private OpenRc(String source, List<String> lines, Map<String, String> overrides) {
        this.source = source;
        this.lines = lines;
        this.overrides = Map.copyOf(overrides);
    }

    /** Parses OpenRC text. */
    public static OpenRc parse(String text, String source) {
        // Exosphere's `OpenRc.processOpenRc`: CRLF and lone CR become LF
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        return new OpenRc(source, List.of(normalized.split("\n", -1)), Map.of());
    }

    /** Reads an OpenRC file. */
    public static OpenRc load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigurationException(file.toString(), null, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The value of variable {@code name} from the first matching line (Exosphere's {@code OpenRc.processOpenRc}). */
    public Optional<String> get(String name) {
        if (overrides.containsKey(name)) {
            return Optional.of(overrides.get(name));
        }
        Pattern p = linePattern(name);
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                for (int g = 1; g <= 3; g++) {
                    if (m.group(g) != null) {
                        return Optional.of(m.group(g));
                    }
                }
            }
        }
        return Optional.empty();
    }

    static Pattern linePattern(String name) {
        // Exosphere's OpenStack.OpenRc.processOpenRc (an elm/parser chain): optional spaces (not tabs),
        // optional 'export' keyword, spaces, NAME, '=', then "v", 'v' or v, and the line ends there.
        // v is a Parser.variable: its first character is anything but '$' (so a quote may start a
        // quoted value: "'secret" gives 'secret), the rest contains no quote. A leading quote always
        // commits to its quoted branch, so an unquoted v never starts with a quote.
        return Pattern.compile("[ \\r\\n]*(?:export(?![A-Za-z0-9_]))?[ \\r\\n]*" + Pattern.quote(name)
                + "(?![A-Za-z0-9_])=(?:\"([^$][^\"']*)\"|'([^$][^\"']*)'|([^$\"'][^\"']*))");
    }

    /** Every {@code OS_*} variable the file sets (first match of each). */
    public Map<String, String> variables() {
        Map<String, String> out = new LinkedHashMap<>();
        Pattern candidate = Pattern.compile("[ ]*(?:export(?![A-Za-z0-9_]))?[ ]*(OS_[A-Za-z0-9_]+)=.*");
        for (String line : lines) {
            Matcher m = candidate.matcher(line);
            if (m.matches() && NAME.matcher(m.group(1)).matches() && !out.containsKey(m.group(1))) {
                get(m.group(1)).ifPresent(v -> out.put(m.group(1), v));
            }
        }
        out.putAll(overrides);
        return out;
    }

    /** {@code OS_AUTH_URL}. */
    public Optional<String> authUrl() {
        return get("OS_AUTH_URL");
    }

    /** {@code OS_USER_DOMAIN_NAME}, else {@code OS_USER_DOMAIN_ID} (Exosphere's {@code OpenRc.processOpenRc}). */
    public Optional<String> userDomain() {
        return get("OS_USER_DOMAIN_NAME").or(() -> get("OS_USER_DOMAIN_ID"));
    }

    /** {@code OS_USERNAME}. */
    public Optional<String> username() {
        return get("OS_USERNAME");
    }

    /** {@code OS_PASSWORD} (absent when the file prompts for it). */
    public Optional<Secret> password() {
        return get("OS_PASSWORD").map(Secret::of);
    }

    /** A copy with {@code OS_PASSWORD} supplied (for files that prompt with {@code read -s}). */
    public OpenRc withPassword(String password) {
        Map<String, String> o = new LinkedHashMap<>(overrides);
        o.put("OS_PASSWORD", password);
        return new OpenRc(source, lines, o);
    }

    /**
     * The cloud this file describes ({@code OS_AUTH_TYPE}, credentials, project, region, interface),
     * mapped like openstacksdk's {@code envvars} cloud.
     *
     * @throws ConfigurationException if {@code OS_AUTH_URL} is missing
     */
    public CloudConfig toCloudConfig(String cloudName) {
        Map<String, String> vars = variables();
        if (!vars.containsKey("OS_AUTH_URL")) {
            throw new ConfigurationException(source, null, "OS_AUTH_URL", "the OpenRC file sets no OS_AUTH_URL", null);
        }
        return OsVariables.cloud(vars, cloudName, source);
    }

    @Override
    public String toString() {
        return "OpenRc{" + source + ", variables=" + variables().keySet() + "}";
    }
}
