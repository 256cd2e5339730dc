package app.exosphere.uap;

import app.exosphere.uap.InvalidUapValueException.Reason;
import java.util.Locale;
import java.util.Objects;

/**
 * A service on an instance as the UAP sees it: upstream protocol, IPv4 address and port. It is what a
 * UAP request host encodes ({@link #requestHost(String)}) and what {@link #parseRequestHost(String,
 * String)} recovers from one, e.g. for a UAP operator's tooling or a gateway's own reverse proxy.
 *
 * <pre>{@code
 * UapTarget guacamole = UapTarget.http("149.165.157.212", 49528);
 * guacamole.requestHost("proxy-js2-iu.exosphere.app"); // "http-149-165-157-212-49528.proxy-js2-iu.exosphere.app"
 * UapTarget.parseRequestHost("proxy-js2-iu.exosphere.app", "http-149-165-0-5-49528.proxy-js2-iu.exosphere.app");
 * // UapTarget[protocol=HTTP, ipv4=149.165.0.5, port=49528]
 * }</pre>
 *
 * @param protocol the upstream protocol
 * @param ipv4 the instance's IPv4 address, dotted decimal without leading zeros
 * @param port the upstream TCP port, 1–65535
 */
public record UapTarget(UpstreamProtocol protocol, String ipv4, int port) {

    /**
     * Validates the address and port.
     *
     * @throws InvalidUapValueException for an IPv6 or malformed IPv4 address or a port outside 1–65535
     */
    public UapTarget {
        Objects.requireNonNull(protocol, "protocol");
        UapValues.ipv4(ipv4);
        UapValues.port(port);
    }

    /** A plain-HTTP service (the {@code http-} prefix), like Guacamole on 49528 or Jupyter on 8888. */
    public static UapTarget http(String ipv4, int port) {
        return new UapTarget(UpstreamProtocol.HTTP, ipv4, port);
    }

    /** An HTTPS service (no prefix; the UAP does not verify its certificate). */
    public static UapTarget https(String ipv4, int port) {
        return new UapTarget(UpstreamProtocol.HTTPS, ipv4, port);
    }

    /**
     * The first DNS label of this target's UAP hostname: {@code [http-]<a-b-c-d>-<port>}, octets not
     * zero-padded (Exosphere's {@code Helpers.Url.buildProxyUrl}).
     */
    public String label() {
        return protocol.hostnamePrefix() + ipv4.replace('.', '-') + "-" + port;
    }

    /**
     * The host a client requests to reach this target through the UAP: {@code <label>.<uapHostname>}.
     *
     * @throws InvalidUapValueException if the UAP hostname is malformed or the result exceeds 253 characters
     */
    public String requestHost(String uapHostname) {
        UapValues.hostname("UAP hostname", uapHostname);
        String host = label() + "." + uapHostname;
        if (host.length() > UapValues.MAX_HOSTNAME_LENGTH) {
            throw new InvalidUapValueException(
                    Reason.MALFORMED_HOSTNAME,
                    uapHostname,
                    "UAP hostname '" + uapHostname + "' is too long: the derived host '" + host + "' exceeds "
                            + UapValues.MAX_HOSTNAME_LENGTH + " characters");
        }
        return host;
    }

    /**
     * Recovers the target from the host of a request that reached the UAP, like the UAP's nginx does
     * (Exosphere's {@code docs/user-app-proxy.md}): case-insensitive, an optional {@code http-} or {@code https-} prefix (none
     * means HTTPS), four decimal octets 0–255 and a port 1–65535, neither zero-padded, then exactly
     * {@code .<uapHostname>}. A trailing {@code :port} (as in an HTTP {@code Host} header) is ignored.
     *
     * @param uapHostname the UAP's own hostname, e.g. {@code proxy-js2-iu.exosphere.app}
     * @param requestHost the requested host, e.g. {@code http-149-165-0-5-49528.proxy-js2-iu.exosphere.app}
     * @throws InvalidUapValueException with {@link Reason#MALFORMED_REQUEST_HOST} naming the request host
     *     and what is wrong, or {@link Reason#MALFORMED_HOSTNAME} for a malformed UAP hostname
     */
    public static UapTarget parseRequestHost(String uapHostname, String requestHost) {
        UapValues.hostname("UAP hostname", uapHostname);
        if (requestHost == null || requestHost.isEmpty()) {
            throw badRequestHost(requestHost, "it is empty");
        }
        String host = requestHost;
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && UapValues.isAsciiDigits(host.substring(colon + 1))) {
            host = host.substring(0, colon);
        }
        if (host.indexOf(':') >= 0 || host.indexOf('[') >= 0) {
            throw badRequestHost(requestHost, "it is not a DNS name below " + uapHostname);
        }
        String lower = host.toLowerCase(Locale.ROOT);
        String suffix = "." + uapHostname.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(suffix)) {
            throw badRequestHost(requestHost, "it does not end with '." + uapHostname + "'");
        }
        String label = lower.substring(0, lower.length() - suffix.length());
        if (label.isEmpty()) {
            throw badRequestHost(
                    requestHost, "expected '[http-]<a>-<b>-<c>-<d>-<port>' in front of '." + uapHostname + "'");
        }
        if (label.indexOf('.') >= 0) {
            throw badRequestHost(
                    requestHost,
                    "expected exactly one label in front of '." + uapHostname + "', found '" + label + "'");
        }
        UpstreamProtocol protocol = UpstreamProtocol.HTTPS;
        if (label.startsWith("http-")) {
            protocol = UpstreamProtocol.HTTP;
            label = label.substring("http-".length());
        } else if (label.startsWith("https-")) {
            label = label.substring("https-".length());
        }
        String[] parts = label.split("-", -1);
        if (parts.length != 5) {
            throw badRequestHost(
                    requestHost,
                    "expected '[http-]<a>-<b>-<c>-<d>-<port>' in front of '." + uapHostname + "', e.g. "
                            + "'http-149-165-157-212-49528'");
        }
        String ip = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        String portText = parts[4];
        try {
            UapValues.ipv4(ip);
        } catch (InvalidUapValueException e) {
            throw badRequestHost(requestHost, e.getMessage());
        }
        if (!UapValues.isAsciiDigits(portText) || portText.length() > 5) {
            throw badRequestHost(requestHost, "port '" + portText + "' is not a decimal number 1-65535");
        }
        if (portText.length() > 1 && portText.charAt(0) == '0') {
            throw badRequestHost(requestHost, "port '" + portText + "' has a leading zero");
        }
        int port = Integer.parseInt(portText);
        if (port < 1 || port > 65535) {
            throw badRequestHost(requestHost, "port " + port + " is out of range 1-65535");
        }
        return new UapTarget(protocol, ip, port);
    }

    private static InvalidUapValueException badRequestHost(String requestHost, String why) {
        return new InvalidUapValueException(
                Reason.MALFORMED_REQUEST_HOST,
                requestHost,
                "request host " + (requestHost == null ? "null" : "'" + requestHost + "'") + " is not a UAP host: "
                        + why);
    }
}
