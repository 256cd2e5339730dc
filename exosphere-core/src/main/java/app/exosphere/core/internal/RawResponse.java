package app.exosphere.core.internal;

import java.util.Optional;
import okhttp3.Headers;

/** A fully read HTTP response, before it becomes a public response or an exception. */
public record RawResponse(String url, int status, Headers headers, byte[] body) {
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public String requestId() {
        String id = headers.get("X-OpenStack-Request-ID");
        return id != null ? id : headers.get("X-Compute-Request-Id");
    }

    public String contentType() {
        return headers.get("Content-Type");
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }
}
