package app.exosphere.core.error;

/**
 * The TLS handshake failed: an untrusted or expired certificate, a hostname mismatch, or a bad client
 * certificate. Configure a CA bundle ({@code cacert} in clouds.yaml) rather than turning
 * verification off.
 *
 * <pre>{@code
 * try { compute.servers().get(serverId); } catch (TlsException e) { System.err.println("check the cloud's CA bundle: " + e.getMessage()); }
 * }</pre>
 */
public class TlsException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
