package app.exosphere.examples;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.cloudinit.console.ResourceUsageAlert;
import app.exosphere.core.auth.SecretUrl;
import app.exosphere.core.compute.Server;
import app.exosphere.core.rules.Interaction;
import app.exosphere.core.rules.InteractionStatus;
import app.exosphere.core.rules.Interactions;
import app.exosphere.testkit.SimulatedServer;
import app.exosphere.uap.UapTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Each example program, run against the simulated cloud, does what its Javadoc says. */
class ExamplesTest {

    static final String UAP = "proxy-js2-iu.simulated.test";

    @RegisterExtension
    static final SimulatedSession simulated = new SimulatedSession();

    static SimulatedServer simulated(String name) {
        return simulated.session().simulator().orElseThrow().server(name).orElseThrow();
    }

    @Test
    void quickStartEndsWithReadyWebShellAndDesktopOnTheInstancesFloatingIp() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Interactions interactions =
                QuickStart.run(simulated.session(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String ip = simulated("quickstart").floatingIp().orElseThrow();
        InteractionStatus shell = interactions.status(Interaction.WEB_SHELL);
        assertThat(shell.kind()).isEqualTo(InteractionStatus.Kind.READY);
        String host = shell.value()
                .orElseThrow()
                .toUriString()
                .substring("https://".length())
                .split("/")[0];
        assertThat(UapTarget.parseRequestHost(UAP, host))
                .isEqualTo(UapTarget.parseRequestHost(UAP, "http-" + ip.replace('.', '-') + "-49528." + UAP));
        assertThat(interactions.status(Interaction.WEB_DESKTOP).kind()).isEqualTo(InteractionStatus.Kind.READY);
        assertThat(interactions.status(Interaction.NATIVE_SSH).value().map(SecretUrl::toUriString))
                .contains("exouser@" + ip);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Building (setup waiting)", "Ready (setup complete)", "Web Shell: https://");
    }

    @Test
    void launchBinderPrintsTheRStudioUrlWithTheInstancesJupyterToken() {
        String url = LaunchBinder.run(simulated.session());
        SimulatedServer rstudio = simulated("rstudio");
        assertThat(rstudio.workflowRepository()).contains(LaunchBinder.REPOSITORY);
        assertThat(url)
                .isEqualTo("https://http-" + rstudio.floatingIp().orElseThrow().replace('.', '-') + "-8888." + UAP
                        + "/rstudio?token=" + rstudio.workflowToken().orElseThrow());
    }

    @Test
    void listAndExplainGivesExospheresReasonsForABuildingServer() {
        simulated.session().launch(LaunchOptions.builder().name("explained").build());
        List<String> lines = ListAndExplain.run(
                simulated.session(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int at = lines.indexOf("explained: Building");
        assertThat(at).as(String.join("\n", lines)).isNotNegative();
        assertThat(lines.subList(at + 1, lines.size()))
                .anyMatch(l -> l.equals("  Web Shell [UNAVAILABLE] Instance is still building"));
    }

    @Test
    void volumeDataAttachesResultsAtTheExosphereMountpoint() {
        String mountpoint = VolumeData.run(simulated.session());
        assertThat(mountpoint).isEqualTo("/media/volume/results");
        Server analysis = simulated.session().server("analysis");
        assertThat(simulated
                        .session()
                        .openStack()
                        .compute()
                        .servers()
                        .volumeAttachments(analysis.id())
                        .list()
                        .execute())
                .singleElement()
                .satisfies(a -> assertThat(a.volumeId())
                        .isEqualTo(simulated.session().volume("results").id()));
        // Exosphere's `ServerVolumes.requestAttachVolume`: the attachment carries the device tag the instance's
        // automount reads
        assertThat(simulated.session().simulator().orElseThrow().journal().entries().stream()
                        .filter(e -> e.method().equals("POST") && e.path().endsWith("/os-volume_attachments"))
                        .map(e -> e.requestBody()))
                .singleElement()
                .asString()
                .contains("exoVolume::{\\\"name\\\":\\\"results\\\"}");
    }

    @Test
    void usageChartWritesTheConsoleSamplesAndRaisesExospheresAlerts(@TempDir Path dir) throws Exception {
        Server server = simulated
                .session()
                .launch(LaunchOptions.builder().name("busy").build())
                .get(0);
        server = simulated.session().waitUntilReady(server.id(), Duration.ofMinutes(60), p -> {});
        simulated("busy").simulateLoad(99, 97, 93);
        Thread.sleep(2500); // two simulated minutes: the instance logs the new load
        Path svg = dir.resolve("usage.svg");
        List<ResourceUsageAlert> alerts = UsageChart.run(simulated.session(), server, svg);
        assertThat(alerts)
                .extracting(ResourceUsageAlert::message)
                .containsExactly(
                        ResourceUsageAlert.ROOTFS_NEARLY_FULL,
                        ResourceUsageAlert.MEMORY_NEARLY_EXHAUSTED,
                        ResourceUsageAlert.CPU_HIGH);
        assertThat(Files.readString(svg)).startsWith("<svg").contains("of 2 total cores", "<polyline");
    }
}
