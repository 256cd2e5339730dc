package app.exosphere.core.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a service said when it refused a request: the HTTP status, where the request went, the
 * OpenStack request id, and the message parsed from the error body (Nova/Cinder fault wrappers,
 * {@code NeutronError}, Keystone {@code error}, Glance/WebOb JSON, or a short secret-free excerpt of a
 * non-JSON body).
 *
 * <pre>{@code
 * try { compute.servers().get(serverId); } catch (OpenStackServiceException failure) {
 *     ServiceError e = failure.error();
 *     log.warn("{} {} failed with {} ({}), request {}", e.method(), e.path(), e.status(), e.message(), e.requestId());
 * }
 * }</pre>
 *
 * @param status the HTTP status code
 * @param service the catalog service type ({@code compute}, {@code identity}, ...)
 * @param method the HTTP method
 * @param path the request path (no query string, no host)
 * @param requestId the {@code X-OpenStack-Request-ID} of the response, or null
 * @param message the OpenStack message (never null; a fallback is used for empty bodies)
 * @param errorType the error kind from the body ({@code itemNotFound}, {@code NetworkNotFound},
 *     {@code Not Found}), or null
 * @param retryAfter the server's {@code Retry-After}, or null
 */
public record ServiceError(
        int status,
        String service,
        String method,
        String path,
        String requestId,
        String message,
        String errorType,
        Duration retryAfter) {

    public ServiceError {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** The request id, if the response carried one. */
    public Optional<String> requestIdValue() {
        return Optional.ofNullable(requestId);
    }

    /** The error kind from the body, if any. */
    public Optional<String> errorTypeValue() {
        return Optional.ofNullable(errorType);
    }

    /** The server's requested back-off, if any. */
    public Optional<Duration> retryAfterValue() {
        return Optional.ofNullable(retryAfter);
    }
}
