package app.exosphere.core.placement;

import java.util.Map;
import java.util.Objects;

/**
 * Placement's {@code GET /usages?project_id=…}: amount in use per resource class.
 *
 * <pre>{@code
 * ResourceUsages u = openStack.placement().usages(projectId).execute();
 * long gpus = u.get("CUSTOM_A100X_10C");   // 0 when the class is not in use
 * }</pre>
 */
public final class ResourceUsages {
    private final Map<String, Long> usages;

    /** Usages by resource class. */
    public ResourceUsages(Map<String, Long> usages) {
        this.usages = Map.copyOf(Objects.requireNonNull(usages, "usages"));
    }

    /** Every resource class in use, e.g. {@code VCPU → 3}. */
    public Map<String, Long> asMap() {
        return usages;
    }

    /**
     * The usage of {@code resourceClass}; a leading {@code class:} (as in unified-limit names) is
     * ignored (Exosphere's {@code Helpers.UnifiedLimits.quotasFromUnifiedLimits}); 0 when absent.
     */
    public long get(String resourceClass) {
        String name = resourceClass.startsWith("class:") ? resourceClass.substring("class:".length()) : resourceClass;
        return usages.getOrDefault(name, 0L);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceUsages && ((ResourceUsages) o).usages.equals(usages);
    }

    @Override
    public int hashCode() {
        return usages.hashCode();
    }

    @Override
    public String toString() {
        return "ResourceUsages" + usages;
    }
}
