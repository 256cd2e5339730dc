package app.exosphere.core.error;

/**
 * The service failed internally or is unavailable (HTTP 5xx). Idempotent requests have already been retried for 502, 503 and 504.
 *
 * <pre>{@code
 * try { compute.servers().get(serverId); } catch (ServerErrorException e) { System.err.println(e.openStackMessage()); }
 * }</pre>
 */
public class ServerErrorException extends OpenStackServiceException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(ServiceError error) {
        super(error);
    }
}
