package app.exosphere.core.instance;

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
 *         Quota.of("cores", 1, 48), Quota.of("instances", 1, 10), Quota.of("ram", 1024, 999999),
 *         Quota.of("volumes", 5, 10), Quota.of("gigabytes", 82, 1000), Quota.of("floatingip", 0, 5));
 * QuotaCheck.availableServers(usage, 4, 8192, 0);          // OptionalLong[9]
 * QuotaCheck.requireFits(usage, 2, 4, 8192, 20, false);   // throws InsufficientQuotaException if not
 * }</pre>
 */
public final class QuotaCheck {

    /** One quota: what is used and the limit ({@code -1} = unlimited). */
    public record Quota(String name, long used, long limit) {
        /** A quota; {@code limit} {@code -1} means unlimited. */
        public static Quota of(String name, long used, long limit) {
            return new Quota(name, used, limit);
        }

        /** An unlimited quota. */
        public static Quota unlimited(String name) {
            return new Quota(name, 0, -1);
        }

        /** Whether the limit is unlimited (negative). */
        public boolean isUnlimited() {
            return limit < 0;
        }

        /** What is left, empty when unlimited (never negative). */
        public OptionalLong remaining() {
            return isUnlimited() ? OptionalLong.empty() : OptionalLong.of(Math.max(0, limit - used));
        }
    }

    /**
     * The project usage a launch is checked against. Nova: cores, instances, RAM (MB); Cinder: volumes,
     * gigabytes; Neutron: floating IPs. Pass {@link Quota#unlimited} for anything the cloud does not limit.
     */
    public record Usage(
            Quota cores, Quota instances, Quota ramMb, Quota volumes, Quota volumeGigabytes, Quota floatingIps) {}

    private QuotaCheck() {}

    /**
     * How many servers of this size still fit: the minimum over limited quotas of remaining cores ÷ vCPUs,
     * remaining RAM ÷ flavor RAM, remaining instances, and with a volume-backed root disk of
     * {@code volumeGb} GB also remaining volumes and remaining gigabytes ÷ {@code volumeGb}. Empty when
     * everything is unlimited.
     */
    // exosphere-spec §9.8
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

    private static Optional<Long> per(Quota q, long each) {
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

    private static void need(List<String> exhausted, Quota q, long needed, String label) {
        if (q == null || q.isUnlimited() || needed <= 0) {
            return;
        }
        long left = Math.max(0, q.limit() - q.used());
        if (needed > left) {
            exhausted.add(label + ": need " + needed + ", " + left + " left of " + q.limit());
        }
    }
}
