package app.exosphere.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.examples.SimulatedSession;
import app.exosphere.testkit.SimulatedServer;
import app.exosphere.uap.UapTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The cloud commands against one simulated cloud, in order: launch, read, change, delete. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloudCommandsTest {

    static final String UAP = "proxy-js2-iu.simulated.test";

    @RegisterExtension
    static final SimulatedSession simulated = new SimulatedSession();

    @Test
    @Order(1)
    void quickstartGoesFromBuildingToReadyWithWebShellDesktopSshAndWorkflowUrls() {
        CliRun run = CliRun.on(simulated.session(), "quickstart");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("Launching 1 instance on simulated cloud Simulated Jetstream2 (region IU) ...");
        assertThat(lines.get(1)).matches("demo \\([0-9a-f-]{36}\\) created");
        assertThat(lines.get(2)).isEqualTo("  [00:00] BUILD    Building      setup waiting");
        assertThat(run.out())
                .containsPattern("  \\[\\d\\d:\\d\\d\\] ACTIVE   Running Setup setup running\n")
                .containsPattern("  \\[\\d\\d:\\d\\d\\] ACTIVE   Ready         setup complete\n")
                .contains("\ndemo: Ready\n")
                .containsPattern("\nDone in \\d+\\.\\d s wall time.\n$");

        SimulatedServer demo =
                simulated.session().simulator().orElseThrow().server("demo").orElseThrow();
        String ip = demo.floatingIp().orElseThrow();
        Matcher shell = Pattern.compile(
                        "  Web Shell    ready       (https://(\\S+?)/guacamole/#/client/c2hlbGwAYwBkZWZhdWx0"
                                + "\\?token=[0-9A-F]{64})\n")
                .matcher(run.out());
        assertThat(shell.find()).as(run.out()).isTrue();
        UapTarget target = UapTarget.parseRequestHost(UAP, shell.group(2));
        assertThat(target.ipv4()).isEqualTo(ip);
        assertThat(target.port()).isEqualTo(49528);
        assertThat(run.out())
                .containsPattern("  Web Desktop  ready       https://http-" + ip.replace('.', '-') + "-49528\\."
                        + Pattern.quote(UAP) + "/guacamole/#/client/ZGVza3RvcABjAGRlZmF1bHQ=\\?token=")
                .contains("  Native SSH   ready       exouser@" + ip + "\n")
                .contains("  Workflow     ready       https://http-" + ip.replace('.', '-') + "-8888." + UAP
                        + "/rstudio?token=" + demo.workflowToken().orElseThrow() + "\n");
    }

    @Test
    @Order(2)
    void listShowsTheDemoReadyWithItsFloatingIp() {
        CliRun run = CliRun.on(simulated.session(), "list");
        String ip = simulated
                .session()
                .simulator()
                .orElseThrow()
                .server("demo")
                .orElseThrow()
                .floatingIp()
                .orElseThrow();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("ID")
                .containsPattern("[0-9a-f-]{36}  demo\\s+ACTIVE\\s+Ready\\s+" + ip + "\n");
    }

    @Test
    @Order(3)
    void showJsonHasInteractionsAndSetup() {
        CliRun run = CliRun.on(simulated.session(), "--json", "show", "demo");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("{\"version\":2,\"server\":{\"id\":\"")
                .contains("\"name\":\"demo\",\"status\":\"ACTIVE\",\"uiStatus\":\"Ready\",\"setup\":\"complete\"")
                .contains(
                        "{\"interaction\":\"GuacTerminal\",\"name\":\"Web Shell\",\"status\":\"ready\",\"value\":\"https://")
                .contains("{\"interaction\":\"CustomWorkflow\",\"name\":\"Workflow\",\"status\":\"ready\"")
                .contains("\"alerts\":[]");
    }

    @Test
    @Order(4)
    void usageReadsTheConsoleSamplesAndWritesTheChart(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("demo.svg");
        CliRun run = CliRun.on(simulated.session(), "usage", "demo", "--svg", svg.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("time                  cpu%  mem%  disk%  gpu%\n")
                .contains("chart: " + svg);
        String console = simulated
                .session()
                .simulator()
                .orElseThrow()
                .server("demo")
                .orElseThrow()
                .consoleLog();
        int samples = ResourceUsageHistory.empty().merge(console).timeSeries().size();
        long printed = run.out().lines().filter(l -> l.matches("\\d{4}-.*")).count();
        // the simulated instance keeps logging a sample every simulated minute while we read
        assertThat(printed).isPositive().isLessThanOrEqualTo(samples);
        assertThat(Files.readString(svg))
                .startsWith("<svg")
                .contains("of 2 total cores")
                .contains("<polyline");
    }

    @Test
    @Order(4)
    void usageFailOnExitsOneExactlyWhenItPrintsAnAlertAtThatLevel() throws Exception {
        CliRun run = CliRun.on(simulated.session(), "--json", "usage", "demo", "--fail-on", "warning");
        com.fasterxml.jackson.databind.JsonNode alerts = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out())
                .get("alerts");
        boolean warned = alerts.findValuesAsText("level").stream()
                .anyMatch(l -> l.equalsIgnoreCase("warning") || l.equalsIgnoreCase("danger"));
        assertThat(run.exitCode()).as(run.out()).isEqualTo(warned ? 1 : 0);
        assertThat(CliRun.on(simulated.session(), "usage", "demo", "--fail-on", "loud")
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    @Order(5)
    void volumeCreateAttachPrintsTheExosphereMountpointAndDetaches() {
        CliRun create = CliRun.on(simulated.session(), "volume", "create", "--name", "my data", "--size", "10");
        assertThat(create.out()).matches("volume my data \\([0-9a-f-]{36}\\), 10 GB, available\n");
        CliRun attach = CliRun.on(simulated.session(), "volume", "attach", "demo", "my data");
        assertThat(attach).isEqualTo(new CliRun(0, "my data attached to demo, mounted at /media/volume/my-data\n", ""));
        CliRun detach = CliRun.on(simulated.session(), "volume", "detach", "demo", "my data");
        assertThat(detach).isEqualTo(new CliRun(0, "my data detached from demo\n", ""));
    }

    @Test
    @Order(6)
    void actionsFollowNovaRulesAndUnknownActionsAreUsageErrors() {
        assertThat(CliRun.on(simulated.session(), "action", "demo", "stop"))
                .isEqualTo(new CliRun(0, "stop requested for demo\n", ""));
        CliRun again = CliRun.on(simulated.session(), "action", "demo", "pause");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("action: ");
        CliRun unknown = CliRun.on(simulated.session(), "action", "demo", "explode");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("exosphere action: unknown action 'explode'");
    }

    @Test
    @Order(7)
    void launchWithoutGuacamoleExplainsTheMissingWebShell() {
        CliRun run = CliRun.on(simulated.session(), "--json", "launch", "--name", "plain", "--no-guacamole", "--wait");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("\"name\":\"plain\"")
                .contains("\"uiStatus\":\"Ready\"")
                .contains(
                        "{\"interaction\":\"GuacTerminal\",\"name\":\"Web Shell\",\"status\":\"unavailable\",\"value\":null,"
                                + "\"reason\":\"Instance was deployed with Guacamole support de-selected\"}");
    }

    @Test
    @Order(8)
    void deleteRemovesTheServerAndUnknownServersAreErrors() {
        CliRun delete = CliRun.on(simulated.session(), "delete", "plain");
        assertThat(delete.exitCode()).isZero();
        assertThat(delete.out()).startsWith("deleting plain (");
        CliRun missing = CliRun.on(simulated.session(), "show", "nope");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("show: no server named or with id 'nope'");
    }

    @Test
    void cloudCommandsWithoutACloudSayWhatToPass() {
        assumeTrue(System.getenv("OS_CLOUD") == null, "OS_CLOUD is set");
        assertThat(CliRun.of("list"))
                .isEqualTo(
                        new CliRun(
                                2,
                                "",
                                "list: no cloud chosen: pass --cloud NAME (from clouds.yaml), set OS_CLOUD, or try --simulated\n"));
        assertThat(CliRun.of("list", "--cloud", "a", "--simulated").exitCode()).isEqualTo(2);
    }

    @Test
    void cloudConfigUsesExosphereBuiltInListForJetstream2() {
        CliRun run = CliRun.of(
                "cloud-config", "--keystone-url", "https://js2.jetstream-cloud.org:5000/v3/", "--region", "TACC");
        assertThat(run.out())
                .startsWith("source:            Exosphere built-in cloud_configs.js\n"
                        + "keystone hostname: js2.jetstream-cloud.org\n"
                        + "friendly name:     Jetstream2\n"
                        + "UAP hostname:      proxy-js2-tacc.exosphere.app (region TACC)\n")
                .contains("  UAP (any region): proxy-js2-iu.exosphere.app\n")
                .endsWith("featured images:   names starting with Featured-\n");
        CliRun nectar =
                CliRun.of("--json", "cloud-config", "--keystone-url", "https://keystone.rc.nectar.org.au:5000/v3");
        assertThat(nectar.out())
                .isEqualTo("{\"version\":2,\"source\":\"built-in\",\"keystoneHostname\":\"keystone.rc.nectar.org.au\","
                        + "\"friendlyName\":\"Nectar Cloud\",\"region\":null,\"uapHostname\":null,\"userAppProxy\":[],"
                        + "\"featuredImageNamePrefix\":null}\n");
    }

    @Test
    void cloudConfigReadsACloudConfigsJsFile(@TempDir Path dir) throws Exception {
        Path js = dir.resolve("cloud_configs.js");
        Files.writeString(js, simulated.session().simulator().orElseThrow().cloudConfigsJs());
        String keystone = simulated.session().simulator().orElseThrow().keystoneUrl();
        CliRun run = CliRun.of(
                "--json", "cloud-config", "--file", js.toString(), "--keystone-url", keystone, "--region", "TACC");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("\"friendlyName\":\"Simulated Jetstream2\"")
                .contains("\"uapHostname\":\"proxy-js2-tacc.simulated.test\"");
        CliRun unknown =
                CliRun.of("cloud-config", "--file", js.toString(), "--keystone-url", "https://other.example.org/v3");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err())
                .startsWith("cloud-config: no Exosphere cloud entry for Keystone host other.example.org");
    }
}
