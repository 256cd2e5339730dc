package app.exosphere.core.error;

/**
 * A connect, read or whole-call timeout elapsed. Raise the timeouts on the
 * {@code OpenStack.Builder} if the cloud is slow.
 *
 * <pre>{@code
 * try { compute.servers().get(serverId); } catch (app.exosphere.core.error.TimeoutException e) { log.warn("slow cloud"); }
 * }</pre>
 */
public class TimeoutException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
