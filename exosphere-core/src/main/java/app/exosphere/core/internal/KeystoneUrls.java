package app.exosphere.core.internal;

import app.exosphere.core.error.ConfigurationException;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Keystone URL rules. */
public final class KeystoneUrls {
    private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+)?");

    private KeystoneUrls() {}

    /**
     * The Keystone v3 root (ending in {@code /}) for an auth URL: {@code https://h:5000/identity/v3} and
     * {@code https://h:5000/identity/v3/} stay, {@code https://h:5000} becomes {@code https://h:5000/v3/}.
     * (Exosphere replaces the whole path with {@code /v3}, {@code Rest.Keystone.requestAuthTokenHelper}; keeping a path prefix is
     * what openstacksdk does and works with Keystone mounted under {@code /identity}.)
     */
    public static HttpUrl v3Root(String authUrl) {
        HttpUrl url = HttpUrl.parse(authUrl == null ? "" : authUrl.trim());
        if (url == null) {
            throw new ConfigurationException(
                    null,
                    null,
                    "auth_url",
                    "'" + authUrl + "' is not an http(s) URL; use e.g. https://keystone.example.org:5000/v3",
                    null);
        }
        List<String> segs = url.pathSegments();
        int last = segs.size() - 1;
        while (last >= 0 && segs.get(last).isEmpty()) {
            last--;
        }
        HttpUrl.Builder b = url.newBuilder().query(null).fragment(null);
        if (last >= 0 && VERSION.matcher(segs.get(last)).matches()) {
            if (!segs.get(last).equals("v3")) {
                throw new ConfigurationException(
                        null,
                        null,
                        "auth_url",
                        "Keystone API " + segs.get(last) + " is not supported; use the v3 URL (" + authUrl + ")",
                        null);
            }
            // normalise to a trailing slash
            b.encodedPath("/");
            for (int i = 0; i <= last; i++) {
                b.addEncodedPathSegment(url.encodedPathSegments().get(i));
            }
            b.addPathSegment("");
            return b.build();
        }
        b.encodedPath("/");
        for (int i = 0; i <= last; i++) {
            b.addEncodedPathSegment(url.encodedPathSegments().get(i));
        }
        b.addPathSegment("v3").addPathSegment("");
        return b.build();
    }

    /** Resolves a relative path against a root ending in {@code /}. */
    public static HttpUrl resolve(HttpUrl root, String relative) {
        HttpUrl r = root.resolve(relative);
        if (r == null) {
            throw new IllegalArgumentException("cannot resolve " + relative + " against " + root);
        }
        return r;
    }

    /**
     * Exosphere's {@code keystoneUrlWithVersion}: unchanged if the path contains {@code /v3}, else the
     * path is replaced by {@code /v3} (Exosphere's {@code Rest.Keystone.requestAuthTokenHelper}).
     */
    public static String withVersion(String url) {
        HttpUrl u = HttpUrl.parse(url);
        if (u == null || u.encodedPath().contains("/v3")) {
            return url;
        }
        return u.newBuilder().encodedPath("/v3").build().toString();
    }
}
