package app.exosphere.core.error;

/**
 * A connection to an OpenStack endpoint could not be opened or broke off (DNS, refused, reset).
 * Idempotent requests have already been retried when this surfaces.
 *
 * <pre>{@code
 * try { compute.servers().get(serverId); } catch (ConnectionException e) { System.err.println("cloud unreachable: " + e.getMessage()); }
 * }</pre>
 */
public class ConnectionException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
