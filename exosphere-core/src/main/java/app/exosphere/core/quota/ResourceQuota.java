package app.exosphere.core.quota;

import org.immutables.value.Value;

/**
 * One resource's quota from Keystone unified limits and Placement usage (exosphere-spec §9.9), e.g.
 * {@code CUSTOM_A100X_10C} with 1 of 2 in use.
 *
 * <pre>{@code
 * for (ResourceQuota q : UnifiedLimits.fetch(keystone, placement, projectId, region)) {
 *     System.out.println(q.resourceName() + " " + q.usage().used() + "/" + q.usage().limit());
 * }
 * }</pre>
 */
@Value.Immutable
public abstract class ResourceQuota {
    /** The resource name with any {@code class:} prefix removed. */
    @Value.Parameter
    public abstract String resourceName();

    /** In use and limit (-1 unlimited). */
    @Value.Parameter
    public abstract QuotaUsage usage();

    public static ResourceQuota of(String resourceName, QuotaUsage usage) {
        return ImmutableResourceQuota.of(resourceName, usage);
    }
}
