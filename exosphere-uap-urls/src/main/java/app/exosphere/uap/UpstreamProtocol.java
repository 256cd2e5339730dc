package app.exosphere.uap;

/**
 * The protocol the UAP speaks to the service on the instance. The client always talks HTTPS to the UAP;
 * this only selects the upstream leg, through the first label of the request host.
 *
 * <pre>{@code
 * UpstreamProtocol.HTTP.hostnamePrefix(); // "http-"
 * }</pre>
 */
public enum UpstreamProtocol {
    /** Plain HTTP upstream, selected by the {@code http-} prefix (Guacamole, Jupyter). */
    HTTP("http-"),
    /**
     * HTTPS upstream (certificate not verified by the UAP), the UAP's default: derived hostnames carry no
     * prefix, and an explicit {@code https-} prefix is accepted when parsing.
     */
    HTTPS("");

    private final String prefix;

    UpstreamProtocol(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix this protocol puts in front of the dashed IP in a derived hostname ({@code ""} for HTTPS). */
    public String hostnamePrefix() {
        return prefix;
    }
}
