package app.exosphere.core.rules;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hostname the web app derives from an instance name for its DNS record (Exosphere's {@code
 * Helpers.sanitizeHostname}, a port of Nova's {@code utils.sanitize_hostname}), and the record set it
 * writes for it ({@code State.State} {@code RequestCreateServerHostname}).
 *
 * <pre>{@code
 * Hostname.sanitize("My Server 1 of 3");                                 // Optional[my-server-1-of-3]
 * Hostname.sanitize("的");                                               // Optional.empty
 * Hostname.recordName("my-server", "bio101.projects.jetstream-cloud.org."); // "my-server.bio101.projects.jetstream-cloud.org."
 * }</pre>
 */
public final class Hostname {
    /** A DNS label holds at most 63 characters. */
    public static final int MAX_LENGTH = 63;

    private static final Pattern SEPARATORS = Pattern.compile("[ _.]");
    private static final Pattern OUTSIDE_CLASS = Pattern.compile("[^A-Za-z0-9_.-]+");
    private static final Pattern EDGES = Pattern.compile("^[.-]+|[.-]+$");

    private Hostname() {}

    /**
     * The sanitised hostname, in the web app's order: keep the first 63 characters; turn each space,
     * {@code _} and {@code .} into {@code -}; drop every other character outside {@code [A-Za-z0-9-]};
     * lower-case; strip leading and trailing {@code -}. Truncation comes first, so the result may be
     * shorter than 63 characters.
     *
     * @return empty when nothing is left (the web app then refuses to create a hostname)
     */
    public static Optional<String> sanitize(String instanceName) {
        if (instanceName == null) {
            return Optional.empty();
        }
        String s = instanceName;
        if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH));
        }
        s = SEPARATORS.matcher(s).replaceAll("-");
        s = OUTSIDE_CLASS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT);
        s = EDGES.matcher(s).replaceAll("");
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** The record set name: {@code <hostname>.<zone name>} (the zone name already ends in {@code .}). */
    public static String recordName(String hostname, String zoneName) {
        return hostname + "." + zoneName;
    }

    /** The description the web app gives the record set: {@code Created for <instance> <name>}. */
    public static String description(String wordForInstance, String instanceName) {
        return "Created for " + wordForInstance + " " + instanceName;
    }

    /**
     * The web app's error when an instance name sanitises to nothing: {@code Could not determine a valid
     * hostname for instance named '<name>'.}
     */
    public static String noHostnameMessage(String wordForInstance, String instanceName) {
        return "Could not determine a valid hostname for " + wordForInstance + " named '" + instanceName + "'.";
    }
}
