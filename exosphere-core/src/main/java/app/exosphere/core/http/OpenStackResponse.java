package app.exosphere.core.http;

import app.exosphere.core.error.ResponseDecodingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A successful (2xx) response from an OpenStack service, fully read: status, headers, request id and
 * body, with JSON decoding through the SDK's Jackson mapper (unknown properties ignored). Error
 * statuses never produce a response; they throw an {@code OpenStackServiceException} subclass.
 *
 * <pre>{@code
 * OpenStackResponse r = nova.get("servers/{id}", id).microversion("2.27").execute();
 * JsonNode server = r.json().get("server");
 * String requestId = r.requestId().orElse("-");
 * }</pre>
 */
public final class OpenStackResponse {
    private final String service;
    private final String method;
    private final String url;
    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final ObjectMapper mapper;

    private OpenStackResponse(
            String service,
            String method,
            String url,
            int status,
            Map<String, List<String>> headers,
            byte[] body,
            ObjectMapper mapper) {
        this.service = service;
        this.method = method;
        this.url = url;
        this.status = status;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        this.headers = java.util.Collections.unmodifiableMap(h);
        this.body = body;
        this.mapper = mapper;
    }

    /**
     * Creates a response. Used by the transport and by tests of code that consumes responses.
     *
     * @param service catalog service type
     * @param method HTTP method of the request
     * @param url the request URL
     * @param status HTTP status
     * @param headers response headers (names case-insensitive)
     * @param body the body bytes (empty array for none)
     * @param mapper the Jackson mapper used for decoding
     */
    public static OpenStackResponse of(
            String service,
            String method,
            String url,
            int status,
            Map<String, List<String>> headers,
            byte[] body,
            ObjectMapper mapper) {
        return new OpenStackResponse(
                Objects.requireNonNull(service),
                Objects.requireNonNull(method),
                Objects.requireNonNull(url),
                status,
                headers,
                body == null ? new byte[0] : body,
                Objects.requireNonNull(mapper));
    }

    /** The HTTP status (2xx). */
    public int status() {
        return status;
    }

    /** The request URL (may contain query parameters; never credentials). */
    public String url() {
        return url;
    }

    /** All response headers; names are case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The {@code X-OpenStack-Request-ID} (or {@code X-Compute-Request-Id}) of the response. */
    public Optional<String> requestId() {
        return header("X-OpenStack-Request-ID").or(() -> header("X-Compute-Request-Id"));
    }

    /** The microversion the service answered with, from {@code OpenStack-API-Version}. */
    public Optional<Microversion> microversion() {
        return header("OpenStack-API-Version")
                .map(v -> v.trim().split("\\s+"))
                .filter(parts -> parts.length == 2)
                .map(parts -> Microversion.parse(parts[1]))
                .or(() -> header("X-OpenStack-Nova-API-Version").map(Microversion::parse));
    }

    /** The {@code Location} header, e.g. of a created resource. */
    public Optional<String> location() {
        return header("Location");
    }

    /** The raw body bytes (a copy). */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** True if the body is empty (e.g. 202 Accepted, 204 No Content). */
    public boolean isEmpty() {
        return body.length == 0;
    }

    /** The body as a JSON tree ({@code MissingNode} for an empty body). */
    public JsonNode json() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw decodingFailure("JSON", e);
        }
    }

    /** Decodes the body into {@code type}. */
    public <T> T as(Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw decodingFailure(type.getSimpleName(), e);
        }
    }

    /** Decodes the body into a generic type, e.g. {@code new TypeReference<Map<String, Server>>() {}}. */
    public <T> T as(TypeReference<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw decodingFailure(type.getType().getTypeName(), e);
        }
    }

    /**
     * Decodes one member of the top-level object, the usual OpenStack envelope:
     * {@code response.as("server", Server.class)} for {@code {"server": {...}}}. The member is bound
     * straight from the body; no JSON tree of the whole body is built.
     */
    public <T> T as(String member, Class<T> type) {
        try (JsonParser p = mapper.createParser(body)) {
            if (app.exosphere.core.internal.json.JsonStreams.seek(p, member)
                    && p.currentToken() != JsonToken.VALUE_NULL) {
                return mapper.readValue(p, type);
            }
        } catch (IOException e) {
            throw decodingFailure(type.getSimpleName(), e);
        }
        throw new ResponseDecodingException(
                describe() + ": response has no '" + member + "' member to decode as " + type.getSimpleName(), null);
    }

    private ResponseDecodingException decodingFailure(String target, IOException e) {
        // Jackson messages may quote body fragments; keep only the location.
        String where = "";
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            where = " at line " + jpe.getLocation().getLineNr() + ", column "
                    + jpe.getLocation().getColumnNr();
        }
        return new ResponseDecodingException(
                describe() + ": could not decode the response body as " + target + where, null);
    }

    private String describe() {
        String path = url.replaceFirst("^[a-zA-Z]+://[^/]+", "").replaceFirst("\\?.*$", "");
        return service + " " + method.toUpperCase(Locale.ROOT) + " " + path
                + requestId().map(id -> " (request id " + id + ")").orElse("");
    }

    @Override
    public String toString() {
        return "OpenStackResponse{" + status + " " + method + " " + url + "}";
    }
}
