package app.exosphere.benchmarks.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The CI check of the benchmarks: every benchmark compiles and runs one short iteration in this JVM
 * (no forks, no warm-up), each client really lists and walks every server of the canned cloud (the
 * benchmarks' own setup and per-call checks fail otherwise). No figure is asserted: speed is measured
 * by {@code exosphere-benchmarks/run}, never by a test.
 */
class BenchmarksRunOnceTest {

    @Test
    void everyTransportBenchmarkRunsOneShortIterationAgainstTheCannedCloud() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ListServersBenchmark.class.getName())
                .include(WalkServersBenchmark.class.getName())
                .include(UserDataAndConsoleBenchmark.class.getName())
                .param("servers", "3000")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .addProfiler(HeapProfiler.class)
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        List<String> names = results.stream()
                .map(r -> r.getParams().getBenchmark().replaceFirst(".*\\.transport\\.", ""))
                .toList();
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "ListServersBenchmark.openstack4j",
                        "ListServersBenchmark.rawOkHttpJackson",
                        "ListServersBenchmark.sdk",
                        "WalkServersBenchmark.openstack4j",
                        "WalkServersBenchmark.rawOkHttpJackson",
                        "WalkServersBenchmark.sdk",
                        "UserDataAndConsoleBenchmark.renderUserData",
                        "UserDataAndConsoleBenchmark.resourceUsageFromConsole",
                        "UserDataAndConsoleBenchmark.setupStatusFromConsole");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.getPrimaryResult().getScore()).isPositive();
            assertThat(r.getSecondaryResults()).containsKey("heap.peak");
        });
    }
}
