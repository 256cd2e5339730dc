package app.exosphere.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.cloudinit.internal.ElmJson;
import app.exosphere.cloudinit.internal.Yaml;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batches user data and cloud-config documents through cloud-init's own Python code (one process):
 * its user-data processor, PyYAML (YAML 1.1, what cloud-init loads) and its JSON schema.
 */
final class CloudInitCheck {

    private final Path dir;
    private final Map<String, String> cloudConfigs = new LinkedHashMap<>();
    private final Map<String, byte[]> userData = new LinkedHashMap<>();

    CloudInitCheck(Path dir) {
        this.dir = dir;
    }

    /** Adds a cloud-config document; returns its key. */
    String cloudConfig(String text) {
        return cloudConfigs.computeIfAbsent(
                text, t -> dir.resolve("cc-" + cloudConfigs.size() + ".yaml").toString());
    }

    /** Adds raw user data; returns its key. */
    String userData(byte[] payload) {
        String key = dir.resolve("ud-" + userData.size() + ".bin").toString();
        userData.put(key, payload);
        return key;
    }

    /** Runs cloud-init's code over everything added. */
    JsonNode run() {
        Path python = ExternalTools.cloudInitPython();
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve("cloudinit_check.py");
            Files.writeString(script, ExternalTools.resource("/tools/cloudinit_check.py"));
            List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
            for (Map.Entry<String, String> e : cloudConfigs.entrySet()) {
                Files.writeString(Path.of(e.getValue()), e.getKey(), StandardCharsets.UTF_8);
                command.add(e.getValue());
            }
            for (Map.Entry<String, byte[]> e : userData.entrySet()) {
                Files.write(Path.of(e.getKey()), e.getValue());
                command.add(e.getKey());
            }
            ExternalTools.Result r = ExternalTools.run(command, Map.of(), null);
            if (r.exitCode() != 0 && r.stderr().contains("No module named")) {
                String message = "cloud-init's Python modules are not importable by " + python + ": "
                        + r.stderr().strip();
                if (ExternalTools.toolsRequired()) {
                    throw new AssertionError(message);
                }
                org.junit.jupiter.api.Assumptions.abort(message);
            }
            assertThat(r.exitCode())
                    .as("cloud-init check failed: %s", r.stderr())
                    .isZero();
            return ElmJson.MAPPER.readTree(r.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that cloud-init reads a cloud-config document exactly as we built it and finds no schema error. */
    static void assertSameAsJackson(JsonNode result, String key, String cloudConfigText) {
        JsonNode mine;
        try {
            mine = Yaml.MAPPER.readTree(cloudConfigText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode entry = result.get(key);
        assertThat(entry.get("schemaErrors").isNull())
                .as("cloud-init schema errors for %s: %s", key, entry.get("schemaErrors"))
                .isTrue();
        assertThat(entry.get("loaded")).as("PyYAML reading of %s", key).isEqualTo(mine);
    }

    /** Asserts that cloud-init splits the user data into the same parts (type, file name, body) as our parser. */
    static void assertSameParts(JsonNode result, String key, ParsedUserData mine) {
        JsonNode parts = result.get(key).get("parts");
        assertThat(parts).hasSize(mine.parts().size());
        for (int i = 0; i < parts.size(); i++) {
            UserDataPart p = mine.parts().get(i);
            assertThat(parts.get(i).get("type").asText()).isEqualTo(p.contentType());
            assertThat(parts.get(i).get("filename").asText())
                    .isEqualTo(p.filename().orElse(null));
            assertThat(parts.get(i).get("body").asText()).as("body of %s", p).isEqualTo(p.body());
        }
    }
}
