package app.exosphere.core.error;

import java.time.Instant;
import java.util.Optional;

/**
 * The session was built from a token (or an OIDC access token) that has expired or was revoked, and
 * the SDK holds nothing it could re-authenticate with. Build a new {@code OpenStack} with fresh
 * credentials.
 *
 * <pre>{@code
 * try { compute.servers().list().toList(); } catch (AuthenticationExpiredException e) { log.info("session over: log in again"); }
 * }</pre>
 */
public class AuthenticationExpiredException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    private final Instant expiredAt;

    public AuthenticationExpiredException(String message, Instant expiredAt) {
        super(message);
        this.expiredAt = expiredAt;
    }

    /** When the token expired, if known. */
    public Optional<Instant> expiredAt() {
        return Optional.ofNullable(expiredAt);
    }
}
