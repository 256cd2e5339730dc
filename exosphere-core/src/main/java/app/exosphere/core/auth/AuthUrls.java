package app.exosphere.core.auth;

import okhttp3.HttpUrl;

/**
 * Normalises a Keystone URL as a user typed it, with Exosphere's rule {@code authUrlWithPortAndVersion}
 * (Exosphere's {@code State.Auth.authUrlWithPortAndVersion}): {@code https://} is added unless a scheme is given, port 5000 when none is
 * given, and {@code /v3} when the path is empty or {@code /}; anything unparseable is returned unchanged.
 *
 * <pre>{@code
 * AuthUrls.withPortAndVersion("keystone.example.org");   // https://keystone.example.org:5000/v3
 * }</pre>
 */
public final class AuthUrls {
    private AuthUrls() {}

    /** Exosphere's {@code authUrlWithPortAndVersion}. */
    // Exosphere's `State.Auth.authUrlWithPortAndVersion`
    public static String withPortAndVersion(String typed) {
        String s = typed.startsWith("http://") || typed.startsWith("https://") ? typed : "https://" + typed;
        HttpUrl url = HttpUrl.parse(s);
        if (url == null) {
            return typed;
        }
        boolean explicitPort = hasExplicitPort(s);
        String path = url.encodedPath();
        StringBuilder out = new StringBuilder()
                .append(url.scheme())
                .append("://")
                .append(authority(s))
                .append(explicitPort ? "" : ":5000")
                .append(path.isEmpty() || path.equals("/") ? "/v3" : path);
        if (url.encodedQuery() != null) {
            out.append('?').append(url.encodedQuery());
        }
        if (url.encodedFragment() != null) {
            out.append('#').append(url.encodedFragment());
        }
        return out.toString();
    }

    /** The host[:port] exactly as written (Elm's Url does not lowercase the host). */
    private static String authority(String s) {
        String rest = s.substring(s.indexOf("://") + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end);
    }

    private static boolean hasExplicitPort(String s) {
        String authority = authority(s);
        int colon = authority.lastIndexOf(':');
        return colon >= 0 && colon < authority.length() - 1 && !authority.endsWith("]");
    }
}
