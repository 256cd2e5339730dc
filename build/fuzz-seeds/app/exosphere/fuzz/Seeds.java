package app.exosphere.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The committed seed corpus of a fuzz test ({@code <Class>Inputs/<method>/} under test resources), used
 * to warm the parsers up before the one-second per-input limit applies (class loading and JIT are not
 * hangs), and that limit itself. One copy for every module with fuzz tests: their poms add this directory
 * to their test sources (build-helper-maven-plugin, execution {@code fuzz-seeds} in the root pom), so it is
 * compiled with each module's tests and never packaged or published.
 */
public final class Seeds {
    private Seeds() {}

    /**
     * Runs one fuzz input and fails if it took more than one second of CPU time: a hang, measured
     * independently of how loaded the machine is (the wall-clock limit of the test is only a backstop).
     */
    public static void withinOneCpuSecond(Runnable input) {
        long start = cpuNanos();
        input.run();
        long used = cpuNanos() - start;
        if (used > 1_000_000_000L) {
            throw new AssertionError("one input took " + used / 1_000_000 + " ms of CPU time (limit 1 s)");
        }
    }

    // java.lang.management through reflection: the tests compile inside a module that does not read it
    private static final Object THREADS;
    private static final java.lang.reflect.Method CPU_TIME;

    static {
        Object threads = null;
        java.lang.reflect.Method cpuTime = null;
        try {
            threads = Class.forName("java.lang.management.ManagementFactory")
                    .getMethod("getThreadMXBean")
                    .invoke(null);
            cpuTime = Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime");
        } catch (ReflectiveOperationException | RuntimeException e) {
            // fall back to wall-clock time
        }
        THREADS = threads;
        CPU_TIME = cpuTime;
    }

    private static long cpuNanos() {
        if (CPU_TIME != null) {
            try {
                return (Long) CPU_TIME.invoke(THREADS);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through
            }
        }
        return System.nanoTime();
    }

    /** Runs {@code body} on every committed seed of {@code fuzzTest}'s {@code method}, in file-name order. */
    public static void each(Class<?> fuzzTest, String method, Consumer<byte[]> body) {
        URL dir = fuzzTest.getResource(fuzzTest.getSimpleName() + "Inputs/" + method);
        if (dir == null) {
            throw new IllegalStateException("no seed corpus for " + fuzzTest.getSimpleName() + "." + method);
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            files.sorted().forEach(f -> {
                try {
                    body.accept(Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
