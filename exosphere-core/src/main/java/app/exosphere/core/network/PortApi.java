package app.exosphere.core.network;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;

/**
 * Neutron {@code /v2.0/ports}.
 *
 * <pre>{@code
 * Port first = network.ports().list(PortListOptions.builder().deviceId(serverId).build()).stream().findFirst().orElseThrow();
 * }</pre>
 */
public final class PortApi {
    private final ServiceClient neutron;

    PortApi(ServiceClient neutron) {
        this.neutron = neutron;
    }

    /** {@code GET /v2.0/ports}, every port of the project, lazily. */
    public Paginator<Port> list() {
        return list(PortListOptions.none());
    }

    /** {@code GET /v2.0/ports?device_id=…&network_id=…}, lazily. */
    public Paginator<Port> list(PortListOptions options) {
        ServiceCall c = neutron.get("ports");
        options.deviceId().ifPresent(v -> c.query("device_id", v));
        options.networkId().ifPresent(v -> c.query("network_id", v));
        options.deviceOwner().ifPresent(v -> c.query("device_owner", v));
        c.query(options.filters());
        return options.pageSize().isPresent()
                ? c.paginate("ports", Port.class, options.pageSize().get())
                : c.paginate("ports", Port.class);
    }

    /** {@code GET /v2.0/ports/{id}}. */
    public Call<Port> get(String portId) {
        return Operation.of(() -> neutron.get("ports/{id}", portId), Decode.member("port", Port.class));
    }
}
