package app.exosphere.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exosphere config show}: how a cloud resolves, with the openstack CLI's cloud and region options. */
class ConfigShowCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeEach
    void writeCloudsYaml() throws Exception {
        Path clouds = dir.resolve("clouds.yaml");
        Files.writeString(
                clouds,
                String.join(
                        "\n",
                        "clouds:",
                        "  js2:",
                        "    regions:",
                        "      - IU",
                        "      - name: TACC",
                        "        values:",
                        "          interface: internal",
                        "    auth:",
                        "      auth_url: https://js2.jetstream-cloud.org:5000/v3/",
                        "      username: alice",
                        "      password: hunter2-secret",
                        "      project_name: TG-ABC",
                        "      user_domain_name: access",
                        "      project_domain_name: access",
                        ""));
        env = Map.of("OS_CLIENT_CONFIG_FILE", clouds.toString(), "HOME", dir.toString());
    }

    private JsonNode show(Map<String, String> environment, String... args) throws Exception {
        String[] all = new String[args.length + 4];
        all[0] = "config";
        all[1] = "show";
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "-f";
        all[args.length + 3] = "json";
        CliRun run = CliRun.withEnv(environment, null, all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out()).get("cloud");
    }

    @Test
    void showsTheResolvedCloudWithSecretsMasked() throws Exception {
        JsonNode c = show(env, "--cloud", "js2");
        assertThat(c.get("region_name").asText()).isEqualTo("IU");
        assertThat(c.get("interface").asText()).isEqualTo("public");
        assertThat(c.get("auth.password").asText()).isEqualTo("<masked>");
        assertThat(c.get("auth.username").asText()).isEqualTo("alice");
        assertThat(c.get("scope").asText()).isEqualTo("project");
        CliRun text = CliRun.withEnv(env, null, "config", "show", "--cloud", "js2");
        assertThat(text.out()).contains("auth.password").contains("<masked>").doesNotContain("hunter2");
    }

    @Test
    void regionComesFromOsRegionNameOrTheOpenstackCliSpellings() throws Exception {
        assertThat(show(env, "--os-cloud", "js2", "--os-region-name", "TACC")
                        .get("interface")
                        .asText())
                .isEqualTo("internal");
        assertThat(show(env, "--cloud", "js2", "--region", "TACC")
                        .get("region_name")
                        .asText())
                .isEqualTo("TACC");
        Map<String, String> withRegion = new java.util.HashMap<>(env);
        withRegion.put("OS_REGION_NAME", "TACC");
        withRegion.put("OS_CLOUD", "js2");
        assertThat(show(withRegion).get("region_name").asText()).isEqualTo("TACC");

        CliRun wrong = CliRun.withEnv(env, null, "config", "show", "--cloud", "js2", "--region", "tacc");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("valid choices are [IU, TACC]");
        assertThat(CliRun.withEnv(env, null, "config", "show", "--cloud", "js2", "-f", "value", "-c", "region_name")
                        .out())
                .isEqualTo("IU\n");
    }

    @Test
    void aMissingClientConfigFileIsAClearError() {
        CliRun run = CliRun.withEnv(
                Map.of("OS_CLIENT_CONFIG_FILE", dir.resolve("nope.yaml").toString()),
                null,
                "config",
                "show",
                "--cloud",
                "js2");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("OS_CLIENT_CONFIG_FILE names a file that does not exist")
                .doesNotContain("\tat ");
    }
}
