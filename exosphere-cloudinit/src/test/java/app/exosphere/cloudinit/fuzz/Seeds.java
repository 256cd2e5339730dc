package app.exosphere.cloudinit.fuzz;

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
 * hangs).
 */
final class Seeds {
    private Seeds() {}

    static void each(Class<?> fuzzTest, String method, Consumer<byte[]> body) {
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
