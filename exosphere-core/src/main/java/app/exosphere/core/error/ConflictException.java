package app.exosphere.core.error;

/**
 * The request conflicts with the resource's current state (HTTP 409), e.g. acting on a server that is still building, or a duplicate name.
 *
 * <pre>{@code
 * try { compute.servers().delete(serverId); } catch (ConflictException e) { System.err.println(e.openStackMessage()); }
 * }</pre>
 */
public class ConflictException extends OpenStackServiceException {
    private static final long serialVersionUID = 1L;

    public ConflictException(ServiceError error) {
        super(error);
    }
}
