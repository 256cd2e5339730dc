package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A successful answer of a simulated service, before it becomes a MockResponse. */
public final class Reply {
    private final int status;
    private final String contentType;
    private final String body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Reply(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public static Reply json(int status, JsonNode node) {
        return new Reply(status, "application/json", Json.write(node));
    }

    public static Reply ok(JsonNode node) {
        return json(200, node);
    }

    public static Reply empty(int status) {
        return new Reply(status, null, "");
    }

    public static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body);
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public String body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
