package app.exosphere.core.rules;

import app.exosphere.core.compute.ComputeLimits;
import app.exosphere.core.error.InsufficientQuotaException;
import app.exosphere.core.quota.QuotaUsage;
import app.exosphere.core.volume.VolumeLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The pre-flight "will it fit" check of a launch against the project's quotas, with Exosphere's
 * arithmetic ({@code computeQuotaFlavorAvailServers}, {@code overallQuotaAvailServers}) plus volumes and
 * floating IPs.
 *
 * <pre>{@code
 * QuotaCheck.Usage usage = new QuotaCheck.Usage(
 *         QuotaUsage.of(1, 48), QuotaUsage.of(1, 10), QuotaUsage.of(1024, 999999),
 *         QuotaUsage.of(5, 10), QuotaUsage.of(82, 1000), QuotaUsage.of(0, 5));
 * QuotaCheck.availableServers(usage, 4, 8192, 0);          // OptionalLong[9]
 * QuotaCheck.requireFits(usage, 2, 4, 8192, 20, 0);       // throws InsufficientQuotaException if not
 * }</pre>
 */
public final class QuotaCheck {

    /**
     * The project usage a launch is checked against. Nova: cores, instances, RAM (MB); Cinder: volumes,
     * gigabytes; Neutron: floating IPs. Pass {@code QuotaUsage.of(0, -1)} for anything the cloud does not limit.
     */
    public record Usage(
            QuotaUsage cores,
            QuotaUsage instances,
            QuotaUsage ramMb,
            QuotaUsage volumes,
            QuotaUsage volumeGigabytes,
            QuotaUsage floatingIps) {

        /** Usage from Nova's and Cinder's limits and Neutron's floating IP quota. */
        public static Usage of(ComputeLimits compute, VolumeLimits volume, QuotaUsage floatingIps) {
            return new Usage(
                    compute.cores(),
                    compute.instances(),
                    compute.ramMb(),
                    volume.volumes(),
                    volume.gigabytes(),
                    floatingIps);
        }
    }

    private QuotaCheck() {}

    /**
     * How many servers of this size still fit: the minimum over limited quotas of remaining cores ÷ vCPUs,
     * remaining RAM ÷ flavor RAM, remaining instances, and with a volume-backed root disk of
     * {@code volumeGb} GB also remaining volumes and remaining gigabytes ÷ {@code volumeGb}. Empty when
     * everything is unlimited.
     */
    // Exosphere's `OpenStack.Quotas`
    public static OptionalLong availableServers(Usage usage, int vcpus, long ramMb, int volumeGb) {
        List<Long> candidates = new ArrayList<>();
        per(usage.cores(), vcpus).ifPresent(candidates::add);
        per(usage.ramMb(), ramMb).ifPresent(candidates::add);
        per(usage.instances(), 1).ifPresent(candidates::add);
        if (volumeGb > 0) {
            per(usage.volumes(), 1).ifPresent(candidates::add);
            per(usage.volumeGigabytes(), volumeGb).ifPresent(candidates::add);
        }
        return candidates.stream().mapToLong(Long::longValue).min();
    }

    private static Optional<Long> per(QuotaUsage q, long each) {
        if (q == null || q.isUnlimited()) {
            return Optional.empty();
        }
        long left = q.limit() - q.used();
        return Optional.of(each <= 0 ? Math.max(0, left) : Math.floorDiv(left, each));
    }

    /**
     * Fails before anything is created when {@code count} servers of this size do not fit.
     *
     * @param volumeGb size of a volume-backed root disk, 0 for an image-backed one
     * @param floatingIps how many floating IPs the launch will create (0 if none)
     * @throws InsufficientQuotaException naming each exhausted quota with its numbers
     */
    public static void requireFits(Usage usage, int count, int vcpus, long ramMb, int volumeGb, int floatingIps) {
        List<String> exhausted = new ArrayList<>();
        need(exhausted, usage.instances(), count, "instances");
        need(exhausted, usage.cores(), (long) count * vcpus, "cores");
        need(exhausted, usage.ramMb(), count * ramMb, "RAM (MB)");
        if (volumeGb > 0) {
            need(exhausted, usage.volumes(), count, "volumes");
            need(exhausted, usage.volumeGigabytes(), (long) count * volumeGb, "volume gigabytes");
        }
        if (floatingIps > 0) {
            need(exhausted, usage.floatingIps(), floatingIps, "floating IPs");
        }
        if (!exhausted.isEmpty()) {
            throw new InsufficientQuotaException(exhausted);
        }
    }

    private static void need(List<String> exhausted, QuotaUsage q, long needed, String label) {
        if (q == null || q.isUnlimited() || needed <= 0) {
            return;
        }
        long left = Math.max(0, q.limit() - q.used());
        if (needed > left) {
            exhausted.add(label + ": need " + needed + ", " + left + " left of " + q.limit());
        }
    }
}
