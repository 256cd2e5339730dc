package app.exosphere.core;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.compute.Server;
import app.exosphere.core.instance.ImageChoice;
import app.exosphere.core.instance.LaunchRequest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the Immutables value types (CONTRIBUTING.md, "Value types"): the generated {@code ImmutableX}
 * stays package-private, and each value type builds through its own nested {@code Builder}.
 */
class ValueTypesTest {

    @Test
    void everyGeneratedTypeIsPackagePrivateAndItsValueTypeBuildsThroughItsOwnNestedBuilder() throws Exception {
        List<Class<?>> generated = generatedTypes();
        assertThat(generated).hasSize(64); // 53 + 6 share types + Snapshot, SnapshotCreateRequest, Zone, RecordSet,
        // RecordSetCreateRequest
        for (Class<?> immutable : generated) {
            Class<?> value = immutable.getSuperclass();
            assertThat(Modifier.isPublic(immutable.getModifiers()))
                    .as(immutable.getName())
                    .isFalse();
            Class<?> builder = Class.forName(value.getName() + "$Builder");
            assertThat(Modifier.isPublic(builder.getModifiers()))
                    .as(builder.getName())
                    .isTrue();
            assertThat(value.getMethod("builder").getReturnType())
                    .as(value.getName())
                    .isEqualTo(builder);
            assertThat(value.getMethod("toBuilder").getReturnType())
                    .as(value.getName())
                    .isEqualTo(builder);
            assertThat(builder.getMethod("build").getReturnType())
                    .as(builder.getName())
                    .isEqualTo(value);
            for (Method m : builder.getMethods()) {
                if (m.getDeclaringClass() != Object.class && !m.getName().equals("build")) {
                    assertThat(m.getReturnType())
                            .as(builder.getName() + "." + m.getName())
                            .isEqualTo(builder);
                }
                Stream.concat(Stream.of(m.getReturnType()), Arrays.stream(m.getParameterTypes()))
                        .forEach(t ->
                                assertThat(t.getSimpleName()).as(m.toString()).doesNotStartWith("Immutable"));
            }
        }
    }

    @Test
    void toBuilderCopiesEveryAttributeOfAValueDecodedFromARealSample() {
        Server server = Samples.read("nova/servers__server-get-resp.json", "server", Server.class);

        assertThat(server.toBuilder().build()).isEqualTo(server);
        Server renamed = server.toBuilder().name("renamed").build();
        assertThat(renamed.name()).isEqualTo("renamed");
        assertThat(renamed.toBuilder().name(server.name()).build()).isEqualTo(server);
    }

    @Test
    void toBuilderKeepsTheDefaultsAndOptionalsOfARequest() {
        LaunchRequest request = LaunchRequest.builder()
                .name("analysis")
                .image(ImageChoice.name("Featured-Ubuntu24"))
                .rootVolumeGb(40)
                .build();

        LaunchRequest three = request.toBuilder().count(3).build();

        assertThat(three.count()).isEqualTo(3);
        assertThat(three.rootVolumeGb()).hasValue(40);
        assertThat(three.installOsUpdates()).isTrue();
        assertThat(three.toBuilder().count(1).build()).isEqualTo(request);
    }

    /** The top-level classes of core named {@code Immutable*}: what Immutables generated. */
    private static List<Class<?>> generatedTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(
                Server.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted().toList()) {
                String name = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                String simple = file.getFileName().toString();
                if (simple.startsWith("Immutable") && simple.endsWith(".class") && !simple.contains("$")) {
                    found.add(Class.forName(name.substring(0, name.length() - ".class".length())));
                }
            }
        }
        return found;
    }
}
