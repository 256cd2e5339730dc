package app.exosphere.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exosphere simulator} outlives one command: it writes the {@code exosphere-sim} clouds.yaml entry,
 * other CLI runs (separate sessions, as separate processes would be) launch and list through it, and
 * stopping it removes the entry.
 */
class SimulatorCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void simulatorServesOtherCommandsThroughItsCloudsYamlEntryUntilStopped() throws Exception {
        Path clouds = home.resolve(".config/openstack/clouds.yaml");
        Map<String, String> env = Map.of("HOME", home.toString());
        PipedOutputStream stdinWriter = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(stdinWriter);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> simulator = CompletableFuture.supplyAsync(() -> ExosphereCli.execute(
                env,
                null,
                stdin,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "simulator",
                "--until-stdin-closes",
                "--speed",
                "600"));
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (!out.toString().contains("Stop with") && Instant.now().isBefore(deadline)) {
                assertThat(simulator).as(err.toString()).isNotDone();
                Thread.sleep(50);
            }
            assertThat(out.toString())
                    .contains("Wrote the clouds.yaml entry 'exosphere-sim' to " + clouds + " (new file)");
            assertThat(Files.readString(clouds)).contains("exosphere-sim:").contains("auth_url: http://127.0.0.1:");

            CliRun launch = CliRun.withEnv(
                    env, null, "launch", "--os-cloud", "exosphere-sim", "--name", "i14-sim", "--no-guacamole");
            assertThat(launch.exitCode()).as(launch.err()).isZero();

            CliRun list = CliRun.withEnv(env, null, "list", "--cloud", "exosphere-sim", "-f", "json");
            assertThat(list.exitCode()).as(list.err()).isZero();
            JsonNode servers = JSON.readTree(list.out()).get("servers");
            assertThat(servers.findValuesAsText("name")).contains("i14-sim");

            CliRun config = CliRun.withEnv(env, null, "config", "show", "--cloud", "exosphere-sim", "-f", "json");
            JsonNode cloud = JSON.readTree(config.out()).get("cloud");
            assertThat(cloud.get("auth.password").asText()).isEqualTo("<masked>");
            assertThat(config.out()).doesNotContain("correct-horse");
        } finally {
            stdinWriter.close();
        }
        assertThat(simulator.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Simulator stopped; removed 'exosphere-sim'");
        assertThat(clouds).doesNotExist();
    }

    @Test
    void simulatorKeepsTheOtherCloudsOfAnExistingFileAndRejectsBadOptions() throws IOException {
        Path clouds = Files.createDirectories(home.resolve("cfg")).resolve("clouds.yaml");
        Files.writeString(clouds, "clouds:\n  js2:\n    auth:\n      auth_url: https://js2.example/v3\n");
        CliRun badPort = CliRun.withEnv(
                Map.of("HOME", home.toString()),
                null,
                "simulator",
                "--port",
                "70000",
                "--clouds-yaml",
                clouds.toString());
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.err()).contains("--port must be between 0 and 65535");
        CliRun badSpeed = CliRun.withEnv(Map.of(), null, "simulator", "--speed", "0");
        assertThat(badSpeed.exitCode()).isEqualTo(2);
        assertThat(Files.readString(clouds))
                .isEqualTo("clouds:\n  js2:\n    auth:\n      auth_url: https://js2.example/v3\n");

        SimulatorCommand.CloudsYamlEntry entry = SimulatorCommand.CloudsYamlEntry.write(
                clouds,
                "exosphere-sim",
                new app.exosphere.testkit.CloudCredentials(
                        "http://127.0.0.1:1/v3",
                        "u",
                        "p",
                        "Default",
                        "default",
                        "uid",
                        "proj",
                        "pid",
                        "Default",
                        "IU",
                        "",
                        "",
                        "",
                        "",
                        ""));
        assertThat(Files.readString(clouds)).contains("js2:").contains("exosphere-sim:");
        assertThat(clouds.resolveSibling("clouds.yaml.bak")).exists();
        entry.remove();
        assertThat(Files.readString(clouds)).contains("js2:").doesNotContain("exosphere-sim");
    }
}
