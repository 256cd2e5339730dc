package app.exosphere.benchmarks.transport;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler reporting, per iteration, the number of collections, the time spent in them and the
 * peak heap use (sum of the heap pools' peaks, reset before each iteration). Use with
 * {@code -prof app.exosphere.benchmarks.transport.HeapProfiler}.
 */
public final class HeapProfiler implements InternalProfiler {
    private long gcCount;
    private long gcMillis;

    @Override
    public String getDescription() {
        return "GC count, GC time and peak heap per iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        gcCount = totalCount();
        gcMillis = totalMillis();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long count = totalCount() - gcCount;
        long millis = totalMillis() - gcMillis;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return List.of(
                new ScalarResult("heap.gc.count", count, "collections", AggregationPolicy.AVG),
                new ScalarResult("heap.gc.time", millis, "ms", AggregationPolicy.AVG),
                new ScalarResult("heap.peak", peak / (1024.0 * 1024.0), "MB", AggregationPolicy.MAX));
    }

    private static long totalCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long totalMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }
}
