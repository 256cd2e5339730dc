package app.exosphere.core.error;

/**
 * A launch (or other instance operation) was asked for with input that can never succeed, such as an
 * invalid instance name or a workflow metadata value over Nova's length limit. Nothing was sent to the
 * cloud. The message says which value is wrong and what to pass instead.
 *
 * <pre>{@code
 * try {
 *     ServerName.requireValid("x.y");
 * } catch (InvalidLaunchRequestException e) {
 *     System.err.println(e.getMessage()); // Invalid instance name: Instance name must only include ...
 * }
 * }</pre>
 */
public class InvalidLaunchRequestException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do instead; never contains secrets */
    public InvalidLaunchRequestException(String message) {
        super(message);
    }
}
