package app.exosphere.cloudinit.console;

import app.exosphere.cloudinit.internal.ElmJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The resource-usage time series of one instance, built from its console log the way Exosphere builds it
 * (Exosphere's {@code ServerResourceUsage.parseConsoleLog}): samples keyed by epoch milliseconds, merged into the previous history (a later
 * sample with the same epoch overwrites, nothing is removed), and a count of polls that brought nothing
 * new ("polling strikes"). Immutable. Example:
 *
 * <pre>{@code
 * ResourceUsageHistory h = ResourceUsageHistory.empty().merge(consoleText);
 * NavigableMap<Long, ResourceUsagePoint> chart = h.recent(clock.instant(), ResourceUsageHistory.CHART_WINDOW);
 * List<ResourceUsageAlert> alerts = ResourceUsageAlert.forHistory(h, clock.instant());
 * }</pre>
 */
public final class ResourceUsageHistory {

    /** The window Exosphere's charts show: the last 30 minutes. */
    public static final Duration CHART_WINDOW = Duration.ofMinutes(30);

    /** The window alerts look at: the newest point of the last 60 minutes. */
    public static final Duration ALERT_WINDOW = Duration.ofMinutes(60);

    /** Servers younger than this always get their whole console log read (Exosphere's {@code GoalServer.stepServerPollConsoleLog}). */
    public static final Duration NEW_SERVER_AGE = Duration.ofMinutes(30);

    /** How many console lines a routine resource poll asks for (Exosphere's {@code GoalServer.stepServerPollConsoleLog}). */
    public static final int TAIL_LINES = 10;

    private static final ResourceUsageHistory EMPTY = new ResourceUsageHistory(new TreeMap<>(), 0);

    private final NavigableMap<Long, ResourceUsagePoint> timeSeries;
    private final int pollingStrikes;

    private ResourceUsageHistory(TreeMap<Long, ResourceUsagePoint> timeSeries, int pollingStrikes) {
        this.timeSeries = Collections.unmodifiableNavigableMap(timeSeries);
        this.pollingStrikes = pollingStrikes;
    }

    /** No samples, no strikes. */
    public static ResourceUsageHistory empty() {
        return EMPTY;
    }

    /** A history with the given samples (epoch ms → point) and strikes. */
    public static ResourceUsageHistory of(Map<Long, ResourceUsagePoint> timeSeries, int pollingStrikes) {
        if (pollingStrikes < 0) {
            throw new IllegalArgumentException("pollingStrikes must be >= 0, was " + pollingStrikes);
        }
        return new ResourceUsageHistory(
                new TreeMap<>(Objects.requireNonNull(timeSeries, "timeSeries")), pollingStrikes);
    }

    /** Samples keyed by Unix epoch milliseconds, ascending; unmodifiable. */
    public NavigableMap<Long, ResourceUsagePoint> timeSeries() {
        return timeSeries;
    }

    /** Consecutive merges that added or changed nothing. */
    public int pollingStrikes() {
        return pollingStrikes;
    }

    /** Whether there are no samples. */
    public boolean isEmpty() {
        return timeSeries.isEmpty();
    }

    /**
     * The resource-usage samples on a console log, in log order, as (epoch ms, point) entries. Lines use
     * {@link JsonLineMode#STRICT}: trailing text after the JSON makes a line fail; required integer fields
     * {@code epoch}, {@code cpuPctUsed}, {@code memPctUsed}, {@code rootfsPctUsed}; optional
     * {@code gpuPctUsed}.
     */
    public static List<Map.Entry<Long, ResourceUsagePoint>> samplesIn(String consoleText) {
        return ConsoleScanner.decode(consoleText, JsonLineMode.STRICT, o -> decode(o.object()));
    }

    /**
     * Merges the samples of a console log into this history (Exosphere's {@code ServerResourceUsage.parseConsoleLog}): inserts in log order;
     * polling strikes become {@code previous + 1} when the resulting series equals this one, else 0.
     */
    public ResourceUsageHistory merge(String consoleText) {
        TreeMap<Long, ResourceUsagePoint> merged = new TreeMap<>(timeSeries);
        for (Map.Entry<Long, ResourceUsagePoint> e : samplesIn(consoleText)) {
            merged.put(e.getKey(), e.getValue());
        }
        int strikes = merged.equals(timeSeries) ? pollingStrikes + 1 : 0;
        return new ResourceUsageHistory(merged, strikes);
    }

    /**
     * The samples with a key strictly greater than {@code now - window} ({@code timeSeriesRecentDataPoints}).
     */
    public NavigableMap<Long, ResourceUsagePoint> recent(Instant now, Duration window) {
        long from = now.toEpochMilli() - window.toMillis();
        return timeSeries.tailMap(from, false);
    }

    /** The newest sample and its epoch milliseconds, if any. */
    public Optional<Map.Entry<Long, ResourceUsagePoint>> newest() {
        return Optional.ofNullable(timeSeries.lastEntry());
    }

    /** The number of GPUs seen in any sample (charts draw one line per GPU index; missing index → 0). */
    public int gpuCount() {
        return timeSeries.values().stream()
                .mapToInt(p -> p.gpuPctUsed().size())
                .max()
                .orElse(0);
    }

    /**
     * How many console lines the next resource poll should ask for (Exosphere's {@code GoalServer.stepServerPollConsoleLog}): empty means the
     * whole log (server younger than 30 minutes, or the last poll brought nothing new); otherwise the last
     * {@value #TAIL_LINES} lines. A client that has never polled should ask for the whole log.
     */
    public OptionalLong linesToRequest(Instant created, Instant now) {
        boolean young = now.toEpochMilli() - created.toEpochMilli() < NEW_SERVER_AGE.toMillis();
        return young || pollingStrikes > 0 ? OptionalLong.empty() : OptionalLong.of(TAIL_LINES);
    }

    private static Optional<Map.Entry<Long, ResourceUsagePoint>> decode(ObjectNode o) {
        OptionalLong epoch = ElmJson.integer(o.get("epoch"));
        Optional<Integer> cpu = ElmJson.smallInteger(o.get("cpuPctUsed"));
        Optional<Integer> mem = ElmJson.smallInteger(o.get("memPctUsed"));
        Optional<Integer> rootfs = ElmJson.smallInteger(o.get("rootfsPctUsed"));
        Optional<List<Integer>> gpu = ResourceUsagePoint.decodeGpu(o.get("gpuPctUsed"));
        if (epoch.isEmpty() || cpu.isEmpty() || mem.isEmpty() || rootfs.isEmpty() || gpu.isEmpty()) {
            return Optional.empty();
        }
        long seconds = epoch.getAsLong();
        if (Math.abs(seconds) > Long.MAX_VALUE / 1000) {
            return Optional.empty();
        }
        return Optional.of(
                Map.entry(seconds * 1000, new ResourceUsagePoint(cpu.get(), mem.get(), rootfs.get(), gpu.get())));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceUsageHistory h
                && h.pollingStrikes == pollingStrikes
                && h.timeSeries.equals(timeSeries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeSeries, pollingStrikes);
    }

    @Override
    public String toString() {
        return "ResourceUsageHistory[points=" + timeSeries.size() + ", pollingStrikes=" + pollingStrikes + "]";
    }
}
