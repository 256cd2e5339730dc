package app.exosphere.core.error;

/**
 * A private SSH key was given where a public key belongs (a keypair import or a launch's SSH keys).
 * Nothing was sent to the cloud, and the key is not in the message. Pass the contents of the
 * {@code .pub} file instead (Exosphere's keypair form refuses it with the same message).
 *
 * <pre>{@code
 * try {
 *     app.exosphere.core.rules.SshKeyType.requireNotPrivate("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl");
 * } catch (PrivateKeyDetectedException e) {
 *     System.err.println(e.getMessage()); // Private key detected! Enter a public key instead. ...
 * }
 * }</pre>
 */
public class PrivateKeyDetectedException extends InvalidLaunchRequestException {
    private static final long serialVersionUID = 1L;

    /** @param message what to pass instead; never contains the key */
    public PrivateKeyDetectedException(String message) {
        super(message);
    }
}
