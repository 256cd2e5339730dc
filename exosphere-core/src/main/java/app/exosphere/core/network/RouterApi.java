package app.exosphere.core.network;

import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
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
        return getCall(routerId).execute();
    }

    /** Asynchronous {@link #get(String)}. */
    public CompletableFuture<Router> getAsync(String routerId) {
        return getCall(routerId).executeAsync();
    }

    private Operation<Router> getCall(String id) {
        return Operation.of(() -> neutron.get("routers/{id}", id), Decode.member("router", Router.class));
    }

    /** {@code POST /v2.0/routers}; {@code externalNetworkId} may be null for no gateway. */
    public Router create(String name, String externalNetworkId) {
        return createCall(name, externalNetworkId).execute();
    }

    /** Asynchronous {@link #create(String, String)}. */
    public CompletableFuture<Router> createAsync(String name, String externalNetworkId) {
        return createCall(name, externalNetworkId).executeAsync();
    }

    private Operation<Router> createCall(String name, String externalNetworkId) {
        ObjectNode body = ServiceJson.object();
        ObjectNode r = body.putObject("router").put("name", name);
        if (externalNetworkId != null) {
            r.putObject("external_gateway_info").put("network_id", externalNetworkId);
        }
        r.put("admin_state_up", true);
        return Operation.of(() -> neutron.post("routers").body(body), Decode.member("router", Router.class));
    }

    /** {@code PUT /v2.0/routers/{id}} with {@code external_gateway_info}; null clears the gateway. */
    public Router setExternalGateway(String routerId, String externalNetworkId) {
        return gatewayCall(routerId, externalNetworkId).execute();
    }

    /** Asynchronous {@link #setExternalGateway(String, String)}. */
    public CompletableFuture<Router> setExternalGatewayAsync(String routerId, String externalNetworkId) {
        return gatewayCall(routerId, externalNetworkId).executeAsync();
    }

    private Operation<Router> gatewayCall(String routerId, String externalNetworkId) {
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
    public RouterInterface addInterfaceSubnet(String routerId, String subnetId) {
        return interfaceCall("add_router_interface", routerId, "subnet_id", subnetId)
                .execute();
    }

    /** Asynchronous {@link #addInterfaceSubnet(String, String)}. */
    public CompletableFuture<RouterInterface> addInterfaceSubnetAsync(String routerId, String subnetId) {
        return interfaceCall("add_router_interface", routerId, "subnet_id", subnetId)
                .executeAsync();
    }

    /** {@code PUT /v2.0/routers/{id}/add_router_interface} {@code {"port_id": …}}. */
    public RouterInterface addInterfacePort(String routerId, String portId) {
        return interfaceCall("add_router_interface", routerId, "port_id", portId)
                .execute();
    }

    /** Asynchronous {@link #addInterfacePort(String, String)}. */
    public CompletableFuture<RouterInterface> addInterfacePortAsync(String routerId, String portId) {
        return interfaceCall("add_router_interface", routerId, "port_id", portId)
                .executeAsync();
    }

    /** {@code PUT /v2.0/routers/{id}/remove_router_interface} {@code {"subnet_id": …}}. */
    public RouterInterface removeInterfaceSubnet(String routerId, String subnetId) {
        return interfaceCall("remove_router_interface", routerId, "subnet_id", subnetId)
                .execute();
    }

    /** Asynchronous {@link #removeInterfaceSubnet(String, String)}. */
    public CompletableFuture<RouterInterface> removeInterfaceSubnetAsync(String routerId, String subnetId) {
        return interfaceCall("remove_router_interface", routerId, "subnet_id", subnetId)
                .executeAsync();
    }

    /** {@code PUT /v2.0/routers/{id}/remove_router_interface} {@code {"port_id": …}}. */
    public RouterInterface removeInterfacePort(String routerId, String portId) {
        return interfaceCall("remove_router_interface", routerId, "port_id", portId)
                .execute();
    }

    /** Asynchronous {@link #removeInterfacePort(String, String)}. */
    public CompletableFuture<RouterInterface> removeInterfacePortAsync(String routerId, String portId) {
        return interfaceCall("remove_router_interface", routerId, "port_id", portId)
                .executeAsync();
    }

    private Operation<RouterInterface> interfaceCall(String op, String routerId, String key, String value) {
        ObjectNode body = ServiceJson.object().put(key, value);
        return Operation.of(
                () -> neutron.put("routers/{id}/" + op, routerId).body(body),
                r -> Decode.convert(r, r.json(), RouterInterface.class));
    }

    /** {@code DELETE /v2.0/routers/{id}}. */
    public void delete(String routerId) {
        deleteCall(routerId).execute();
    }

    /** Asynchronous {@link #delete(String)}. */
    public CompletableFuture<Void> deleteAsync(String routerId) {
        return deleteCall(routerId).executeAsync();
    }

    private Operation<Void> deleteCall(String id) {
        return Operation.noResult(() -> neutron.delete("routers/{id}", id));
    }
}
