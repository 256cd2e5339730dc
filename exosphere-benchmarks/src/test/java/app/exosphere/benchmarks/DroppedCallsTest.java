package app.exosphere.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.testkit.DroppedCalls;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code Call} sends nothing until it is executed: the benchmarks never build one and drop it (the same
 * check as exosphere-core's {@code DroppedCallsTest}, against this module's class path).
 */
class DroppedCallsTest {

    @Test
    void noCallIsBuiltAndDroppedInThisModule() throws Exception {
        assertThat(DroppedCalls.find(
                        List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java")),
                        System.getProperty("java.class.path")))
                .as("Calls built and never executed (add .execute() or .executeAsync())")
                .isEmpty();
    }
}
