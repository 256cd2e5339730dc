package app.exosphere.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A quota or rate limit was hit (HTTP 413 or 429). {@link #retryAfter()} tells how long the service
 * asked to wait, when it said so. Idempotent requests have already honoured {@code Retry-After} and
 * been retried when this surfaces.
 *
 * <pre>{@code
 * try { compute.servers().list().toList(); } catch (OverLimitException e) {
 *     Thread.sleep(e.retryAfter().orElse(Duration.ofSeconds(30)).toMillis());
 * }
 * }</pre>
 */
public class OverLimitException extends OpenStackServiceException {
    private static final long serialVersionUID = 1L;

    public OverLimitException(ServiceError error) {
        super(error);
    }

    /** The back-off the service asked for ({@code Retry-After} header or Nova's {@code retryAfter}). */
    public Optional<Duration> retryAfter() {
        return error().retryAfterValue();
    }
}
