package app.exosphere.core.network;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Neutron {@code /v2.0/routers}: list, get, create with an external gateway, set/clear the gateway,
 * add/remove interfaces, delete.
 *
 * <pre>{@code
 * Router r = network.routers().create("my-router", externalNetId).execute();
 * network.routers().addInterfaceSubnet(r.id(), subnetId).execute();
 * }</pre>
 */
public final class RouterApi {
    private final ServiceClient neutron;

    RouterApi(ServiceClient neutron) {
        this.neutron = neutron;
    }

    /** {@code GET /v2.0/routers}, lazily. */
    public Paginator<Router> list() {
        return list(Map.of());
    }

    /** {@code GET /v2.0/routers?key=value…}. */
    public Paginator<Router> list(Map<String, String> filters) {
        return NetworkClient.page(neutron.get("routers"), "routers", Router.class, filters);
    }

    /** {@code GET /v2.0/routers/{id}}. */
    public Call<Router> get(String routerId) {
        return Operation.of(() -> neutron.get("routers/{id}", routerId), Decode.member("router", Router.class));
    }

    /** {@code POST /v2.0/routers}; {@code externalNetworkId} may be null for no gateway. */
    public Call<Router> create(String name, String externalNetworkId) {
        ObjectNode body = ServiceJson.object();
        ObjectNode r = body.putObject("router").put("name", name);
        if (externalNetworkId != null) {
            r.putObject("external_gateway_info").put("network_id", externalNetworkId);
        }
        r.put("admin_state_up", true);
        return Operation.of(() -> neutron.post("routers").body(body), Decode.member("router", Router.class));
    }

    /** {@code PUT /v2.0/routers/{id}} with {@code external_gateway_info}; null clears the gateway. */
    public Call<Router> setExternalGateway(String routerId, String externalNetworkId) {
        ObjectNode body = ServiceJson.object();
        ObjectNode r = body.putObject("router");
        if (externalNetworkId == null) {
            r.putObject("external_gateway_info");
        } else {
            r.putObject("external_gateway_info").put("network_id", externalNetworkId);
        }
        return Operation.of(
                () -> neutron.put("routers/{id}", routerId).body(body), Decode.member("router", Router.class));
    }

    /** {@code PUT /v2.0/routers/{id}/add_router_interface} {@code {"subnet_id": …}}. */
    public Call<RouterInterface> addInterfaceSubnet(String routerId, String subnetId) {
        return interfaceOperation("add_router_interface", routerId, "subnet_id", subnetId);
    }

    /** {@code PUT /v2.0/routers/{id}/add_router_interface} {@code {"port_id": …}}. */
    public Call<RouterInterface> addInterfacePort(String routerId, String portId) {
        return interfaceOperation("add_router_interface", routerId, "port_id", portId);
    }

    /** {@code PUT /v2.0/routers/{id}/remove_router_interface} {@code {"subnet_id": …}}. */
    public Call<RouterInterface> removeInterfaceSubnet(String routerId, String subnetId) {
        return interfaceOperation("remove_router_interface", routerId, "subnet_id", subnetId);
    }

    /** {@code PUT /v2.0/routers/{id}/remove_router_interface} {@code {"port_id": …}}. */
    public Call<RouterInterface> removeInterfacePort(String routerId, String portId) {
        return interfaceOperation("remove_router_interface", routerId, "port_id", portId);
    }

    private Operation<RouterInterface> interfaceOperation(String op, String routerId, String key, String value) {
        ObjectNode body = ServiceJson.object().put(key, value);
        return Operation.of(
                () -> neutron.put("routers/{id}/" + op, routerId).body(body),
                r -> Decode.convert(r, r.json(), RouterInterface.class));
    }

    /** {@code DELETE /v2.0/routers/{id}}. */
    public Call<Void> delete(String routerId) {
        return Operation.noResult(() -> neutron.delete("routers/{id}", routerId));
    }
}
