package app.exosphere.core.instance;

import app.exosphere.core.error.OpenStackClientException;

/**
 * An instance did not become ready: the server went to ERROR (the message carries Nova's fault message),
 * its setup reported an error, or setup exceeded Exosphere's time limits ({@link #timedOut()}).
 *
 * <pre>{@code
 * try {
 *     instance.watch().awaitReady(Duration.ofMinutes(30));
 * } catch (InstanceFailedException e) {
 *     System.err.println(e.serverId() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public class InstanceFailedException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    private final String serverId;
    private final boolean timedOut;

    /** @param timedOut whether the failure is a timeout rather than an error */
    public InstanceFailedException(String serverId, String message, boolean timedOut) {
        super(message);
        this.serverId = serverId;
        this.timedOut = timedOut;
    }

    /** The server. */
    public String serverId() {
        return serverId;
    }

    /** Whether the instance timed out (setup or the caller's wait) rather than failed. */
    public boolean timedOut() {
        return timedOut;
    }
}
