package app.exosphere.core.internal;

import java.time.Duration;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One logical HTTP call: where, what, and how it may be retried and authenticated.
 *
 * @param service catalog service type (for logs and errors)
 * @param method HTTP method
 * @param url full URL
 * @param headers extra headers (microversion, content type, ...)
 * @param body body bytes, or null
 * @param contentType body content type, or null
 * @param idempotent whether retries are allowed
 * @param auth token supplier, or null for unauthenticated calls
 * @param timeout the whole call's deadline instead of the transport's call timeout, or null
 */
public record Exchange(
        String service,
        String method,
        HttpUrl url,
        Headers headers,
        byte[] body,
        String contentType,
        boolean idempotent,
        AuthBinding auth,
        Duration timeout) {

    /** An exchange under the transport's own timeouts. */
    public Exchange(
            String service,
            String method,
            HttpUrl url,
            Headers headers,
            byte[] body,
            String contentType,
            boolean idempotent,
            AuthBinding auth) {
        this(service, method, url, headers, body, contentType, idempotent, auth, null);
    }
}
