package app.exosphere.core.error;

/**
 * The request did not reach a service or did not get a usable answer: a bad configuration, a network
 * failure, a TLS problem, a timeout, an undecodable response, or a session that cannot be renewed.
 *
 * <pre>{@code
 * try { compute.servers().get(serverId); } catch (OpenStackClientException e) { log.warn("try later: {}", e.getMessage()); }
 * }</pre>
 */
public class OpenStackClientException extends OpenStackException {
    private static final long serialVersionUID = 1L;

    public OpenStackClientException(String message) {
        super(message);
    }

    public OpenStackClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
