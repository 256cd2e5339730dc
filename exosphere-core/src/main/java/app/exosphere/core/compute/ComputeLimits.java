package app.exosphere.core.compute;

import app.exosphere.core.quota.QuotaUsage;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Nova's {@code GET /limits}: the {@code absolute} limits and usage, with typed accessors for what
 * Exosphere shows ({@code OpenStack.Quotas.requestComputeQuota}). A limit of -1 means unlimited.
 *
 * <pre>{@code
 * ComputeLimits l = compute.limits().execute();
 * long freeCores = l.cores().remaining().orElse(Long.MAX_VALUE);
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableComputeLimits.class)
@JsonDeserialize(as = ImmutableComputeLimits.class)
public abstract class ComputeLimits {
    /** Every {@code absolute} entry, e.g. {@code maxTotalCores}, {@code totalCoresUsed}. */
    @JsonProperty("absolute")
    public abstract Map<String, Integer> absolute();

    private QuotaUsage usage(String used, String limit) {
        return QuotaUsage.of(absolute().getOrDefault(used, 0), absolute().getOrDefault(limit, -1));
    }

    /** {@code totalCoresUsed}/{@code maxTotalCores}. */
    public QuotaUsage cores() {
        return usage("totalCoresUsed", "maxTotalCores");
    }

    /** {@code totalInstancesUsed}/{@code maxTotalInstances}. */
    public QuotaUsage instances() {
        return usage("totalInstancesUsed", "maxTotalInstances");
    }

    /** {@code totalRAMUsed}/{@code maxTotalRAMSize}, in MiB. */
    public QuotaUsage ramMb() {
        return usage("totalRAMUsed", "maxTotalRAMSize");
    }

    /** {@code maxTotalKeypairs}. */
    public int maxKeypairs() {
        return absolute().getOrDefault("maxTotalKeypairs", -1);
    }

    /** {@code totalServerGroupsUsed}/{@code maxServerGroups}. */
    public QuotaUsage serverGroups() {
        return usage("totalServerGroupsUsed", "maxServerGroups");
    }

    /** A builder of {@link ComputeLimits}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ComputeLimits}; start one with {@link ComputeLimits#builder()} or {@link ComputeLimits#toBuilder()}. */
    public static final class Builder extends ImmutableComputeLimits.Builder {
        Builder() {}
    }
}
