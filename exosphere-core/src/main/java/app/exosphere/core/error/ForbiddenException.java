package app.exosphere.core.error;

/**
 * The authenticated user may not perform this operation (HTTP 403), typically a policy or role restriction.
 *
 * <pre>{@code
 * try { compute.servers().delete(serverId); } catch (ForbiddenException e) { System.err.println(e.openStackMessage()); }
 * }</pre>
 */
public class ForbiddenException extends OpenStackServiceException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(ServiceError error) {
        super(error);
    }
}
