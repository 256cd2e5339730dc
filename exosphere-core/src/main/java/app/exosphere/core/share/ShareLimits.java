package app.exosphere.core.share;

import app.exosphere.core.quota.QuotaUsage;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Manila's {@code GET /limits} {@code absolute} section (Exosphere's {@code OpenStack.Quotas.shareQuotaDecoder});
 * a limit of {@code -1} is unlimited.
 *
 * <pre>{@code
 * ShareLimits l = openStack.share().limits().execute();
 * long gbLeft = l.gigabytes().limit() < 0 ? Long.MAX_VALUE : l.gigabytes().limit() - l.gigabytes().used();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableShareLimits.class)
@JsonDeserialize(as = ImmutableShareLimits.class)
public abstract class ShareLimits {
    @JsonProperty("absolute")
    public abstract Map<String, Long> absolute();

    private QuotaUsage usage(String used, String limit) {
        return QuotaUsage.of(absolute().getOrDefault(used, 0L), absolute().getOrDefault(limit, -1L));
    }

    private Optional<QuotaUsage> optional(String used, String limit) {
        return absolute().containsKey(limit) ? Optional.of(usage(used, limit)) : Optional.empty();
    }

    /** {@code totalSharesUsed}/{@code maxTotalShares}. */
    public QuotaUsage shares() {
        return usage("totalSharesUsed", "maxTotalShares");
    }

    /** {@code totalShareGigabytesUsed}/{@code maxTotalShareGigabytes}. */
    public QuotaUsage gigabytes() {
        return usage("totalShareGigabytesUsed", "maxTotalShareGigabytes");
    }

    /** {@code totalShareSnapshotsUsed}/{@code maxTotalShareSnapshots}. */
    public QuotaUsage snapshots() {
        return usage("totalShareSnapshotsUsed", "maxTotalShareSnapshots");
    }

    /** {@code totalSnapshotGigabytesUsed}/{@code maxTotalSnapshotGigabytes}. */
    public QuotaUsage snapshotGigabytes() {
        return usage("totalSnapshotGigabytesUsed", "maxTotalSnapshotGigabytes");
    }

    /** {@code totalShareNetworksUsed}/{@code maxTotalShareNetworks}, when the cloud sends them. */
    public Optional<QuotaUsage> shareNetworks() {
        return optional("totalShareNetworksUsed", "maxTotalShareNetworks");
    }

    /** {@code totalShareReplicasUsed}/{@code maxTotalShareReplicas}, when the cloud sends them. */
    public Optional<QuotaUsage> replicas() {
        return optional("totalShareReplicasUsed", "maxTotalShareReplicas");
    }

    /** {@code totalReplicaGigabytesUsed}/{@code maxTotalReplicaGigabytes}, when the cloud sends them. */
    public Optional<QuotaUsage> replicaGigabytes() {
        return optional("totalReplicaGigabytesUsed", "maxTotalReplicaGigabytes");
    }

    /** A builder of {@link ShareLimits}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ShareLimits}; start one with {@link ShareLimits#builder()} or {@link ShareLimits#toBuilder()}. */
    public static final class Builder extends ImmutableShareLimits.Builder {
        Builder() {}
    }
}
