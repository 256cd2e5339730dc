package app.exosphere.core.fuzz;

import app.exosphere.core.compute.Server;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Every public class of exosphere-core's exported packages, found on disk next to {@link Server}. */
public final class PublicModels {
    private static final List<Class<?>> ALL = scan();

    private PublicModels() {}

    /** Public top-level and nested classes of the exported (non-internal) packages. */
    public static List<Class<?>> publicTypes() {
        return ALL;
    }

    /** The public types Jackson decodes from OpenStack responses ({@code @JsonDeserialize}). */
    public static List<Class<?>> jsonModels() {
        return ALL.stream()
                .filter(c -> c.isAnnotationPresent(JsonDeserialize.class))
                .filter(c -> !c.getSimpleName().startsWith("Immutable"))
                .toList();
    }

    private static List<Class<?>> scan() {
        Path root;
        try {
            root = Path.of(Server.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path base = root.resolve("app/exosphere/core");
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(n -> !n.contains(".internal.") && !n.endsWith("package-info") && !n.contains("module-info"))
                    .sorted(Comparator.naturalOrder())
                    .<Class<?>>map(PublicModels::load)
                    .filter(c -> Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isSynthetic())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicModels.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
