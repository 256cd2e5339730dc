package app.exosphere.core.compute;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.quota.QuotaUsage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Nova client. Immutable and thread-safe; obtain it from {@code openStack.compute()}.
 *
 * <table>
 *   <caption>Where each API path lives</caption>
 *   <tr><td>{@code /servers...}</td><td>{@link #servers()}</td></tr>
 *   <tr><td>{@code /flavors...}</td><td>{@link #flavors()}</td></tr>
 *   <tr><td>{@code /os-keypairs...}</td><td>{@link #keypairs()}</td></tr>
 *   <tr><td>{@code /limits}</td><td>{@link #limits()}</td></tr>
 *   <tr><td>{@code /os-availability-zone}</td><td>{@link #availabilityZones()}</td></tr>
 *   <tr><td>{@code /os-quota-sets/{project}}</td><td>{@link #quotaSets()}</td></tr>
 *   <tr><td>{@code /os-quota-sets/{project}/detail}</td><td>{@link #quotaUsage(String)}</td></tr>
 * </table>
 *
 * <pre>{@code
 * ComputeClient compute = openStack.compute();
 * CreatedServer c = compute.servers().create(request).execute();
 * Server s = compute.servers().get(c.id()).execute();
 * compute.servers().actions(s).reboot(RebootType.SOFT).execute();
 * Map<String, QuotaUsage> q = compute.quotaUsage(projectId).execute();
 * long freeInstances = q.get("instances").remaining().orElse(Long.MAX_VALUE);
 * }</pre>
 */
public final class ComputeClient {
    private final ServiceClient nova;

    private ComputeClient(ServiceClient nova) {
        this.nova = nova;
    }

    /** A client on an authenticated compute transport ({@code openStack.service(ServiceType.COMPUTE)}). */
    public static ComputeClient on(ServiceClient nova) {
        Objects.requireNonNull(nova, "nova");
        if (!nova.type().equals(ServiceType.COMPUTE)) {
            throw new IllegalArgumentException("ComputeClient needs a compute transport, got " + nova.type());
        }
        return new ComputeClient(nova);
    }

    /** The underlying transport, for calls this client does not cover. */
    public ServiceClient transport() {
        return nova;
    }

    /** {@code /servers}. */
    public ServerApi servers() {
        return new ServerApi(nova);
    }

    /** {@code /flavors}. */
    public FlavorApi flavors() {
        return new FlavorApi(nova);
    }

    /** {@code /os-keypairs}. */
    public KeypairApi keypairs() {
        return new KeypairApi(nova);
    }

    /** {@code /os-quota-sets}. */
    public QuotaSetApi quotaSets() {
        return new QuotaSetApi(nova);
    }

    /**
     * {@code GET /os-quota-sets/{project_id}/detail}: limit and {@code in_use} per resource (the same
     * read as {@code network().quotaUsage} and {@code volume().quotaUsage}).
     */
    public Call<Map<String, QuotaUsage>> quotaUsage(String projectId) {
        return Operation.of(() -> nova.get("os-quota-sets/{id}/detail", projectId), r -> {
            Map<String, QuotaUsage> out = new LinkedHashMap<>();
            QuotaSetApi.fields(r).forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isObject() && v.has("limit")) {
                    out.put(
                            e.getKey(),
                            QuotaUsage.of(
                                    v.path("in_use").asLong(0), v.path("limit").asLong(-1)));
                }
            });
            return Map.copyOf(out);
        });
    }

    /** {@code GET /limits}: absolute limits and usage of the project (Exosphere's {@code OpenStack.Quotas.requestComputeQuota}). */
    public Call<ComputeLimits> limits() {
        return Operation.of(() -> nova.get("limits"), Decode.member("limits", ComputeLimits.class));
    }

    /** {@code GET /os-availability-zone}. */
    public Call<List<AvailabilityZone>> availabilityZones() {
        return Operation.of(
                () -> nova.get("os-availability-zone"), Decode.list("availabilityZoneInfo", AvailabilityZone.class));
    }

    @Override
    public String toString() {
        return "ComputeClient{" + nova.type() + "}";
    }
}
