package app.exosphere.core.volume;

import app.exosphere.core.quota.QuotaUsage;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Cinder's {@code GET /limits} {@code absolute} section, with the accessors Exosphere uses
 * ({@code OpenStack.Quotas.requestVolumeQuota}).
 *
 * <pre>{@code
 * QuotaUsage gb = volume.limits().execute().gigabytes();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableVolumeLimits.class)
@JsonDeserialize(as = ImmutableVolumeLimits.class)
public abstract class VolumeLimits {
    @JsonProperty("absolute")
    public abstract Map<String, Integer> absolute();

    private QuotaUsage usage(String used, String limit) {
        return QuotaUsage.of(absolute().getOrDefault(used, 0), absolute().getOrDefault(limit, -1));
    }

    /** {@code totalVolumesUsed}/{@code maxTotalVolumes}. */
    public QuotaUsage volumes() {
        return usage("totalVolumesUsed", "maxTotalVolumes");
    }

    /** {@code totalGigabytesUsed}/{@code maxTotalVolumeGigabytes}. */
    public QuotaUsage gigabytes() {
        return usage("totalGigabytesUsed", "maxTotalVolumeGigabytes");
    }

    /** {@code totalSnapshotsUsed}/{@code maxTotalSnapshots}. */
    public QuotaUsage snapshots() {
        return usage("totalSnapshotsUsed", "maxTotalSnapshots");
    }

    /** {@code totalBackupsUsed}/{@code maxTotalBackups}. */
    public QuotaUsage backups() {
        return usage("totalBackupsUsed", "maxTotalBackups");
    }

    /** A builder of {@link VolumeLimits}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link VolumeLimits}; start one with {@link VolumeLimits#builder()} or {@link VolumeLimits#toBuilder()}. */
    public static final class Builder extends ImmutableVolumeLimits.Builder {
        Builder() {}
    }
}
