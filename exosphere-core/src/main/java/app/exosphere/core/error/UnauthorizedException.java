package app.exosphere.core.error;

/**
 * The service did not accept the credentials or token (HTTP 401). The SDK has already re-authenticated once and replayed the request when it could.
 *
 * <pre>{@code
 * try { compute.servers().get(serverId); } catch (UnauthorizedException e) { System.err.println(e.openStackMessage()); }
 * }</pre>
 */
public class UnauthorizedException extends OpenStackServiceException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(ServiceError error) {
        super(error);
    }
}
