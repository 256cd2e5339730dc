package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One request as a simulated service sees it: method, the path segments after the service's
 * endpoint (percent-decoded), query and body. Built by the dispatcher, read by the handlers.
 */
public final class Exchange {
    private final String method;
    private final HttpUrl url;
    private final List<String> segments;
    private final Headers headers;
    private final byte[] body;
    private final String baseUrl;
    private JsonNode json;
    private boolean jsonParsed;

    public Exchange(String method, HttpUrl url, List<String> segments, Headers headers, byte[] body, String baseUrl) {
        this.method = method;
        this.url = url;
        this.segments = List.copyOf(segments);
        this.headers = headers;
        this.body = body;
        this.baseUrl = baseUrl;
    }

    public String method() {
        return method;
    }

    public HttpUrl url() {
        return url;
    }

    /** The service-relative path segments, percent-decoded. */
    public List<String> segments() {
        return segments;
    }

    public int size() {
        return segments.size();
    }

    public String seg(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    public boolean is(String m, String... path) {
        if (!method.equals(m) || path.length != segments.size()) {
            return false;
        }
        for (int i = 0; i < path.length; i++) {
            if (!path[i].equals("*") && !path[i].equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    public boolean matches(String... path) {
        if (path.length != segments.size()) {
            return false;
        }
        for (int i = 0; i < path.length; i++) {
            if (!path[i].equals("*") && !path[i].equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public Headers headers() {
        return headers;
    }

    public String query(String name) {
        return url.queryParameter(name);
    }

    public List<String> queryAll(String name) {
        return url.queryParameterValues(name);
    }

    /** The endpoint URL this service was reached at (no trailing slash). */
    public String baseUrl() {
        return baseUrl;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public byte[] bodyBytes() {
        return body.clone();
    }

    /** The JSON body, or {@code null} when empty or not JSON. */
    public JsonNode json() {
        if (!jsonParsed) {
            json = body.length == 0 ? null : Json.parse(bodyText());
            jsonParsed = true;
        }
        return json;
    }

    /** The JSON body's object member {@code key}, or a 400 in the service's words. */
    public ObjectNode requireObject(String key) {
        JsonNode root = json();
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "Malformed request body");
        }
        JsonNode inner = root.get(key);
        if (inner == null || !inner.isObject()) {
            throw new ApiException(
                    400,
                    "Invalid input for field/attribute " + key + ". Value: " + root + ". '" + key
                            + "' is a required property");
        }
        return (ObjectNode) inner;
    }

    public int intQuery(String name, int defaultValue) {
        String v = query(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ApiException(400, "limit param must be an integer");
        }
    }
}
