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
 * (Exosphere's {@code ServerResourceUsage.parseConsoleLog}), and optionally Exosphere's 30-minute chart as an SVG file.
 *
 * <pre>{@code
 * openstack console log show my-instance | exosphere resource-usage --svg usage.svg
 * }</pre>
 */
@Command(
        name = "resource-usage",
        mixinStandardHelpOptions = true,
        description = {
            "Print an instance's resource usage and alerts from its console log on stdin.",
            "Samples are CPU, RAM, root disk and GPUs in percent, with the alerts Exosphere would show;",
            "--svg writes the chart, --fail-on makes active alerts a non-zero exit for monitoring."
        },
        usageHelpAutoWidth = true,
        footer = {
            "%nExamples:",
            "  openstack console log show vm1 | exosphere resource-usage --svg usage.svg",
            "  openstack console log show vm1 | exosphere resource-usage --fail-on warning"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no alert at or above the --fail-on level",
            "1:an alert at or above the --fail-on level (for monitoring), or the command failed",
            "2:bad usage"
        })
final class ResourceUsageCommand extends CliCommand {

    @Option(
            names = "--now",
            paramLabel = "ISO_INSTANT",
            description = "The time the alert (60 min) and chart (30 min) windows end at (default: now).")
    private Instant now;

    @Option(names = "--svg", paramLabel = "FILE", description = "Write the last 30 minutes as an SVG chart.")
    private Path svg;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            description = "Exit 1 when an alert of this level or worse is active: warning or danger.")
    private String failOn;

    @Override
    protected int run() throws IOException {
        ResourceUsageAlert.Level threshold = failOnLevel(this, failOn);
        Instant at = now != null ? now : Instant.now();
        String log = new String(stdin().readAllBytes(), StandardCharsets.UTF_8);
        ResourceUsageHistory history = ResourceUsageHistory.empty().merge(log);
        List<ResourceUsageAlert> alerts = ResourceUsageAlert.forHistory(history, at);
        if (svg != null) {
            Files.writeString(svg, ResourceUsageChart.defaults().render(history, at), StandardCharsets.UTF_8);
        }
        print(this, history, alerts, svg);
        return exitFor(this, alerts, threshold);
    }

    /** The {@code --fail-on} level (warning or danger), or null; anything else is a usage error. */
    static ResourceUsageAlert.Level failOnLevel(CliCommand cmd, String value) {
        if (value == null) {
            return null;
        }
        switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "warning":
                return ResourceUsageAlert.Level.WARNING;
            case "danger":
                return ResourceUsageAlert.Level.DANGER;
            default:
                throw new picocli.CommandLine.ParameterException(
                        cmd.spec().commandLine(), "--fail-on expects warning or danger, got '" + value + "'");
        }
    }

    /** 1 when an alert is at or above {@code threshold} (DANGER is worse than WARNING), else 0. */
    static int exitFor(CliCommand cmd, List<ResourceUsageAlert> alerts, ResourceUsageAlert.Level threshold) {
        if (threshold == null) {
            return 0;
        }
        boolean hit = alerts.stream().anyMatch(a -> a.level().ordinal() <= threshold.ordinal());
        if (hit && !cmd.json()) {
            cmd.err()
                    .println("resource-usage: an alert at or above "
                            + threshold.name().toLowerCase(java.util.Locale.ROOT) + " is active (--fail-on)");
        }
        return hit ? ExosphereCli.EXIT_FAILURE : 0;
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
                    .println(Json.document()
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
