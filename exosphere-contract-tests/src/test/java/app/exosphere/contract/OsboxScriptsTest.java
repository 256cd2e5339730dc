package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Keeps the osbox harness ({@code integration/osbox}) shellcheck-clean in every build, without
 * starting it. Without shellcheck on the machine the check is skipped with a message, unless
 * {@code EXOSPHERE_REQUIRE_TOOLS=true} (as in CI), where that is a failure.
 */
class OsboxScriptsTest {
    private static final Path HARNESS = Path.of("..", "integration", "osbox");

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void harnessScriptsAreShellcheckClean() throws IOException, InterruptedException {
        if (!onPath("shellcheck")) {
            String message = "shellcheck is not installed; the osbox script check is skipped";
            if ("true".equalsIgnoreCase(System.getenv("EXOSPHERE_REQUIRE_TOOLS"))) {
                fail("EXOSPHERE_REQUIRE_TOOLS=true but " + message);
            }
            Assumptions.abort(message);
        }
        List<String> command = new ArrayList<>(List.of("shellcheck", "-x"));
        for (String script : List.of("start", "stop", "status", "run-contract-suite", "cli-check")) {
            assertThat(HARNESS.resolve(script)).isExecutable();
            command.add(script);
        }
        try (var libs = Files.list(HARNESS.resolve("lib"))) {
            libs.filter(p -> p.toString().endsWith(".sh")).sorted().forEach(p -> command.add("lib/" + p.getFileName()));
        }
        Process p = new ProcessBuilder(command)
                .directory(HARNESS.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
