package app.exosphere.core.compute;

import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.quota.QuotaUsage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Nova {@code /os-quota-sets/{project_id}}: limits per resource, or limits with usage ({@code /detail}).
 *
 * <pre>{@code
 * Map<String, QuotaUsage> q = compute.quotaSets().detail(projectId);
 * long freeInstances = q.get("instances").remaining().orElse(Long.MAX_VALUE);
 * }</pre>
 */
public final class QuotaSetApi {
    private final ServiceClient nova;

    QuotaSetApi(ServiceClient nova) {
        this.nova = nova;
    }

    /** {@code GET /os-quota-sets/{project_id}}: the limit per resource (-1 unlimited). */
    public Map<String, Long> get(String projectId) {
        return getCall(projectId).execute();
    }

    /** Asynchronous {@link #get(String)}. */
    public CompletableFuture<Map<String, Long>> getAsync(String projectId) {
        return getCall(projectId).executeAsync();
    }

    private Operation<Map<String, Long>> getCall(String projectId) {
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

    /** {@code GET /os-quota-sets/{project_id}/detail}: limit and {@code in_use} per resource. */
    public Map<String, QuotaUsage> detail(String projectId) {
        return detailCall(projectId).execute();
    }

    /** Asynchronous {@link #detail(String)}. */
    public CompletableFuture<Map<String, QuotaUsage>> detailAsync(String projectId) {
        return detailCall(projectId).executeAsync();
    }

    private Operation<Map<String, QuotaUsage>> detailCall(String projectId) {
        return Operation.of(() -> nova.get("os-quota-sets/{id}/detail", projectId), r -> {
            Map<String, QuotaUsage> out = new LinkedHashMap<>();
            fields(r).forEachRemaining(e -> {
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

    private static Iterator<Map.Entry<String, JsonNode>> fields(OpenStackResponse r) {
        return r.json().path("quota_set").fields();
    }
}
