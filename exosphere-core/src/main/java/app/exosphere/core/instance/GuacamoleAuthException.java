package app.exosphere.core.instance;

import app.exosphere.core.error.OpenStackClientException;

/**
 * Logging in to an instance's Guacamole through the UAP failed. The message is what the interaction
 * reason shows after "Exosphere tried to authenticate to the Guacamole API, and received this error: "
 * and never contains the passphrase.
 *
 * <pre>{@code
 * new GuacamoleAuth(new OkHttpClient(), clock).token("proxy-js2-iu.exosphere.app", "149.165.1.2", passphrase).executeAsync().exceptionally(e -> { log.warn("web shell not ready: {}", e.getMessage()); return null; });
 * }</pre>
 */
public class GuacamoleAuthException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final int status;

    /**
     * @param url the token API URL (contains no secret)
     * @param status the HTTP status, 0 when no response was received
     * @param message what went wrong
     * @param cause the underlying error, if any
     */
    public GuacamoleAuthException(String url, int status, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.status = status;
    }

    /** The token API URL that was called. */
    public String url() {
        return url;
    }

    /** The HTTP status, 0 when the request failed before a response. */
    public int status() {
        return status;
    }
}
