package app.exosphere.uap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The URLs of the Guacamole deployment that Exosphere puts on an instance (plain HTTP on port 49528,
 * web app under {@code /guacamole}), reached through the UAP (Exosphere's {@code Interaction.interactionStatus} and {@code GoalServer.stepServerGuacamoleAuth}).
 *
 * <pre>{@code
 * GuacamoleUrls.tokenApi("proxy-js2-iu.exosphere.app", "149.165.157.212");
 * // https://http-149-165-157-212-49528.proxy-js2-iu.exosphere.app/guacamole/api/tokens
 * GuacamoleUrls.terminal("proxy-js2-tacc.exosphere.app", "129.114.104.5", "0123abcd");
 * // https://http-129-114-104-5-49528.proxy-js2-tacc.exosphere.app/guacamole/#/client/c2hlbGwAYwBkZWZhdWx0?token=…
 * }</pre>
 */
public final class GuacamoleUrls {
    private GuacamoleUrls() {}

    /** The host port on which the instance publishes Guacamole. */
    public static final int PORT = 49528;

    /** The Guacamole connection name of the web shell (SSH to the instance as exouser). */
    public static final String TERMINAL_CONNECTION = "shell";

    /** The Guacamole connection name of the graphical desktop (VNC on display :1). */
    public static final String DESKTOP_CONNECTION = "desktop";

    /** The client identifier of the terminal connection: {@code c2hlbGwAYwBkZWZhdWx0}. */
    public static final String TERMINAL_CLIENT_ID = clientId(TERMINAL_CONNECTION);

    /** The client identifier of the desktop connection: {@code ZGVza3RvcABjAGRlZmF1bHQ=}. */
    public static final String DESKTOP_CLIENT_ID = clientId(DESKTOP_CONNECTION);

    /**
     * Guacamole's client identifier of a connection: Base64 of {@code <name>\0c\0default} (connection
     * type {@code c}, data source {@code default}).
     */
    public static String clientId(String connectionName) {
        Objects.requireNonNull(connectionName, "connectionName");
        String raw = connectionName + "\0c\0default";
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The Guacamole service of an instance: HTTP upstream, port 49528. */
    public static UapTarget target(String instanceIpv4) {
        return UapTarget.http(instanceIpv4, PORT);
    }

    /**
     * The token API, to which {@code POST username=exouser&password=<passphrase>} (form-encoded) returns
     * {@code {"authToken": …}}.
     */
    public static UapUrl tokenApi(String uapHostname, String instanceIpv4) {
        return UapUrl.builder()
                .uapHostname(uapHostname)
                .target(target(instanceIpv4))
                .pathSegments("guacamole", "api", "tokens")
                .build();
    }

    /** The web shell (terminal) client URL for a Guacamole auth token. */
    public static UapUrl terminal(String uapHostname, String instanceIpv4, String authToken) {
        return client(uapHostname, instanceIpv4, TERMINAL_CLIENT_ID, authToken);
    }

    /** The graphical desktop client URL for a Guacamole auth token. */
    public static UapUrl desktop(String uapHostname, String instanceIpv4, String authToken) {
        return client(uapHostname, instanceIpv4, DESKTOP_CLIENT_ID, authToken);
    }

    /**
     * A client URL: {@code /guacamole/#/client/<clientId>?token=<token>}; everything after {@code #} is
     * the fragment read by Guacamole's client-side router.
     */
    public static UapUrl client(String uapHostname, String instanceIpv4, String clientId, String authToken) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authToken, "authToken");
        return UapUrl.builder()
                .uapHostname(uapHostname)
                .target(target(instanceIpv4))
                .pathSegments("guacamole", "#", "client", clientId)
                .addQueryParameter("token", authToken)
                .build();
    }
}
