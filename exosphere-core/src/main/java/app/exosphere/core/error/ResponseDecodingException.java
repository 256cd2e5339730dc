package app.exosphere.core.error;

/**
 * A successful (2xx) response body could not be decoded into the requested type. The message names
 * the service, method, path and request id but never quotes the body.
 *
 * <pre>{@code
 * try { compute.servers().get(serverId); } catch (ResponseDecodingException e) { log.error("SDK bug: {}", e.getMessage()); }
 * }</pre>
 */
public class ResponseDecodingException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    public ResponseDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
