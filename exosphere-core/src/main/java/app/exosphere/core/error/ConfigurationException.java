package app.exosphere.core.error;

import java.util.Optional;

/**
 * Configuration is missing or invalid: a clouds.yaml, OpenRC, {@code cloud_configs.js} or
 * {@code config.js} file, environment variables, or builder arguments. Names the file, the line when
 * known, and the offending key, so that the message alone tells what to fix.
 *
 * <pre>{@code
 * try { OpenStack.fromCloudsYaml("jetstream2"); } catch (ConfigurationException e) {
 *     System.err.println(e.file().orElse("?") + ":" + e.line().orElse(0) + " " + e.key().orElse(""));
 * }
 * }</pre>
 */
public class ConfigurationException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final Integer line;
    private final String key;

    /** A problem not tied to a file (builder arguments, environment). */
    public ConfigurationException(String message) {
        this(null, null, null, message, null);
    }

    /**
     * A problem located in a file.
     *
     * @param file the file name or path, or null
     * @param line the 1-based line, or null if unknown
     * @param key the offending key (dotted path), or null
     * @param problem what is wrong and what to do
     * @param cause the underlying parse error, or null
     */
    public ConfigurationException(String file, Integer line, String key, String problem, Throwable cause) {
        super(format(file, line, key, problem), cause);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    private static String format(String file, Integer line, String key, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line != null) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        if (key != null) {
            sb.append("key '").append(key).append("': ");
        }
        return sb.append(problem).toString();
    }

    /** The file in which the problem was found. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The 1-based line of the problem, when known. */
    public Optional<Integer> line() {
        return Optional.ofNullable(line);
    }

    /** The offending key as a dotted path (e.g. {@code clouds.mycloud.auth.auth_url}). */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
