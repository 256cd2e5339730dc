package app.exosphere.core.error;

/**
 * The resource does not exist (HTTP 404). The SDK never returns null for a missing resource; it throws this.
 *
 * <pre>{@code
 * try { compute.servers().get(serverId); } catch (NotFoundException e) { System.err.println(e.openStackMessage()); }
 * }</pre>
 */
public class NotFoundException extends OpenStackServiceException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(ServiceError error) {
        super(error);
    }
}
