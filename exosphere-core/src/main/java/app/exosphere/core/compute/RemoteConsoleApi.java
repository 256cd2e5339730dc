package app.exosphere.core.compute;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Microversion;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Remote console URLs: {@code POST /servers/{id}/remote-consoles} at microversion 2.6 when the cloud
 * offers it, else the legacy {@code os-getVNCConsole}/{@code os-getSPICEConsole} actions.
 *
 * <pre>{@code
 * RemoteConsole vnc =
 *         compute.servers().remoteConsoles(serverId).create(RemoteConsole.Protocol.VNC).execute();
 * }</pre>
 */
public final class RemoteConsoleApi {
    /** The microversion that introduced {@code remote-consoles}. */
    public static final String MICROVERSION = "2.6";

    private final ServiceClient nova;
    private final String serverId;

    RemoteConsoleApi(ServiceClient nova, String serverId) {
        this.nova = nova;
        this.serverId = serverId;
    }

    /** A console URL of the protocol's usual type ({@code novnc}, {@code spice-html5}, …). */
    public Call<RemoteConsole> create(RemoteConsole.Protocol protocol) {
        return create(protocol, protocol.defaultType());
    }

    /** A console URL of {@code protocol} and {@code type}. */
    public Call<RemoteConsole> create(RemoteConsole.Protocol protocol, String type) {
        // a cloud without microversions (or whose version document cannot be read) gets the legacy action
        return Operation.fromAsync(() -> nova.microversions()
                .executeAsync()
                .handle((range, e) -> e == null && range.supports(Microversion.parse(MICROVERSION)))
                .thenCompose(modern -> (modern ? modern(protocol, type) : legacy(protocol, type)).executeAsync()));
    }

    private Operation<RemoteConsole> modern(RemoteConsole.Protocol protocol, String type) {
        ObjectNode body = ServiceJson.object();
        body.putObject("remote_console").put("protocol", protocol.wire()).put("type", type);
        return Operation.of(
                () -> nova.post("servers/{id}/remote-consoles", serverId)
                        .microversion(MICROVERSION)
                        .body(body),
                r -> r.as("remote_console", RemoteConsole.class));
    }

    private Operation<RemoteConsole> legacy(RemoteConsole.Protocol protocol, String type) {
        ObjectNode body = ServiceJson.object();
        body.putObject(protocol.legacyAction()).put("type", type);
        return Operation.of(
                () -> nova.post("servers/{id}/action", serverId).body(body), r -> r.as("console", RemoteConsole.class));
    }
}
