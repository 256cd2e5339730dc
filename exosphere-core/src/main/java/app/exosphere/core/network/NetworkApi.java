package app.exosphere.core.network;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import java.util.Map;

/**
 * Neutron {@code /v2.0/networks} (read-only: Exosphere never creates networks itself).
 *
 * <pre>{@code
 * network.networks().list(Map.of("router:external", "true")).toList();
 * }</pre>
 */
public final class NetworkApi {
    private final ServiceClient neutron;

    NetworkApi(ServiceClient neutron) {
        this.neutron = neutron;
    }

    /** {@code GET /v2.0/networks}, lazily. */
    public Paginator<Network> list() {
        return list(Map.of());
    }

    /** {@code GET /v2.0/networks?key=value…} (e.g. {@code router:external=true}, {@code name=…}). */
    public Paginator<Network> list(Map<String, String> filters) {
        return NetworkClient.page(neutron.get("networks"), "networks", Network.class, filters);
    }

    /** {@code GET /v2.0/networks/{id}}. */
    public Call<Network> get(String networkId) {
        return Operation.of(() -> neutron.get("networks/{id}", networkId), Decode.member("network", Network.class));
    }
}
