package app.exosphere.cloudinit;

/**
 * Base of every error this module throws about user data: invalid options, conflicting cloud-config,
 * oversized payloads, unparseable input. Messages name the option and the problem, never the secret or
 * user-data content itself. Example:
 *
 * <pre>{@code
 * try {
 *     RenderedUserData ud = options.render();
 * } catch (UserDataException e) {
 *     log.warn("cannot build user data: {}", e.getMessage());
 * }
 * }</pre>
 */
public abstract class UserDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message that says what to do. */
    protected UserDataException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    protected UserDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
