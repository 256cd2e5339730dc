package app.exosphere.core.error;

/**
 * Root of every exception the SDK throws. It is unchecked: catch the specific subclasses you can act
 * on, such as {@link NotFoundException} or {@link OverLimitException}.
 *
 * <p>Two families split it: {@link OpenStackClientException} (the request never got a usable answer:
 * bad configuration, connection, timeout, TLS, expired session) and {@link OpenStackServiceException}
 * (a service answered with an error status). Messages never contain passwords, tokens, application
 * credential secrets or user data.
 *
 * <pre>{@code
 * try {
 *     nova.get("servers/{id}", id).execute();
 * } catch (NotFoundException e) {
 *     // gone
 * } catch (OpenStackException e) {
 *     log.warn("OpenStack call failed: {}", e.getMessage());
 * }
 * }</pre>
 */
public abstract class OpenStackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected OpenStackException(String message) {
        super(message);
    }

    protected OpenStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
