package app.exosphere.core.error;

/**
 * An operation needs a higher API microversion than the cloud (or the configured client maximum)
 * offers, e.g. "this operation needs compute &ge; 2.37, cloud offers &le; 2.25".
 *
 * <pre>{@code
 * try { nova.get("servers/{id}", serverId).microversion("2.96").execute(); }
 * catch (MicroversionNotSupportedException e) { nova.get("servers/{id}", serverId).execute(); }
 * }</pre>
 */
public class MicroversionNotSupportedException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String required;
    private final String offered;

    public MicroversionNotSupportedException(String service, String required, String offered, String detail) {
        super("this operation needs " + service + " \u2265 " + required + ", " + detail);
        this.service = service;
        this.required = required;
        this.offered = offered;
    }

    /** The microversion header service name ({@code compute}, {@code volume}, {@code placement}). */
    public String service() {
        return service;
    }

    /** The microversion the operation needs. */
    public String required() {
        return required;
    }

    /** The highest microversion available (server and client maximum combined). */
    public String offered() {
        return offered;
    }
}
