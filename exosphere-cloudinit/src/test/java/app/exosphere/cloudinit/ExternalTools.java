package app.exosphere.cloudinit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the external validators (bash, shellcheck, cloud-init and its Python). A missing tool skips the
 * test with a message on a developer machine, and fails it when {@code EXOSPHERE_REQUIRE_TOOLS=true}
 * (set in CI).
 */
final class ExternalTools {

    record Result(int exitCode, String stdout, String stderr) {
        String both() {
            return stdout + stderr;
        }
    }

    private ExternalTools() {}

    static boolean toolsRequired() {
        return "true".equalsIgnoreCase(System.getenv("EXOSPHERE_REQUIRE_TOOLS"));
    }

    /** The absolute path of an executable on PATH, or skip/fail. */
    static Path require(String tool, String debianPackage) {
        Optional<Path> found = which(tool);
        if (found.isEmpty()) {
            String message = "'" + tool + "' is not installed (Debian package '" + debianPackage
                    + "'); this check is skipped. Install it, or set EXOSPHERE_REQUIRE_TOOLS=true to make this a failure.";
            if (toolsRequired()) {
                fail("EXOSPHERE_REQUIRE_TOOLS=true but " + message);
            }
            Assumptions.abort(message);
        }
        return found.get();
    }

    static Optional<Path> which(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The Python interpreter that runs cloud-init (read from the cloud-init script's shebang). */
    static Path cloudInitPython() {
        Path cloudInit = require("cloud-init", "cloud-init");
        try {
            String first = Files.readAllLines(cloudInit).get(0);
            if (first.startsWith("#!")) {
                String[] words = first.substring(2).strip().split("\\s+");
                Path python = Path.of(words[words.length - 1]);
                if (words.length == 1 && Files.isExecutable(python)) {
                    return python;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return require("python3", "python3");
    }

    static Result run(List<String> command, Map<String, String> env, String stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().putAll(env);
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            var out = readAsync(p.getInputStream());
            var err = readAsync(p.getErrorStream());
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + command.get(0));
            }
            return new Result(p.exitValue(), out.get(), err.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Result run(String... command) {
        return run(List.of(command), Map.of(), null);
    }

    private static java.util.concurrent.CompletableFuture<String> readAsync(InputStream in) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String resource(String name) {
        try (InputStream in = ExternalTools.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a user-data shell part under bash with every external command stubbed (see tools/harness.sh)
     * and the console devices redirected to files. Returns the recorded calls and the console output.
     */
    static ScriptRun runScript(Path dir, String script, Map<String, String> env) {
        Path bash = require("bash", "bash");
        try {
            Files.createDirectories(dir);
            Path calls = dir.resolve("calls");
            Path console = dir.resolve("console");
            Path kmsg = dir.resolve("kmsg");
            Path printk = dir.resolve("printk_devkmsg");
            Files.deleteIfExists(calls);
            Files.deleteIfExists(console);
            Files.deleteIfExists(kmsg);
            String body = script.replace("/dev/console", console.toString())
                    .replace("/dev/kmsg", kmsg.toString())
                    .replace("/proc/sys/kernel/printk_devkmsg", printk.toString());
            Path file = dir.resolve("script.sh");
            Files.writeString(file, resource("/tools/harness.sh") + "\n" + body);
            Map<String, String> fullEnv = new java.util.HashMap<>(env);
            fullEnv.put("HARNESS_CALLS", calls.toString());
            Result r = run(List.of(bash.toString(), file.toString()), fullEnv, null);
            List<List<String>> recorded = new ArrayList<>();
            if (Files.exists(calls)) {
                for (String rec : Files.readString(calls).split("\u001e")) {
                    if (!rec.isEmpty()) {
                        recorded.add(List.of(rec.split("\u001f", -1)));
                    }
                }
            }
            String consoleText = Files.exists(console) ? Files.readString(console) : "";
            String kmsgText = Files.exists(kmsg) ? Files.readString(kmsg) : "";
            return new ScriptRun(r, recorded, consoleText, kmsgText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record ScriptRun(Result result, List<List<String>> calls, String console, String kmsg) {
        List<String> call(String name, String... firstArgs) {
            outer:
            for (List<String> c : calls) {
                if (!c.get(0).equals(name) || c.size() <= firstArgs.length) {
                    continue;
                }
                for (int i = 0; i < firstArgs.length; i++) {
                    if (!c.get(i + 1).equals(firstArgs[i])) {
                        continue outer;
                    }
                }
                return c;
            }
            throw new AssertionError("no call " + name + " " + List.of(firstArgs) + " in " + calls);
        }
    }
}
