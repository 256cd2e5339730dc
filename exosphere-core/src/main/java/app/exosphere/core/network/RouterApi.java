package app.exosphere.core.network;

import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Call;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.json.ServiceJson;
import app.exosphere.core.page.Paginator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Neutron {@code /v2.0/routers}: list, get, create with an external gateway, set/clear the gateway,
 * add/remove interfaces, delete.
 *
 * <pre>{@code
 * Router r = network.routers().create("my-router", externalNetId);
 * network.routers().addInterfaceSubnet(r.id(), subnetId);
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
    public Router get(String routerId) {
        return getCall(routerId).sync();
    }

    /** Asynchronous {@link #get(String)}. */
    public CompletableFuture<Router> getAsync(String routerId) {
        return getCall(routerId).async();
    }

    private Call<Router> getCall(String id) {
        return Call.of(() -> neutron.get("routers/{id}", id), Decode.member("router", Router.class));
    }

    /** {@code POST /v2.0/routers}; {@code externalNetworkId} may be null for no gateway. */
    public Router create(String name, String externalNetworkId) {
        return createCall(name, externalNetworkId).sync();
    }

    /** Asynchronous {@link #create(String, String)}. */
    public CompletableFuture<Router> createAsync(String name, String externalNetworkId) {
        return createCall(name, externalNetworkId).async();
    }

    private Call<Router> createCall(String name, String externalNetworkId) {
        ObjectNode body = ServiceJson.object();
        ObjectNode r = body.putObject("router").put("name", name);
        if (externalNetworkId != null) {
            r.putObject("external_gateway_info").put("network_id", externalNetworkId);
        }
        r.put("admin_state_up", true);
        return Call.of(() -> neutron.post("routers").body(body), Decode.member("router", Router.class));
    }

    /** {@code PUT /v2.0/routers/{id}} with {@code external_gateway_info}; null clears the gateway. */
    public Router setExternalGateway(String routerId, String externalNetworkId) {
        return gatewayCall(routerId, externalNetworkId).sync();
    }

    /** Asynchronous {@link #setExternalGateway(String, String)}. */
    public CompletableFuture<Router> setExternalGatewayAsync(String routerId, String externalNetworkId) {
        return gatewayCall(routerId, externalNetworkId).async();
    }

    private Call<Router> gatewayCall(String routerId, String externalNetworkId) {
        ObjectNode body = ServiceJson.object();
        ObjectNode r = body.putObject("router");
        if (externalNetworkId == null) {
            r.putObject("external_gateway_info");
        } else {
            r.putObject("external_gateway_info").put("network_id", externalNetworkId);
        }
        return Call.of(() -> neutron.put("routers/{id}", routerId).body(body), Decode.member("router", Router.class));
    }

    /** {@code PUT /v2.0/routers/{id}/add_router_interface} {@code {"subnet_id": …}}. */
    public RouterInterface addInterfaceSubnet(String routerId, String subnetId) {
        return interfaceCall("add_router_interface", routerId, "subnet_id", subnetId)
                .sync();
    }

    /** Asynchronous {@link #addInterfaceSubnet(String, String)}. */
    public CompletableFuture<RouterInterface> addInterfaceSubnetAsync(String routerId, String subnetId) {
        return interfaceCall("add_router_interface", routerId, "subnet_id", subnetId)
                .async();
    }

    /** {@code PUT /v2.0/routers/{id}/add_router_interface} {@code {"port_id": …}}. */
    public RouterInterface addInterfacePort(String routerId, String portId) {
        return interfaceCall("add_router_interface", routerId, "port_id", portId)
                .sync();
    }

    /** Asynchronous {@link #addInterfacePort(String, String)}. */
    public CompletableFuture<RouterInterface> addInterfacePortAsync(String routerId, String portId) {
        return interfaceCall("add_router_interface", routerId, "port_id", portId)
                .async();
    }

    /** {@code PUT /v2.0/routers/{id}/remove_router_interface} {@code {"subnet_id": …}}. */
    public RouterInterface removeInterfaceSubnet(String routerId, String subnetId) {
        return interfaceCall("remove_router_interface", routerId, "subnet_id", subnetId)
                .sync();
    }

    /** Asynchronous {@link #removeInterfaceSubnet(String, String)}. */
    public CompletableFuture<RouterInterface> removeInterfaceSubnetAsync(String routerId, String subnetId) {
        return interfaceCall("remove_router_interface", routerId, "subnet_id", subnetId)
                .async();
    }

    /** {@code PUT /v2.0/routers/{id}/remove_router_interface} {@code {"port_id": …}}. */
    public RouterInterface removeInterfacePort(String routerId, String portId) {
        return interfaceCall("remove_router_interface", routerId, "port_id", portId)
                .sync();
    }

    /** Asynchronous {@link #removeInterfacePort(String, String)}. */
    public CompletableFuture<RouterInterface> removeInterfacePortAsync(String routerId, String portId) {
        return interfaceCall("remove_router_interface", routerId, "port_id", portId)
                .async();
    }

    private Call<RouterInterface> interfaceCall(String op, String routerId, String key, String value) {
        ObjectNode body = ServiceJson.object().put(key, value);
        return Call.of(
                () -> neutron.put("routers/{id}/" + op, routerId).body(body),
                r -> Decode.convert(r, r.json(), RouterInterface.class));
    }

    /** {@code DELETE /v2.0/routers/{id}}. */
    public void delete(String routerId) {
        deleteCall(routerId).sync();
    }

    /** Asynchronous {@link #delete(String)}. */
    public CompletableFuture<Void> deleteAsync(String routerId) {
        return deleteCall(routerId).async();
    }

    private Call<Void> deleteCall(String id) {
        return Call.noResult(() -> neutron.delete("routers/{id}", id));
    }
}
