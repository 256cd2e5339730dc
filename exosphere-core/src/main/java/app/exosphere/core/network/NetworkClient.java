package app.exosphere.core.network;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.quota.QuotaUsage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Neutron v2.0 client. Immutable and thread-safe; obtain it from {@code openStack.network()}.
 *
 * <table>
 *   <caption>Where each API path lives</caption>
 *   <tr><td>{@code /v2.0/networks}</td><td>{@link #networks()}</td></tr>
 *   <tr><td>{@code /v2.0/auto-allocated-topology/{project}}</td><td>{@link #autoAllocatedTopology(String)}</td></tr>
 *   <tr><td>{@code /v2.0/subnets}</td><td>{@link #subnets()}</td></tr>
 *   <tr><td>{@code /v2.0/routers}</td><td>{@link #routers()}</td></tr>
 *   <tr><td>{@code /v2.0/ports}</td><td>{@link #ports()}</td></tr>
 *   <tr><td>{@code /v2.0/floatingips}</td><td>{@link #floatingIps()}</td></tr>
 *   <tr><td>{@code /v2.0/security-groups}, {@code /security-group-rules}</td><td>{@link #securityGroups()}</td></tr>
 *   <tr><td>{@code /v2.0/quotas/{project}/details.json}</td><td>{@link #quotaUsage(String)}</td></tr>
 * </table>
 *
 * <pre>{@code
 * NetworkClient neutron = openStack.network();
 * Network ext = neutron.networks().list().stream().filter(Network::external).findFirst().orElseThrow();
 * FloatingIp fip = neutron.floatingIps().create(FloatingIpCreateRequest.builder().floatingNetworkId(ext.id()).portId(portId).build()).execute();
 * }</pre>
 */
public final class NetworkClient {
    private final ServiceClient neutron;

    private NetworkClient(ServiceClient neutron) {
        this.neutron = neutron;
    }

    /** A client on an authenticated network transport ({@code openStack.service(ServiceType.NETWORK)}). */
    public static NetworkClient on(ServiceClient neutron) {
        Objects.requireNonNull(neutron, "neutron");
        if (!neutron.type().equals(ServiceType.NETWORK)) {
            throw new IllegalArgumentException("NetworkClient needs a network transport, got " + neutron.type());
        }
        return new NetworkClient(neutron);
    }

    /** The underlying transport, for calls this client does not cover. */
    public ServiceClient transport() {
        return neutron;
    }

    /** {@code /v2.0/networks}. */
    public NetworkApi networks() {
        return new NetworkApi(neutron);
    }

    /** {@code /v2.0/subnets}. */
    public SubnetApi subnets() {
        return new SubnetApi(neutron);
    }

    /** {@code /v2.0/routers}. */
    public RouterApi routers() {
        return new RouterApi(neutron);
    }

    /** {@code /v2.0/ports}. */
    public PortApi ports() {
        return new PortApi(neutron);
    }

    /** {@code /v2.0/floatingips}. */
    public FloatingIpApi floatingIps() {
        return new FloatingIpApi(neutron);
    }

    /** {@code /v2.0/security-groups} and {@code /v2.0/security-group-rules}. */
    public SecurityGroupApi securityGroups() {
        return new SecurityGroupApi(neutron);
    }

    /**
     * {@code GET /v2.0/auto-allocated-topology/{project_id}}: the project's auto-allocated network,
     * which Neutron creates (network, subnet, router) on the first call (Exosphere's {@code Rest.Neutron.requestAutoAllocatedNetwork}).
     */
    public Call<AutoAllocatedTopology> autoAllocatedTopology(String projectId) {
        return Operation.of(
                () -> neutron.get("auto-allocated-topology/{project}", projectId),
                Decode.member("auto_allocated_topology", AutoAllocatedTopology.class));
    }

    /** {@code DELETE /v2.0/auto-allocated-topology/{project_id}}: removes what auto-allocation created. */
    public Call<Void> deleteAutoAllocatedTopology(String projectId) {
        return Operation.noResult(() -> neutron.delete("auto-allocated-topology/{project}", projectId));
    }

    /**
     * {@code GET /v2.0/quotas/{project_id}/details.json}: used and limit per resource (Exosphere's
     * {@code OpenStack.Quotas} reads {@code floatingip}).
     */
    public Call<Map<String, QuotaUsage>> quotaUsage(String projectId) {
        return Operation.of(() -> neutron.get("quotas/{project}/details.json", projectId), r -> {
            Map<String, QuotaUsage> out = new LinkedHashMap<>();
            r.json().path("quota").fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                out.put(
                        e.getKey(),
                        QuotaUsage.of(v.path("used").asLong(0), v.path("limit").asLong(-1)));
            });
            return Map.copyOf(out);
        });
    }

    /** {@code GET /v2.0/quotas/{project_id}}: the limit per resource (-1 unlimited). */
    public Call<Map<String, Long>> quotas(String projectId) {
        return Operation.of(() -> neutron.get("quotas/{project}", projectId), r -> {
            Map<String, Long> out = new LinkedHashMap<>();
            r.json()
                    .path("quota")
                    .fields()
                    .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
            return Map.copyOf(out);
        });
    }

    static <T> Paginator<T> page(ServiceCall c, String key, Class<T> type, Map<String, String> filters) {
        c.query(filters);
        return c.paginate(key, type);
    }

    @Override
    public String toString() {
        return "NetworkClient{" + neutron.type() + "}";
    }
}
