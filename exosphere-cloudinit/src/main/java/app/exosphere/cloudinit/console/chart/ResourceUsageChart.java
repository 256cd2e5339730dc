package app.exosphere.cloudinit.console.chart;

import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.ResourceUsagePoint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/**
 * Renders an instance's resource usage as one standalone SVG document, the way the Exosphere web app
 * charts it (Exosphere's {@code Page.ServerResourceUsageCharts}): the last 30 minutes, three panels — CPU (plus one line per GPU index
 * when any sample has GPU data, a missing index counting as 0), RAM and root disk — each with a 0–100 %
 * y-axis and an optional "of N total …" subtitle. The output needs no script, stylesheet or font file, so
 * a gateway can inline it in HTML or serve it as {@code image/svg+xml}. Immutable and thread-safe; the
 * output is deterministic for the same inputs (times are labelled in {@link #zone()}, UTC by default).
 *
 * <pre>{@code
 * ResourceUsageHistory history = ResourceUsageHistory.empty().merge(consoleText);
 * String svg = ResourceUsageChart.builder()
 *         .cpuCores(4)
 *         .ramGigabytes(15)
 *         .rootDiskGigabytes(60)
 *         .build()
 *         .render(history, Instant.now());
 * }</pre>
 */
public final class ResourceUsageChart {

    /** The default width of the document, in SVG user units (pixels). */
    public static final int DEFAULT_WIDTH = 640;

    /** The default height of one panel, in SVG user units (pixels). */
    public static final int DEFAULT_PANEL_HEIGHT = 180;

    /** What an empty chart says when the caller gives nothing more specific (Exosphere's {@code Page.ServerResourceUsageCharts}). */
    public static final String DEFAULT_EMPTY_MESSAGE = "No chart data to show.";

    private static final String[] GPU_COLOURS = {"#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf"};
    private static final String CPU_COLOUR = "#1f77b4";
    private static final String RAM_COLOUR = "#2ca02c";
    private static final String DISK_COLOUR = "#ff7f0e";
    private static final int MARGIN_LEFT = 48;
    private static final int MARGIN_RIGHT = 16;
    private static final int PANEL_TOP = 40;
    private static final int PANEL_BOTTOM = 26;
    private static final Duration TICK = Duration.ofMinutes(5);

    private final int width;
    private final int panelHeight;
    private final Duration window;
    private final ZoneId zone;
    private final OptionalInt cpuCores;
    private final OptionalInt ramGigabytes;
    private final OptionalInt rootDiskGigabytes;
    private final String emptyMessage;

    private ResourceUsageChart(Builder b) {
        this.width = b.width;
        this.panelHeight = b.panelHeight;
        this.window = b.window;
        this.zone = b.zone;
        this.cpuCores = b.cpuCores;
        this.ramGigabytes = b.ramGigabytes;
        this.rootDiskGigabytes = b.rootDiskGigabytes;
        this.emptyMessage = b.emptyMessage;
    }

