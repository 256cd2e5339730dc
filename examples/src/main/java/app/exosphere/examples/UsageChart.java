package app.exosphere.examples;

import app.exosphere.cloudinit.console.ResourceUsageAlert;
import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.chart.ResourceUsageChart;
import app.exosphere.core.compute.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Exosphere's resource-usage graphs for a gateway page: reads an instance's console log, and writes the
 * last 30 minutes of CPU, RAM and root disk as a standalone SVG (plus the alerts Exosphere would show).
 *
 * <pre>{@code
 * java -cp examples/target/exosphere-cli.jar app.exosphere.examples.UsageChart   # writes usage.svg
 * }</pre>
 */
public final class UsageChart {

    private UsageChart() {}

    /** Runs the example; {@code args[0]} is an optional cloud name. Writes {@code usage.svg}. */
    public static void main(String[] args) {
        try (CloudSession session = Examples.open(args)) {
            Server server =
                    session.launch(LaunchOptions.builder().name("busy").build()).get(0);
            server = session.waitUntilReady(server.id(), Duration.ofMinutes(60), p -> {});
            Path svg = Path.of("usage.svg");
            List<ResourceUsageAlert> alerts = run(session, server, svg);
            System.out.println("wrote " + svg.toAbsolutePath() + "; alerts: " + alerts);
        }
    }

    /** Writes the chart of {@code server} to {@code svg}; returns the current alerts. */
    public static List<ResourceUsageAlert> run(CloudSession session, Server server, Path svg) {
        // snippet:chart
        ResourceUsageHistory history = session.resourceUsage(server);
        Instant now = session.clock().instant();
        String document =
                ResourceUsageChart.builder().cpuCores(2).ramGigabytes(6).build().render(history, now);
        List<ResourceUsageAlert> alerts = ResourceUsageAlert.forHistory(history, now);
        // end-snippet
        try {
            Files.writeString(svg, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return alerts;
    }
}
