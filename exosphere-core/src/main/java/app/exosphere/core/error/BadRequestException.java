package app.exosphere.core.error;

/**
 * The service rejected the request as malformed or invalid (HTTP 400). Fix the request; retrying will not help.
 *
 * <pre>{@code
 * try { compute.servers().rename(serverId, ""); } catch (BadRequestException e) { System.err.println(e.openStackMessage()); }
 * }</pre>
 */
public class BadRequestException extends OpenStackServiceException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(ServiceError error) {
        super(error);
    }
}