    /** A chart with Exosphere's defaults: 30-minute window, UTC labels, no subtitles. */
    public static ResourceUsageChart defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The time window shown, ending at the {@code now} given to {@link #render}. */
    public Duration window() {
        return window;
    }

    /** The zone in which time axis labels are written. */
    public ZoneId zone() {
        return zone;
    }

    /** The document width in pixels. */
    public int width() {
        return width;
    }

    /** The height of one panel in pixels (the document has three). */
    public int panelHeight() {
        return panelHeight;
    }

    /**
     * The SVG document for the samples of {@code history} with a time strictly after
     * {@code now - window()} (Exosphere's {@code timeSeriesRecentDataPoints}) and not after {@code now}.
     * Without such samples, each panel says {@link Builder#emptyMessage(String) the empty message}.
     */
    public String render(ResourceUsageHistory history, Instant now) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(now, "now");
        NavigableMap<Long, ResourceUsagePoint> points =
                history.recent(now, window).headMap(now.toEpochMilli(), true);
        int gpus = points.values().stream()
                .mapToInt(p -> p.gpuPctUsed().size())
                .max()
                .orElse(0);
        int height = 3 * panelHeight;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n");
        svg.append("<title>Resource usage, last ")
                .append(window.toMinutes())
                .append(" minutes until ")
                .append(escape(DateTimeFormatter.ISO_INSTANT.format(now)))
                .append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");

        List<Series> cpu = new ArrayList<>();
        cpu.add(new Series("CPU", CPU_COLOUR, ResourceUsagePoint::cpuPctUsed));
        for (int i = 0; i < gpus; i++) {
            int index = i;
            cpu.add(new Series(
                    "GPU " + i,
                    GPU_COLOURS[i % GPU_COLOURS.length],
                    p -> index < p.gpuPctUsed().size() ? p.gpuPctUsed().get(index) : 0));
        }
        panel(svg, 0, "CPU", subtitle(cpuCores, "cores"), cpu, points, now);
        panel(
                svg,
                1,
                "RAM",
                subtitle(ramGigabytes, "GB"),
                List.of(new Series("RAM", RAM_COLOUR, ResourceUsagePoint::memPctUsed)),
                points,
                now);
        panel(
                svg,
                2,
                "Root Disk",
                subtitle(rootDiskGigabytes, "GB"),
                List.of(new Series("Root disk", DISK_COLOUR, ResourceUsagePoint::rootfsPctUsed)),
                points,
                now);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private record Series(String label, String colour, ToIntFunction<ResourceUsagePoint> value) {}

    private static String subtitle(OptionalInt total, String unit) {
        return total.isPresent() ? "of " + total.getAsInt() + " total " + unit : "";
    }

    private void panel(
            StringBuilder svg,
            int index,
            String title,
            String subtitle,
            List<Series> series,
            NavigableMap<Long, ResourceUsagePoint> points,
            Instant now) {
        int top = index * panelHeight;
        double x0 = MARGIN_LEFT;
        double x1 = width - MARGIN_RIGHT;
        double y0 = top + PANEL_TOP;
        double y1 = top + panelHeight - PANEL_BOTTOM;
        long end = now.toEpochMilli();
        long start = end - window.toMillis();
        svg.append("<g class=\"panel\" id=\"")
                .append(title.toLowerCase(Locale.ROOT).replace(' ', '-'))
                .append("\">\n");
        svg.append("<text x=\"")
                .append(MARGIN_LEFT)
                .append("\" y=\"")
                .append(top + 16)
                .append("\" font-size=\"13\" font-weight=\"bold\">")
                .append(escape(title))
                .append("</text>\n");
        if (!subtitle.isEmpty()) {
            svg.append("<text x=\"")
                    .append(MARGIN_LEFT + 8 + 9 * title.length())
                    .append("\" y=\"")
                    .append(top + 16)
                    .append("\" fill=\"#555555\">")
                    .append(escape(subtitle))
                    .append("</text>\n");
        }
        // y grid and labels: 0, 25, 50, 75, 100 %
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = y1 - (y1 - y0) * pct / 100.0;
            svg.append("<line x1=\"")
                    .append(num(x0))
                    .append("\" y1=\"")
                    .append(num(y))
                    .append("\" x2=\"")
                    .append(num(x1))
                    .append("\" y2=\"")
                    .append(num(y))
                    .append("\" stroke=\"")
                    .append(pct == 0 ? "#888888" : "#e5e5e5")
                    .append("\"/>\n");
            svg.append("<text x=\"")
                    .append(num(x0 - 6))
                    .append("\" y=\"")
                    .append(num(y + 4))
                    .append("\" text-anchor=\"end\" fill=\"#555555\">")
                    .append(pct)
                    .append("%</text>\n");
        }
        // x ticks every 5 minutes on the clock
        DateTimeFormatter hhmm =
                DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
        long tick = TICK.toMillis();
        for (long t = Math.floorDiv(start, tick) * tick + tick; t <= end; t += tick) {
            double x = x(t, start, end, x0, x1);
            svg.append("<line x1=\"")
                    .append(num(x))
                    .append("\" y1=\"")
                    .append(num(y1))
                    .append("\" x2=\"")
                    .append(num(x))
                    .append("\" y2=\"")
                    .append(num(y1 + 4))
                    .append("\" stroke=\"#888888\"/>\n");
            svg.append("<text x=\"")
                    .append(num(x))
                    .append("\" y=\"")
                    .append(num(y1 + 16))
                    .append("\" text-anchor=\"middle\" fill=\"#555555\">")
                    .append(hhmm.format(Instant.ofEpochMilli(t)))
                    .append("</text>\n");
        }
        if (points.isEmpty()) {
            svg.append("<text x=\"")
                    .append(num((x0 + x1) / 2))
                    .append("\" y=\"")
                    .append(num((y0 + y1) / 2))
                    .append("\" text-anchor=\"middle\" fill=\"#555555\">")
                    .append(escape(emptyMessage))
                    .append("</text>\n");
        } else {
            for (Series s : series) {
                StringBuilder coords = new StringBuilder();
                for (Map.Entry<Long, ResourceUsagePoint> e : points.entrySet()) {
                    int pct = Math.max(0, Math.min(100, s.value().applyAsInt(e.getValue())));
                    if (coords.length() > 0) {
                        coords.append(' ');
                    }
                    coords.append(num(x(e.getKey(), start, end, x0, x1)))
                            .append(',')
                            .append(num(y1 - (y1 - y0) * pct / 100.0));
                }
                svg.append("<polyline fill=\"none\" stroke=\"")
                        .append(s.colour())
                        .append("\" stroke-width=\"2\" points=\"")
                        .append(coords)
                        .append("\"><title>")
                        .append(escape(s.label()))
                        .append("</title></polyline>\n");
                if (points.size() == 1) {
                    String[] xy = coords.toString().split(",");
                    svg.append("<circle cx=\"")
                            .append(xy[0])
                            .append("\" cy=\"")
                            .append(xy[1])
                            .append("\" r=\"3\" fill=\"")
                            .append(s.colour())
                            .append("\"/>\n");
                }
            }
            if (series.size() > 1) {
                double lx = x1;
                for (int i = series.size() - 1; i >= 0; i--) {
                    Series s = series.get(i);
                    lx -= 8 + 7 * s.label().length();
                    svg.append("<rect x=\"")
                            .append(num(lx - 14))
                            .append("\" y=\"")
                            .append(top + 8)
                            .append("\" width=\"10\" height=\"10\" fill=\"")
                            .append(s.colour())
                            .append("\"/>\n");
                    svg.append("<text x=\"")
                            .append(num(lx))
                            .append("\" y=\"")
                            .append(top + 17)
                            .append("\">")
                            .append(escape(s.label()))
                            .append("</text>\n");
                    lx -= 18;
                }
            }
        }
        svg.append("</g>\n");
    }

