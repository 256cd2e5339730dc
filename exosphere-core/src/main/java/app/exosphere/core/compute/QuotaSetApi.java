package app.exosphere.core.compute;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nova {@code /os-quota-sets/{project_id}}: the limit per resource. Limits with usage are
 * {@link ComputeClient#quotaUsage(String)}, named like the other services' quota usage reads.
 *
 * <pre>{@code
 * Map<String, Long> limits = compute.quotaSets().get(projectId).execute();
 * }</pre>
 */
public final class QuotaSetApi {
    private final ServiceClient nova;

    QuotaSetApi(ServiceClient nova) {
        this.nova = nova;
    }

    /** {@code GET /os-quota-sets/{project_id}}: the limit per resource (-1 unlimited). */
    public Call<Map<String, Long>> get(String projectId) {
        return Operation.of(() -> nova.get("os-quota-sets/{id}", projectId), r -> {
            Map<String, Long> out = new LinkedHashMap<>();
            fields(r).forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    out.put(e.getKey(), e.getValue().asLong());
                }
            });
            return Map.copyOf(out);
        });
    }

    static Iterator<Map.Entry<String, JsonNode>> fields(OpenStackResponse r) {
        return r.json().path("quota_set").fields();
    }
}
