package app.exosphere.core.network;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import java.util.Map;

/**
 * Neutron {@code /v2.0/subnets}.
 *
 * <pre>{@code
 * network.subnets().list(Map.of("network_id", netId)).toList();
 * }</pre>
 */
public final class SubnetApi {
    private final ServiceClient neutron;

    SubnetApi(ServiceClient neutron) {
        this.neutron = neutron;
    }

    /** {@code GET /v2.0/subnets}, lazily. */
    public Paginator<Subnet> list() {
        return list(Map.of());
    }

    /** {@code GET /v2.0/subnets?key=value…}. */
    public Paginator<Subnet> list(Map<String, String> filters) {
        return NetworkClient.page(neutron.get("subnets"), "subnets", Subnet.class, filters);
    }

    /** {@code GET /v2.0/subnets/{id}}. */
    public Call<Subnet> get(String subnetId) {
        return Operation.of(() -> neutron.get("subnets/{id}", subnetId), Decode.member("subnet", Subnet.class));
    }
}
