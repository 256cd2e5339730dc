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
 * Neutron {@code /v2.0/floatingips} (Exosphere's {@code Helpers.getNewFloatingIpOption}).
 *
 * <pre>{@code
 * FloatingIp fip = network.floatingIps().create(FloatingIpCreateRequest.builder().floatingNetworkId(externalNetId).portId(portId).build()).execute();
 * network.floatingIps().dissociate(fip.id()).execute();
 * network.floatingIps().delete(fip.id()).execute();
 * }</pre>
 */
public final class FloatingIpApi {
    private final ServiceClient neutron;

    FloatingIpApi(ServiceClient neutron) {
        this.neutron = neutron;
    }

    /** {@code GET /v2.0/floatingips}, lazily. */
    public Paginator<FloatingIp> list() {
        return list(Map.of());
    }

    /** {@code GET /v2.0/floatingips?key=value…}. */
    public Paginator<FloatingIp> list(Map<String, String> filters) {
        return NetworkClient.page(neutron.get("floatingips"), "floatingips", FloatingIp.class, filters);
    }

    /** {@code GET /v2.0/floatingips?port_id=…}: the floating IPs of one port. */
    public Paginator<FloatingIp> listByPort(String portId) {
        return list(Map.of("port_id", portId));
    }

    /** {@code GET /v2.0/floatingips/{id}}. */
    public Call<FloatingIp> get(String id) {
        return Operation.of(() -> neutron.get("floatingips/{id}", id), Decode.member("floatingip", FloatingIp.class));
    }

    /** {@code POST /v2.0/floatingips}. */
    public Call<FloatingIp> create(FloatingIpCreateRequest request) {
        ObjectNode body = request.toJson();
        return Operation.of(
                () -> neutron.post("floatingips").body(body), Decode.member("floatingip", FloatingIp.class));
    }

    /** {@code PUT /v2.0/floatingips/{id}} {@code {"floatingip":{"port_id": …}}}: associate with a port. */
    public Call<FloatingIp> associate(String id, String portId) {
        return portOperation(id, portId);
    }

    /** {@code PUT /v2.0/floatingips/{id}} {@code {"floatingip":{"port_id": null}}}: unassign. */
    public Call<FloatingIp> dissociate(String id) {
        return portOperation(id, null);
    }

    private Operation<FloatingIp> portOperation(String id, String portId) {
        ObjectNode body = ServiceJson.object();
        ObjectNode f = body.putObject("floatingip");
        if (portId == null) {
            f.putNull("port_id");
        } else {
            f.put("port_id", portId);
        }
        return Operation.of(
                () -> neutron.put("floatingips/{id}", id).body(body), Decode.member("floatingip", FloatingIp.class));
    }

    /** {@code DELETE /v2.0/floatingips/{id}}. */
    public Call<Void> delete(String id) {
        return Operation.noResult(() -> neutron.delete("floatingips/{id}", id));
    }
}