    private static double x(long t, long start, long end, double x0, double x1) {
        return x0 + (x1 - x0) * (t - start) / (double) (end - start);
    }

    private static String num(double v) {
        double rounded = Math.round(v * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return String.format(Locale.ROOT, "%.1f", rounded);
    }

    private static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /**
     * Builds a {@link ResourceUsageChart}. Example:
     *
     * <pre>{@code
     * ResourceUsageChart chart = ResourceUsageChart.builder().width(800).cpuCores(8).build();
     * }</pre>
     */
    public static final class Builder {
        private int width = DEFAULT_WIDTH;
        private int panelHeight = DEFAULT_PANEL_HEIGHT;
        private Duration window = ResourceUsageHistory.CHART_WINDOW;
        private ZoneId zone = ZoneOffset.UTC;
        private OptionalInt cpuCores = OptionalInt.empty();
        private OptionalInt ramGigabytes = OptionalInt.empty();
        private OptionalInt rootDiskGigabytes = OptionalInt.empty();
        private String emptyMessage = DEFAULT_EMPTY_MESSAGE;

        private Builder() {}

        /** The document width in pixels, at least 200; default {@value ResourceUsageChart#DEFAULT_WIDTH}. */
        public Builder width(int width) {
            if (width < 200) {
                throw new IllegalArgumentException("chart width must be at least 200 pixels, was " + width);
            }
            this.width = width;
            return this;
        }

        /**
         * The height of each of the three panels, at least 100; default
         * {@value ResourceUsageChart#DEFAULT_PANEL_HEIGHT}.
         */
        public Builder panelHeight(int panelHeight) {
            if (panelHeight < 100) {
                throw new IllegalArgumentException(
                        "chart panel height must be at least 100 pixels, was " + panelHeight);
            }
            this.panelHeight = panelHeight;
            return this;
        }

        /** The time window shown; default 30 minutes like Exosphere. */
        public Builder window(Duration window) {
            Objects.requireNonNull(window, "window");
            if (window.toMillis() < 60_000) {
                throw new IllegalArgumentException("chart window must be at least one minute, was " + window);
            }
            this.window = window;
            return this;
        }

        /** The zone for time labels; default UTC. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The flavor's vCPU count, for the CPU subtitle "of N total cores". */
        public Builder cpuCores(int cores) {
            this.cpuCores = OptionalInt.of(positive("cpuCores", cores));
            return this;
        }

        /** The flavor's RAM in GB (Exosphere: RAM MB / 1024, rounded down), for the RAM subtitle. */
        public Builder ramGigabytes(int gigabytes) {
            this.ramGigabytes = OptionalInt.of(positive("ramGigabytes", gigabytes));
            return this;
        }

        /** The root disk size in GB (boot volume, else flavor disk), for the root disk subtitle. */
        public Builder rootDiskGigabytes(int gigabytes) {
            this.rootDiskGigabytes = OptionalInt.of(positive("rootDiskGigabytes", gigabytes));
            return this;
        }

        /**
         * What each panel says when there are no samples in the window; default
         * {@value ResourceUsageChart#DEFAULT_EMPTY_MESSAGE}. Exosphere words it by context, e.g. "No chart
         * data yet. This instance is new and may take a few minutes to start reporting data."
         */
        public Builder emptyMessage(String message) {
            this.emptyMessage = Objects.requireNonNull(message, "message");
            return this;
        }

        /** The chart. */
        public ResourceUsageChart build() {
            return new ResourceUsageChart(this);
        }

        private static int positive(String name, int value) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must be >= 0, was " + value);
            }
            return value;
        }
    }
}
