package app.exosphere.uap;

import app.exosphere.uap.InvalidUapValueException.Reason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTPS URL through a User Application Proxy to a service on an instance, built exactly as the
 * Exosphere web app builds it ({@code Helpers.Url.buildProxyUrl}):
 *
 * <pre>https://[http-]&lt;a-b-c-d&gt;-&lt;port&gt;.&lt;uap hostname&gt;/&lt;path&gt;[?&lt;query&gt;]</pre>
 *
 * <p>{@link #toUriString()} is byte-for-byte what Exosphere produces: path segments are joined with
 * {@code /} and not encoded, query keys and values are encoded like JavaScript
 * {@code encodeURIComponent}. Consequently a path starting with {@code /} yields {@code //} after the
 * host, and spaces in the path stay spaces. {@link #normalized()} (and {@link #toUri()}) give the same
 * URL with a clean path instead. {@link #toString()} is for logs: it masks every query value (Guacamole
 * and Jupyter tokens travel there). For the well-known services use {@link GuacamoleUrls} and
 * {@link JupyterUrls}.
 *
 * <pre>{@code
 * UapUrl url = UapUrl.builder()
 *         .uapHostname("proxy-js2-iu.exosphere.app")
 *         .target(UapTarget.http("149.165.157.212", 49528))
 *         .path("guacamole/api/tokens")
 *         .build();
 * url.toUriString(); // "https://http-149-165-157-212-49528.proxy-js2-iu.exosphere.app/guacamole/api/tokens"
 * }</pre>
 */
public final class UapUrl {
    private final String uapHostname;
    private final UapTarget target;
    private final String host;
    private final List<String> pathSegments;
    private final List<Map.Entry<String, String>> query;
    private final String exact;

    private UapUrl(Builder b) {
        if (b.target == null) {
            if (b.ipv4 == null) {
                throw new IllegalStateException("UapUrl needs a target: call target(...) or ip(...) and port(...)");
            }
            if (b.port == null) {
                throw new IllegalStateException("UapUrl needs the upstream port: call port(...)");
            }
            this.target = new UapTarget(b.protocol, b.ipv4, b.port);
        } else {
            this.target = b.target;
        }
        if (b.uapHostname == null) {
            throw new IllegalStateException("UapUrl needs the UAP hostname: call uapHostname(...)");
        }
        this.uapHostname = b.uapHostname;
        this.host = target.requestHost(uapHostname);
        for (String segment : b.pathSegments) {
            checkPath(segment);
        }
        this.pathSegments = List.copyOf(b.pathSegments);
        this.query = List.copyOf(b.query);
        StringBuilder s = new StringBuilder("https://").append(host).append('/');
        s.append(String.join("/", pathSegments));
        appendQuery(s);
        this.exact = s.toString();
    }

    /** A builder; the UAP hostname and the target (or IP and port) are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The URL of {@code target} through the UAP {@code uapHostname} with one raw path "segment" (which
     * may contain {@code /}), no query.
     */
    public static UapUrl of(String uapHostname, UapTarget target, String path) {
        return builder().uapHostname(uapHostname).target(target).path(path).build();
    }

    /** A builder initialised with this URL's values. */
    public Builder toBuilder() {
        Builder b = builder().uapHostname(uapHostname).target(target).pathSegments(pathSegments);
        for (Map.Entry<String, String> e : query) {
            b.addQueryParameter(e.getKey(), e.getValue());
        }
        return b;
    }

    /** The UAP hostname, as given. */
    public String uapHostname() {
        return uapHostname;
    }

    /** The service on the instance this URL reaches. */
    public UapTarget target() {
        return target;
    }

    /** The URL's host, e.g. {@code http-149-165-157-212-49528.proxy-js2-iu.exosphere.app}. */
    public String host() {
        return host;
    }

    /** The raw path segments, as given. */
    public List<String> pathSegments() {
        return pathSegments;
    }

    /** The query parameters in order, unencoded. */
    public List<Map.Entry<String, String>> queryParameters() {
        return query;
    }

    /**
     * The URL exactly as Exosphere builds it (see the class description), e.g.
     * {@code https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app//rstudio?token=0123abcd} for the
     * path {@code /rstudio}. Query values such as tokens are included: this is the link to open, not a
     * text to log.
     */
    public String toUriString() {
        return exact;
    }

    /**
     * The URL for logs and messages: {@link #toRedactedString()}, every query value (Guacamole and
     * Jupyter tokens) masked. The link itself is {@link #toUriString()}.
     */
    @Override
    public String toString() {
        return toRedactedString();
    }

    /**
     * The same URL with a clean path: leading slashes removed and runs of {@code /} collapsed, and every
     * character that may not appear in a URI path (space, non-ASCII, {@code " < > \ ^ ` { | }}, a
     * {@code %} not starting an escape) percent-encoded as UTF-8. The first {@code #} is kept as the
     * fragment marker (Guacamole's client routes live in the fragment); a {@code ?} in the path before it
     * is encoded, so the query always reaches the service. Example: path {@code /notebooks/a b.ipynb}
     * gives {@code https://…/notebooks/a%20b.ipynb?token=ff}.
     */
    public String normalized() {
        String joined = String.join("/", pathSegments);
        StringBuilder collapsed = new StringBuilder(joined.length());
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '/' && (collapsed.length() == 0 || collapsed.charAt(collapsed.length() - 1) == '/')) {
                continue;
            }
            collapsed.append(c);
        }
        StringBuilder s = new StringBuilder("https://").append(host).append('/');
        encodePath(collapsed.toString(), s);
        appendQuery(s);
        return s.toString();
    }

    /** {@link #normalized()} as a {@link URI}. */
    public URI toUri() {
        return URI.create(normalized());
    }

    /**
     * The exact URL with every query value replaced by {@code REDACTED}, for logs and error messages
     * (Guacamole and Jupyter tokens are credentials).
     */
    public String toRedactedString() {
        StringBuilder s = new StringBuilder("https://").append(host).append('/');
        s.append(String.join("/", pathSegments));
        for (int i = 0; i < query.size(); i++) {
            s.append(i == 0 ? '?' : '&')
                    .append(encodeUriComponent(
                            query.get(i).getKey(), query.get(i).getKey()))
                    .append("=REDACTED");
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UapUrl other && exact.equals(other.exact);
    }

    @Override
    public int hashCode() {
        return exact.hashCode();
    }

    private void appendQuery(StringBuilder s) {
        for (int i = 0; i < query.size(); i++) {
            Map.Entry<String, String> e = query.get(i);
            s.append(i == 0 ? '?' : '&')
                    .append(encodeUriComponent(e.getKey(), e.getKey()))
                    .append('=')
                    .append(encodeUriComponent(e.getValue(), e.getKey()));
        }
    }

    private static void checkPath(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidUapValueException(
                        Reason.MALFORMED_PATH,
                        segment,
                        "path '" + segment.replaceAll("\\p{Cntrl}", "?") + "' contains " + UapValues.describe(c)
                                + ", which cannot appear in a URL");
            }
        }
    }

    private static final String HEX = "0123456789ABCDEF";

    /**
     * Percent-encodes like JavaScript {@code encodeURIComponent}: everything except {@code A-Z a-z 0-9
     * - _ . ! ~ * ' ( )} becomes the {@code %XX} escapes of its UTF-8 bytes (elm/url's {@code Url.Builder.string}, as Exosphere's {@code Helpers.Url.buildProxyUrl} uses it).
     */
    static String encodeUriComponent(String value, String keyForErrors) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isUnreservedForComponent(c)) {
                out.append(c);
                continue;
            }
            int codePoint = c;
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                // JavaScript throws URIError here; so do we, without echoing the (possibly secret) value
                throw new InvalidUapValueException(
                        Reason.MALFORMED_QUERY,
                        keyForErrors,
                        "query parameter '" + keyForErrors + "' contains an unpaired UTF-16 surrogate and"
                                + " cannot be percent-encoded");
            }
            appendUtf8Escapes(codePoint, out);
        }
        return out.toString();
    }

    private static boolean isUnreservedForComponent(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || "-_.!~*'()".indexOf(c) >= 0;
    }

    private static void appendUtf8Escapes(int codePoint, StringBuilder out) {
        byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
        }
    }

    private static void encodePath(String path, StringBuilder out) {
        boolean inFragment = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '#' && !inFragment) {
                inFragment = true;
                out.append(c);
            } else if (isPathChar(c) || (inFragment && c == '?')) {
                out.append(c);
            } else if (c == '%' && i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2))) {
                out.append(c);
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < path.length()
                    && Character.isLowSurrogate(path.charAt(i + 1))) {
                appendUtf8Escapes(Character.toCodePoint(c, path.charAt(++i)), out);
            } else if (Character.isSurrogate(c)) {
                appendUtf8Escapes(0xFFFD, out);
            } else {
                appendUtf8Escapes(c, out);
            }
        }
    }

    /** RFC 3986 pchar plus {@code /}: unreserved, sub-delims, {@code :} and {@code @}. */
    private static boolean isPathChar(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Builds a {@link UapUrl}. Not thread-safe; the built URL is immutable.
     *
     * <pre>{@code
     * UapUrl url = UapUrl.builder()
     *         .uapHostname("uap.example.org")
     *         .ip("198.51.100.99").port(12345).protocol(UpstreamProtocol.HTTPS)
     *         .path("foobar")
     *         .build(); // https://198-51-100-99-12345.uap.example.org/foobar
     * }</pre>
     */
    public static final class Builder {
        private String uapHostname;
        private UapTarget target;
        private String ipv4;
        private Integer port;
        private UpstreamProtocol protocol = UpstreamProtocol.HTTPS;
        private final List<String> pathSegments = new ArrayList<>();
        private final List<Map.Entry<String, String>> query = new ArrayList<>();

        private Builder() {}

        /** The UAP hostname, e.g. {@code proxy-js2-iu.exosphere.app} (validated at {@link #build()}). */
        public Builder uapHostname(String uapHostname) {
            this.uapHostname = Objects.requireNonNull(uapHostname, "uapHostname");
            return this;
        }

        /** The service to reach; replaces any {@link #ip}, {@link #port} and {@link #protocol} given. */
        public Builder target(UapTarget target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /** The instance's IPv4 address (validated at {@link #build()}; IPv6 is refused). */
        public Builder ip(String ipv4) {
            this.target = null;
            this.ipv4 = Objects.requireNonNull(ipv4, "ipv4");
            return this;
        }

        /** The upstream port, 1–65535 (validated at {@link #build()}). */
        public Builder port(int port) {
            this.target = null;
            this.port = port;
            return this;
        }

        /** The upstream protocol; {@link UpstreamProtocol#HTTPS} (no prefix) unless set. */
        public Builder protocol(UpstreamProtocol protocol) {
            this.target = null;
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /** Shorthand for {@code protocol(UpstreamProtocol.HTTP)}: the {@code http-} prefix. */
        public Builder http() {
            return protocol(UpstreamProtocol.HTTP);
        }

        /**
         * Sets the path to one raw segment, passed through unencoded like Exosphere's workflow path (it may
         * contain {@code /}; a leading {@code /} gives {@code //} in {@link #toUriString()}).
         */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            pathSegments.clear();
            pathSegments.add(path);
            return this;
        }

        /** Sets the raw path segments, joined with {@code /}. */
        public Builder pathSegments(List<String> segments) {
            Objects.requireNonNull(segments, "segments");
            pathSegments.clear();
            for (String segment : segments) {
                pathSegments.add(Objects.requireNonNull(segment, "path segment"));
            }
            return this;
        }

        /** Sets the raw path segments, joined with {@code /}. */
        public Builder pathSegments(String... segments) {
            return pathSegments(Arrays.asList(segments));
        }

        /** Appends a raw path segment. */
        public Builder addPathSegment(String segment) {
            pathSegments.add(Objects.requireNonNull(segment, "segment"));
            return this;
        }

        /**
         * Appends a query parameter; key and value are encoded like {@code encodeURIComponent}.
         *
         * @throws InvalidUapValueException if the key is empty
         */
        public Builder addQueryParameter(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (key.isEmpty()) {
                throw new InvalidUapValueException(
                        Reason.MALFORMED_QUERY, key, "query parameter key is empty; give it a name");
            }
            query.add(Map.entry(key, value));
            return this;
        }

        /**
         * The URL.
         *
         * @throws InvalidUapValueException if the UAP hostname, IP, port, path or a query value is invalid
         * @throws IllegalStateException if the UAP hostname, the IP or the port is missing
         */
        public UapUrl build() {
            return new UapUrl(this);
        }
    }
}
