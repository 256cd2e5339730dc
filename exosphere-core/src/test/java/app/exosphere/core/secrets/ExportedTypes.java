package app.exosphere.core.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public classes (top-level and nested) of an SDK module's packages under a prefix, outside
 * {@code .internal.} packages, found in the directory or jar the module was loaded from.
 */
final class ExportedTypes {
    private ExportedTypes() {}

    /** Public types of the module holding {@code anchor}, in {@code packagePrefix} and its sub-packages. */
    static List<Class<?>> of(Class<?> anchor, String packagePrefix) {
        Path location;
        try {
            location = Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isDirectory(location)) {
            return scan(location, anchor, packagePrefix);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return scan(jar.getPath("/"), anchor, packagePrefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Class<?>> scan(Path root, Class<?> anchor, String packagePrefix) {
        Path base = root.resolve(packagePrefix.replace('.', '/'));
        try (Stream<Path> files = Files.walk(base)) {
            return files.map(p -> root.relativize(p).toString())
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> n.replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(n -> !n.contains(".internal.") && !n.endsWith("package-info") && !n.contains("module-info"))
                    .sorted()
                    .<Class<?>>map(n -> load(n, anchor))
                    .filter(c -> Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isSynthetic())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name, Class<?> anchor) {
        try {
            return Class.forName(name, false, anchor.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }
}
