package app.exosphere.cloudinit;

/**
 * User data that cannot be read: broken gzip, invalid Base64, a multipart document without its boundary.
 * The message describes the structure problem, never the content. Example:
 *
 * <pre>{@code
 * try {
 *     ParsedUserData p = UserData.parseBase64(userData);
 * } catch (UserDataParseException e) { log.info("not multipart user data: {}", e.getMessage()); }
 * }</pre>
 */
public final class UserDataParseException extends UserDataException {

    private static final long serialVersionUID = 1L;

    /** With a message describing the problem. */
    public UserDataParseException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public UserDataParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
