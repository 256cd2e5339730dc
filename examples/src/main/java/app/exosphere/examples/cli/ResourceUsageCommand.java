package app.exosphere.examples.cli;

import app.exosphere.cloudinit.console.ResourceUsageAlert;
import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.ResourceUsagePoint;
import app.exosphere.cloudinit.console.chart.ResourceUsageChart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exosphere resource-usage}: the resource-usage samples and alerts in a console log on stdin
 * (exosphere-spec §6), and optionally Exosphere's 30-minute chart as an SVG file.
 *
 * <pre>{@code
 * openstack console log show my-instance | exosphere resource-usage --svg usage.svg
 * }</pre>
 */
@Command(
        name = "resource-usage",
        mixinStandardHelpOptions = true,
        description = {
            "Read an instance's console log on stdin and print its resource-usage samples (CPU, RAM, root disk,",
            "GPUs, in percent) and the alerts Exosphere would show; optionally write the chart as SVG."
        },
        footer = {"%nExample:", "  openstack console log show my-instance | exosphere resource-usage --svg usage.svg"})
final class ResourceUsageCommand extends CliCommand {

    @Option(
            names = "--now",
            paramLabel = "ISO_INSTANT",
            description = "The time the alert (60 min) and chart (30 min) windows end at (default: now).")
    private Instant now;

    @Option(names = "--svg", paramLabel = "FILE", description = "Write the last 30 minutes as an SVG chart.")
    private Path svg;

    @Override
    protected int run() throws IOException {
        Instant at = now != null ? now : Instant.now();
        String log = new String(stdin().readAllBytes(), StandardCharsets.UTF_8);
        ResourceUsageHistory history = ResourceUsageHistory.empty().merge(log);
        List<ResourceUsageAlert> alerts = ResourceUsageAlert.forHistory(history, at);
        if (svg != null) {
            Files.writeString(svg, ResourceUsageChart.defaults().render(history, at), StandardCharsets.UTF_8);
        }
        print(this, history, alerts, svg);
        return 0;
    }

    /** Prints samples and alerts as text or JSON (shared with {@code exosphere usage SERVER}). */
    static void print(CliCommand cmd, ResourceUsageHistory history, List<ResourceUsageAlert> alerts, Path svg) {
        if (cmd.json()) {
            List<Map<String, Object>> samples = new ArrayList<>();
            for (Map.Entry<Long, ResourceUsagePoint> e : history.timeSeries().entrySet()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("epochMillis", e.getKey());
                s.put("time", DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(e.getKey())));
                s.put("cpuPctUsed", e.getValue().cpuPctUsed());
                s.put("memPctUsed", e.getValue().memPctUsed());
                s.put("rootfsPctUsed", e.getValue().rootfsPctUsed());
                s.put("gpuPctUsed", e.getValue().gpuPctUsed());
                samples.add(s);
            }
            cmd.out()
                    .println(Json.object()
                            .put("samples", samples)
                            .put("alerts", alertsJson(alerts))
                            .put("svg", svg == null ? null : svg.toString()));
            return;
        }
        if (history.isEmpty()) {
            cmd.out().println("no resource-usage samples");
        } else {
            cmd.out().println("time                  cpu%  mem%  disk%  gpu%");
            for (Map.Entry<Long, ResourceUsagePoint> e : history.timeSeries().entrySet()) {
                ResourceUsagePoint p = e.getValue();
                cmd.out()
                        .println(String.format(
                                        Locale.ROOT,
                                        "%-20s  %4d  %4d  %5d  %s",
                                        DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(e.getKey())),
                                        p.cpuPctUsed(),
                                        p.memPctUsed(),
                                        p.rootfsPctUsed(),
                                        p.gpuPctUsed().isEmpty()
                                                ? "-"
                                                : String.join(
                                                        ",",
                                                        p.gpuPctUsed().stream()
                                                                .map(String::valueOf)
                                                                .toList()))
                                .stripTrailing());
            }
        }
        if (alerts.isEmpty()) {
            cmd.out().println("alerts: none");
        } else {
            cmd.out().println("alerts:");
            for (ResourceUsageAlert a : alerts) {
                cmd.out().println("  " + a.level().name().toLowerCase(Locale.ROOT) + ": " + a.message());
            }
        }
        if (svg != null) {
            cmd.out().println("chart: " + svg);
        }
    }

    static List<Map<String, Object>> alertsJson(List<ResourceUsageAlert> alerts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ResourceUsageAlert a : alerts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", a.level().name().toLowerCase(Locale.ROOT));
            m.put("message", a.message());
            out.add(m);
        }
        return out;
    }
}
