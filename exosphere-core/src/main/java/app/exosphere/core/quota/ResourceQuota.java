package app.exosphere.core.quota;

import org.immutables.value.Value;

/**
 * One resource's quota from Keystone unified limits and Placement usage (Exosphere's {@code Helpers.UnifiedLimits.quotasFromUnifiedLimits}), e.g.
 * {@code CUSTOM_A100X_10C} with 1 of 2 in use.
 *
 * <pre>{@code
 * for (ResourceQuota q : UnifiedLimits.fetch(openStack.service(ServiceType.IDENTITY), placement, projectId, Optional.of("IU")).execute()) {
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

    /** A builder of {@link ResourceQuota}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ResourceQuota}; start one with {@link ResourceQuota#builder()} or {@link ResourceQuota#toBuilder()}. */
    public static final class Builder extends ImmutableResourceQuota.Builder {
        Builder() {}
    }
}
