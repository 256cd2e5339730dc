package app.exosphere.cloudinit.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An alert Exosphere shows for an instance's most recent resource usage ({@code Page.ServerResourceUsageAlerts}). Rules, in
 * output order: root disk &gt; 95 % → danger (else &gt; 90 % → warning); memory &gt; 95 % → warning; CPU
 * &gt; 95 % → info. GPUs raise no alert. Example:
 *
 * <pre>{@code
 * for (ResourceUsageAlert a : ResourceUsageAlert.forHistory(ResourceUsageHistory.empty().merge(consoleText), clock.instant())) {
 *     System.out.println(a.level() + ": " + a.message());
 * }
 * }</pre>
 *
 * @param level how severe
 * @param message the text Exosphere shows
 */
public record ResourceUsageAlert(Level level, String message) {

    /** Root disk above this percentage is a danger. */
    public static final int ROOTFS_DANGER_PCT = 95;
    /** Root disk above this percentage (and not above {@link #ROOTFS_DANGER_PCT}) is a warning. */
    public static final int ROOTFS_WARNING_PCT = 90;
    /** Memory above this percentage is a warning. */
    public static final int MEMORY_WARNING_PCT = 95;
    /** CPU above this percentage is informational. */
    public static final int CPU_INFO_PCT = 95;

    /** The root-disk danger text. */
    public static final String ROOTFS_FULL =
            "Root disk is full! Please free some space now, else instance will stop working.";
    /** The root-disk warning text. */
    public static final String ROOTFS_NEARLY_FULL = "Root disk is nearly full. Be careful not to use up all the space.";
    /** The memory warning text. */
    public static final String MEMORY_NEARLY_EXHAUSTED = "Available memory (RAM) is nearly exhausted.";
    /** The CPU info text. */
    public static final String CPU_HIGH = "CPU usage is high.";

    /** Alert severity. */
    public enum Level {
        /** Act now. */
        DANGER,
        /** Be careful. */
        WARNING,
        /** For information. */
        INFO
    }

    /** Validates. */
    public ResourceUsageAlert {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }

    /** The alerts for one sample, in Exosphere's order. */
    public static List<ResourceUsageAlert> forPoint(ResourceUsagePoint point) {
        List<ResourceUsageAlert> alerts = new ArrayList<>();
        if (point.rootfsPctUsed() > ROOTFS_DANGER_PCT) {
            alerts.add(new ResourceUsageAlert(Level.DANGER, ROOTFS_FULL));
        } else if (point.rootfsPctUsed() > ROOTFS_WARNING_PCT) {
            alerts.add(new ResourceUsageAlert(Level.WARNING, ROOTFS_NEARLY_FULL));
        }
        if (point.memPctUsed() > MEMORY_WARNING_PCT) {
            alerts.add(new ResourceUsageAlert(Level.WARNING, MEMORY_NEARLY_EXHAUSTED));
        }
        if (point.cpuPctUsed() > CPU_INFO_PCT) {
            alerts.add(new ResourceUsageAlert(Level.INFO, CPU_HIGH));
        }
        return List.copyOf(alerts);
    }

    /**
     * The alerts for the newest sample of the last {@link ResourceUsageHistory#ALERT_WINDOW 60 minutes};
     * none when there is no such sample.
     */
    public static List<ResourceUsageAlert> forHistory(ResourceUsageHistory history, Instant now) {
        var recent = history.recent(now, ResourceUsageHistory.ALERT_WINDOW);
        return recent.isEmpty() ? List.of() : forPoint(recent.lastEntry().getValue());
    }
}
