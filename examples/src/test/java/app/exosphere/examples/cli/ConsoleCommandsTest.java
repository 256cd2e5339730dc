package app.exosphere.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.cloudinit.ExosphereUserData;
import app.exosphere.cloudinit.RecognisedUserData;
import app.exosphere.cloudinit.UserData;
import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.chart.ResourceUsageChart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleCommandsTest {

    static final String CONSOLE = resource("/spec-3.3-console.txt");

    @Test
    void setupStatusTakesTheLastStatusLine() {
        CliRun run = CliRun.withStdin(
                CONSOLE, "setup-status", "--created", "2024-01-01T00:00:00Z", "--now", "2024-01-01T00:30:00Z");
        assertThat(run)
                .isEqualTo(new CliRun(
                        0,
                        "status:   complete\n"
                                + "epoch:    1704069000000 (2024-01-01T00:30:00Z)\n"
                                + "metadata: exoSetup={\"status\":\"complete\",\"epoch\":1704069000000}\n",
                        ""));
    }

    @Test
    void setupStatusWithoutLinesTimesOutAWaitingServerAfterTwentyMinutes() {
        CliRun run = CliRun.withStdin(
                "[    1.0] booting\n",
                "--json",
                "setup-status",
                "--created",
                "2024-01-01T00:00:00Z",
                "--now",
                "2024-01-01T00:20:01Z");
        assertThat(run)
                .isEqualTo(new CliRun(
                        0,
                        "{\"version\":2,\"status\":\"timeout\",\"display\":\"Timeout\",\"epoch\":1704068401000,\"finished\":true,"
                                + "\"metadata\":\"{\\\"status\\\":\\\"timeout\\\",\\\"epoch\\\":1704068401000}\"}\n",
                        ""));
    }

    @Test
    void setupStatusKeepsThePreviousStatusWhenTheLogHasNone() {
        CliRun run = CliRun.withStdin(
                "",
                "setup-status",
                "--created",
                "2024-01-01T00:00:00Z",
                "--now",
                "2024-01-01T00:05:00Z",
                "--previous",
                "{\"status\":\"running\",\"epoch\":1704067220000}");
        assertThat(run.out()).startsWith("status:   running\nepoch:    1704067220000 (2024-01-01T00:00:20Z)\n");
    }

    @Test
    void setupStatusRejectsAnUnknownPreviousWordAndNowBeforeCreated() {
        CliRun bad = CliRun.withStdin("", "setup-status", "--created", "2024-01-01T00:00:00Z", "--previous", "done");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("exosphere setup-status: --previous 'done' is not a setup status");
        CliRun early = CliRun.withStdin(
                "", "setup-status", "--created", "2024-01-01T00:00:00Z", "--now", "2023-12-31T00:00:00Z");
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.err())
                .startsWith(
                        "exosphere setup-status: --now 2023-12-31T00:00:00Z is before --created 2024-01-01T00:00:00Z");
    }

    @Test
    void resourceUsagePrintsSamplesAndAlertsOfTheNewestPoint() {
        String untilSecondSample = CONSOLE.substring(0, CONSOLE.indexOf("{\"epoch\": 1704067380"));
        CliRun run = CliRun.withStdin(untilSecondSample, "resource-usage", "--now", "2024-01-01T00:30:00Z");
        assertThat(run)
                .isEqualTo(new CliRun(
                        0,
                        "time                  cpu%  mem%  disk%  gpu%\n"
                                + "2024-01-01T00:01:00Z     7    21     11  -\n"
                                + "2024-01-01T00:02:00Z    98    96     91  12,0\n"
                                + "alerts:\n"
                                + "  warning: Root disk is nearly full. Be careful not to use up all the space.\n"
                                + "  warning: Available memory (RAM) is nearly exhausted.\n"
                                + "  info: CPU usage is high.\n",
                        ""));
    }

    @Test
    void resourceUsageJsonListsSamplesAndNoAlertsAfterTheQuietPoint() {
        CliRun run = CliRun.withStdin(CONSOLE, "--json", "resource-usage", "--now", "2024-01-01T00:10:00Z");
        assertThat(run.out())
                .isEqualTo("{\"version\":2,\"samples\":["
                        + "{\"epochMillis\":1704067260000,\"time\":\"2024-01-01T00:01:00Z\",\"cpuPctUsed\":7,"
                        + "\"memPctUsed\":21,\"rootfsPctUsed\":11,\"gpuPctUsed\":[]},"
                        + "{\"epochMillis\":1704067320000,\"time\":\"2024-01-01T00:02:00Z\",\"cpuPctUsed\":98,"
                        + "\"memPctUsed\":96,\"rootfsPctUsed\":91,\"gpuPctUsed\":[12,0]},"
                        + "{\"epochMillis\":1704067380000,\"time\":\"2024-01-01T00:03:00Z\",\"cpuPctUsed\":5,"
                        + "\"memPctUsed\":20,\"rootfsPctUsed\":11,\"gpuPctUsed\":[33]}],"
                        + "\"alerts\":[],\"svg\":null}\n");
    }

    @Test
    void resourceUsageWritesTheLibraryChart(@TempDir Path dir) throws IOException {
        Path svg = dir.resolve("usage.svg");
        CliRun run =
                CliRun.withStdin(CONSOLE, "resource-usage", "--now", "2024-01-01T00:10:00Z", "--svg", svg.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).endsWith("alerts: none\nchart: " + svg + "\n");
        assertThat(Files.readString(svg))
                .isEqualTo(ResourceUsageChart.defaults()
                        .render(ResourceUsageHistory.empty().merge(CONSOLE), Instant.parse("2024-01-01T00:10:00Z")));
    }

    @Test
    void resourceUsageOnALogWithoutSamplesSaysSo() {
        assertThat(CliRun.withStdin("no json here\n", "resource-usage"))
                .isEqualTo(new CliRun(0, "no resource-usage samples\nalerts: none\n", ""));
    }

    @Test
    void userDataIsExosphereUserDataWithTheGivenOptions() {
        CliRun run = CliRun.of(
                "user-data",
                "--desktop",
                "--no-os-updates",
                "--ssh-key",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyForTheCliTest0000000000000000 me@host",
                "--workflow-repo",
                "https://github.com/binder-examples/r_with_python",
                "--workflow-ref",
                "main");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("MIME-Version: 1.0\n");
        RecognisedUserData r =
                ExosphereUserData.recognise(UserData.parse(run.out())).orElseThrow();
        assertThat(r.guacamole()).isTrue();
        assertThat(r.desktop()).isTrue();
        assertThat(r.installOsUpdates()).isFalse();
        assertThat(r.sshPublicKeys()).hasSize(1);
        assertThat(r.workflowRepository()).contains("https://github.com/binder-examples/r_with_python");
        assertThat(r.workflowReference()).contains("main");
    }

    @Test
    void userDataGzipBase64RoundTripsAndNoGuacamoleTurnsItOff() {
        CliRun run = CliRun.of("user-data", "--no-guacamole", "--gzip", "--base64");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("MIME").endsWith("\n");
        RecognisedUserData r = ExosphereUserData.recognise(
                        UserData.parseBase64(run.out().strip()))
                .orElseThrow();
        assertThat(r.guacamole()).isFalse();
        assertThat(r.installOsUpdates()).isTrue();
    }

    @Test
    void userDataRefusesBinaryOnTheTerminalAndBadWorkflowSources() {
        CliRun gzip = CliRun.of("user-data", "--gzip");
        assertThat(gzip.exitCode()).isEqualTo(2);
        assertThat(gzip.err())
                .startsWith("exosphere user-data: --gzip output is binary; add --base64 to print it on a terminal\n");
        CliRun local = CliRun.of("user-data", "--workflow-repo", "/etc/passwd");
        assertThat(local)
                .isEqualTo(new CliRun(
                        2,
                        "",
                        "user-data: repository: '/etc/passwd' is a local path; the instance clones the repository"
                                + " over the network, so give its URL, e.g. https://github.com/org/repo\n"));
        assertThat(CliRun.of("user-data", "--workflow-path", "lab").err())
                .startsWith("exosphere user-data: --workflow-ref and --workflow-path need --workflow-repo");
    }

    @Test
    void userDataRejectsAMalformedSshKeyWithItsTypedMessage() {
        CliRun run = CliRun.of("--json", "user-data", "--ssh-key", "not a key");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("{\"version\":2,\"error\":\"")
                .contains("\"kind\":\"invalid-user-data-option\"");
        assertThat(run.out()).isEmpty();
    }

    static String resource(String name) {
        try (InputStream in = ConsoleCommandsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
