package app.exosphere.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.testkit.DroppedCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link Call} sends nothing until it is executed, so a dropped one is a silent no-op. These tests keep
 * the SDK's own code (core main and test sources, the testkit) free of them, and show the detector finds
 * each shape of the mistake. The examples (CLI), the contract suite and the benchmarks run the same check
 * over their sources in their own {@code DroppedCallsTest}, against their own class paths.
 */
class DroppedCallsTest {

    @Test
    void noCallIsBuiltAndDroppedInCoreOrTheTestkit() throws Exception {
        List<Path> roots = List.of(
                Path.of("src", "main", "java"),
                Path.of("src", "test", "java"),
                Path.of("..", "exosphere-testkit", "src", "main", "java"));
        assertThat(DroppedCalls.find(roots, System.getProperty("java.class.path")))
                .as("Calls built and never executed (add .execute() or .executeAsync())")
                .isEmpty();
    }

    @Test
    void aStatementALambdaAndAMethodReferenceThatDropACallAreFound(@TempDir Path dir) throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("planted"));
        Files.writeString(pkg.resolve("Planted.java"), """
                package planted;

                import app.exosphere.core.http.Call;
                import java.util.List;
                import java.util.concurrent.CompletableFuture;

                class Planted {
                    static Call<Void> delete(String id) {
                        return new Call<>() {
                            public Void execute() { return null; }
                            public CompletableFuture<Void> executeAsync() { return CompletableFuture.completedFuture(null); }
                        };
                    }

                    void statement() {
                        delete("a");
                    }

                    void lambda() {
                        Runnable r = () -> delete("b");
                    }

                    void methodReference(List<String> ids) {
                        ids.forEach(Planted::delete);
                    }

                    void executed(List<String> ids) {
                        delete("c").execute();
                        Runnable r = () -> delete("d").execute();
                        ids.stream().map(Planted::delete).forEach(Call::execute);
                    }
                }
                """);
        List<String> found = DroppedCalls.find(List.of(dir), System.getProperty("java.class.path"));
        assertThat(found)
                .hasSize(3)
                .anySatisfy(f -> assertThat(f).startsWith("Planted.java:16: a Call built and never executed"))
                .anySatisfy(f -> assertThat(f).startsWith("Planted.java:20: a lambda that builds a Call and drops it"))
                .anySatisfy(f -> assertThat(f).startsWith("Planted.java:24: a method reference whose Call is dropped"));
    }
}
