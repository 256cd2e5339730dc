package app.exosphere.core.quota;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.placement.PlacementClient;
import app.exosphere.core.placement.ResourceUsages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Keystone unified limits combined with Placement usage, as Exosphere shows GPU and other custom
 * resources (Exosphere's {@code Helpers.UnifiedLimits.quotasFromUnifiedLimits}): {@code GET /v3/registered_limits}, {@code GET /v3/limits} (both
 * with {@code ?region_id=} when a region is given) and Placement {@code GET /usages} (1.9).
 *
 * <pre>{@code
 * List<ResourceQuota> quotas =
 *         UnifiedLimits.fetch(openStack.service(ServiceType.IDENTITY), openStack.placement(), projectId, Optional.of("RegionOne")).execute();
 * }</pre>
 */
public final class UnifiedLimits {
    private UnifiedLimits() {}

    /** {@code class:CUSTOM_A100X_10C} → {@code CUSTOM_A100X_10C}; other names unchanged. */
    public static String normalize(String resourceName) {
        return resourceName.startsWith("class:") ? resourceName.substring("class:".length()) : resourceName;
    }

    /**
     * Combines the three answers (pure): one entry per registered limit name (a region-scoped registered
     * limit replaces a global one of the same name, otherwise the first wins); the limit is the
     * matching project limit's (later duplicates win) or the registered default; usage from Placement
     * or 0. Sorted by name in ordinal order.
     */
    public static List<ResourceQuota> combine(
            List<RegisteredLimit> registered, List<ProjectLimit> projectLimits, ResourceUsages usages) {
        Map<String, RegisteredLimit> byName = new LinkedHashMap<>();
        for (RegisteredLimit r : registered) {
            String name = normalize(r.resourceName());
            RegisteredLimit existing = byName.get(name);
            if (existing == null
                    || (existing.regionId().isEmpty() && r.regionId().isPresent())) {
                byName.put(name, r);
            }
        }
        Map<String, Long> overrides = new LinkedHashMap<>();
        for (ProjectLimit l : projectLimits) {
            overrides.put(normalize(l.resourceName()), l.resourceLimit());
        }
        List<ResourceQuota> out = new ArrayList<>();
        byName.forEach((name, r) -> {
            long limit = overrides.getOrDefault(name, r.defaultLimit());
            out.add(ResourceQuota.of(name, QuotaUsage.of(usages.get(name), limit < 0 ? -1 : limit)));
        });
        out.sort((a, b) -> a.resourceName().compareTo(b.resourceName()));
        return List.copyOf(out);
    }

    /**
     * Fetches and combines when executed; {@code keystone} is the identity service client (limits),
     * {@code placement} gives the usages; {@code region} filters Keystone limits when present. The three
     * reads run in parallel.
     */
    public static Call<List<ResourceQuota>> fetch(
            ServiceClient keystone, PlacementClient placement, String projectId, Optional<String> region) {
        return Operation.fromAsync(() -> {
            CompletableFuture<List<RegisteredLimit>> registered =
                    list(keystone, "registered_limits", region, RegisteredLimit.class);
            CompletableFuture<List<ProjectLimit>> project = list(keystone, "limits", region, ProjectLimit.class);
            CompletableFuture<ResourceUsages> usages =
                    placement.usages(projectId).executeAsync();
            return registered
                    .thenCombine(project, Map::entry)
                    .thenCombine(usages, (rp, u) -> combine(rp.getKey(), rp.getValue(), u));
        });
    }

    private static <T> CompletableFuture<List<T>> list(
            ServiceClient keystone, String collection, Optional<String> region, Class<T> type) {
        ServiceCall c = keystone.get(collection);
        region.ifPresent(r -> c.query("region_id", r));
        return c.paginate(collection, type).all().executeAsync();
    }
}
