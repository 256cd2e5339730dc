package app.exosphere.core.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import okhttp3.Headers;

/**
 * Status line and headers of a successful response, available before its body is read.
 *
 * @param service catalog service type of the request
 * @param method HTTP method of the request
 * @param url the request URL
 * @param status HTTP status
 * @param headers response headers
 */
public record ResponseHead(String service, String method, String url, int status, Headers headers) {
    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** {@code X-OpenStack-Request-ID}, else {@code X-Compute-Request-Id}. */
    public Optional<String> requestId() {
        return header("X-OpenStack-Request-ID").or(() -> header("X-Compute-Request-Id"));
    }

    /** The headers as a case-insensitive multimap. */
    public Map<String, List<String>> headerMap() {
        Map<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.putAll(headers.toMultimap());
        return m;
    }
}
