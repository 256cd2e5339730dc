package app.exosphere.core.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to an OpenStack service, before authentication and endpoint resolution: method,
 * path relative to the service's versioned endpoint, query parameters, extra headers, a JSON body and
 * microversion requirements. Immutable; build it with {@link #builder(String, String, Object...)} or,
 * more conveniently, through {@link ServiceClient#get(String, Object...)} and friends.
 *
 * <p>Path templates: each {@code {name}} placeholder is replaced, in order, by the next argument
 * percent-encoded as one path segment, so IDs, names and tags can never break out of their segment:
 *
 * <pre>{@code
 * OpenStackRequest req = OpenStackRequest.builder("PUT", "servers/{id}/tags/{tag}", serverId, "exoPw:a/b")
 *         .microversion("2.26")
 *         .build();          // path servers/<id>/tags/exoPw:a%2Fb
 * }</pre>
 */
public final class OpenStackRequest {
    private final String method;
    private final String path;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final Object body;
    private final byte[] rawBody;
    private final String rawContentType;
    private final Microversion microversion;
    private final Microversion minimumMicroversion;
    private final boolean negotiateMicroversion;
    private final Boolean idempotent;
    private final boolean versionPrefix;

    private OpenStackRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.query = Collections.unmodifiableList(new ArrayList<>(b.query));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.body = b.body;
        this.rawBody = b.rawBody;
        this.rawContentType = b.rawContentType;
        this.microversion = b.microversion;
        this.minimumMicroversion = b.minimumMicroversion;
        this.negotiateMicroversion = b.negotiateMicroversion;
        this.idempotent = b.idempotent;
        this.versionPrefix = b.versionPrefix;
    }

    /**
     * Starts a request.
     *
     * @param method HTTP method ({@code GET}, {@code POST}, ...)
     * @param pathTemplate path relative to the service endpoint, with {@code {placeholders}}; an
     *     absolute {@code http(s)://} URL is used as is (for links returned by a service)
     * @param pathArgs values for the placeholders, each encoded as one path segment
     */
    public static Builder builder(String method, String pathTemplate, Object... pathArgs) {
        return new Builder(method, expand(pathTemplate, pathArgs));
    }

    /** A builder pre-filled with this request. */
    public Builder toBuilder() {
        Builder b = new Builder(method, path);
        b.query.addAll(query);
        b.headers.putAll(headers);
        b.body = body;
        b.rawBody = rawBody;
        b.rawContentType = rawContentType;
        b.microversion = microversion;
        b.minimumMicroversion = minimumMicroversion;
        b.negotiateMicroversion = negotiateMicroversion;
        b.idempotent = idempotent;
        b.versionPrefix = versionPrefix;
        return b;
    }

    static String expand(String template, Object... args) {
        Objects.requireNonNull(template, "pathTemplate");
        StringBuilder out = new StringBuilder();
        int argIndex = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '{' in path template: " + template);
                }
                if (argIndex >= args.length) {
                    throw new IllegalArgumentException(
                            "path template " + template + " needs more than " + args.length + " argument(s)");
                }
                Object arg = args[argIndex++];
                if (arg == null || arg.toString().isEmpty()) {
                    throw new IllegalArgumentException("path template " + template + ": placeholder "
                            + template.substring(i, end + 1) + " must not be null or empty");
                }
                out.append(encodeSegment(arg.toString()));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        if (argIndex != args.length) {
            throw new IllegalArgumentException(
                    "path template " + template + " has " + argIndex + " placeholder(s) but got " + args.length);
        }
        return out.toString();
    }

    /** Percent-encodes one path segment (RFC 3986 unreserved characters and {@code :@!$&'()*+,;=} kept). */
    public static String encodeSegment(String segment) {
        byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~:@!$&'()*,;=".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The encoded path relative to the versioned endpoint, or an absolute URL. */
    public String path() {
        return path;
    }

    /** Query parameters in order (a key may repeat). Values are not yet encoded. */
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** Extra headers (the SDK adds auth, user agent, request id and microversion headers itself). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The object to serialize as the JSON body, if any. */
    public Optional<Object> jsonBody() {
        return Optional.ofNullable(body);
    }

    /** A raw body, if one was set instead of a JSON body. */
    public Optional<byte[]> rawBody() {
        return Optional.ofNullable(rawBody == null ? null : rawBody.clone());
    }

    /** The content type of the raw body. */
    public Optional<String> rawContentType() {
        return Optional.ofNullable(rawContentType);
    }

    /** The exact microversion to send, if pinned. */
    public Optional<Microversion> microversion() {
        return Optional.ofNullable(microversion);
    }

    /** The lowest microversion this request works with, if any. */
    public Optional<Microversion> minimumMicroversion() {
        return Optional.ofNullable(minimumMicroversion);
    }

    /** True if the negotiated microversion should be sent even without a minimum. */
    public boolean negotiateMicroversion() {
        return negotiateMicroversion;
    }

    /** True if the service version prefix ({@code v2.0}, ...) is added when the endpoint lacks one. */
    public boolean versionPrefix() {
        return versionPrefix;
    }

    /**
     * True if the request may be retried after a connection failure or a 502/503/504/429. Defaults to
     * true for GET, HEAD, PUT, DELETE and OPTIONS; POST and PATCH are retried only when marked
     * idempotent explicitly.
     */
    public boolean idempotent() {
        if (idempotent != null) {
            return idempotent;
        }
        switch (method) {
            case "GET":
            case "HEAD":
            case "PUT":
            case "DELETE":
            case "OPTIONS":
                return true;
            default:
                return false;
        }
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    /**
     * Builds an {@link OpenStackRequest}. Not thread-safe.
     *
     * <pre>{@code
     * OpenStackRequest r = OpenStackRequest.builder("GET", "servers/detail").query("limit", 50).build();
     * }</pre>
     */
    public static final class Builder {
        private final String method;
        private final String path;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object body;
        private byte[] rawBody;
        private String rawContentType;
        private Microversion microversion;
        private Microversion minimumMicroversion;
        private boolean negotiateMicroversion;
        private Boolean idempotent;
        private boolean versionPrefix = true;

        private Builder(String method, String path) {
            Objects.requireNonNull(method, "method");
            this.method = method.trim().toUpperCase(Locale.ROOT);
            if (this.method.isEmpty()) {
                throw new IllegalArgumentException("method must not be empty");
            }
            this.path = path;
        }

        /** Adds a query parameter; a null value is skipped, so optional filters can be passed directly. */
        public Builder query(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (value != null) {
                query.add(Map.entry(name, value.toString()));
            }
            return this;
        }

        /** Adds every entry of {@code params} (null values skipped). */
        public Builder query(Map<String, ?> params) {
            params.forEach(this::query);
            return this;
        }

        /** Sets an extra header (replacing an earlier value of the same name). */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the body: any Jackson-serializable object ({@code JsonNode}, {@code Map}, a model). */
        public Builder body(Object json) {
            this.body = Objects.requireNonNull(json, "json");
            this.rawBody = null;
            return this;
        }

        /** Sets a raw (non-JSON) body, e.g. image data or a JSON-patch document. */
        public Builder body(byte[] bytes, String contentType) {
            this.rawBody = Objects.requireNonNull(bytes, "bytes").clone();
            this.rawContentType = Objects.requireNonNull(contentType, "contentType");
            this.body = null;
            return this;
        }

        /** Pins the microversion sent (fails before sending if the cloud does not support it). */
        public Builder microversion(String version) {
            return microversion(Microversion.parse(version));
        }

        /** Pins the microversion sent (fails before sending if the cloud does not support it). */
        public Builder microversion(Microversion version) {
            this.microversion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Sends the negotiated microversion ({@code min(client max, server max)}) and fails clearly if
         * that is below {@code version}.
         */
        public Builder minimumMicroversion(String version) {
            this.minimumMicroversion = Microversion.parse(version);
            this.negotiateMicroversion = true;
            return this;
        }

        /** Sends the negotiated microversion ({@code min(client max, server max)}). */
        public Builder negotiatedMicroversion() {
            this.negotiateMicroversion = true;
            return this;
        }

        /** Overrides whether the request may be retried (POST defaults to false). */
        public Builder idempotent(boolean value) {
            this.idempotent = value;
            return this;
        }

        /**
         * Sends the path relative to the endpoint exactly as the catalog gives it, without adding the
         * service's version prefix (used for version documents).
         */
        public Builder withoutVersionPrefix() {
            this.versionPrefix = false;
            return this;
        }

        public OpenStackRequest build() {
            if (microversion != null && minimumMicroversion != null) {
                throw new IllegalStateException("set either microversion(...) or minimumMicroversion(...), not both");
            }
            return new OpenStackRequest(this);
        }
    }
}
