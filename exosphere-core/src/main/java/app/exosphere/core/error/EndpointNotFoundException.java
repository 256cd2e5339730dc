package app.exosphere.core.error;

/**
 * The service catalog has no endpoint for the requested service type, region and interface (or the
 * view is unscoped and has no catalog yet). The message lists what the catalog does offer.
 *
 * <pre>{@code
 * try { placement.usages(projectId); } catch (EndpointNotFoundException e) { log.info("this cloud has no Placement service"); }
 * }</pre>
 */
public class EndpointNotFoundException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    public EndpointNotFoundException(String message) {
        super(message);
    }
}
