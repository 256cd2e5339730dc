package app.exosphere.benchmarks.transport;

import app.exosphere.core.OpenStack;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openstack4j.api.OSClient;

/**
 * Walks 100,000 servers in pages of 1,000 (100 requests) in a JVM limited to 64 MB of heap. Run with
 * {@code -prof app.exosphere.benchmarks.transport.HeapProfiler} for GC count, GC time and peak heap per
 * walk. openstack4j does not follow Nova's next links, so its walk passes limit/marker itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xmx64m"})
public class WalkServersBenchmark {
    /** Servers in the project (the CI smoke run walks fewer). */
    @Param("100000")
    public int servers;

    private CannedOpenStack cloud;
    private OpenStack sdk;
    private Peers.Raw raw;
    private OSClient.OSClientV3 openstack4j;

    @Setup(Level.Trial)
    public void start() {
        cloud = CannedOpenStack.start(servers);
        sdk = Peers.sdk(cloud);
        raw = new Peers.Raw(cloud);
        openstack4j =
                Peers.openstack4j(cloud.authUrl(), CannedOpenStack.USER, CannedOpenStack.PASSWORD, cloud.projectId());
    }

    @TearDown(Level.Trial)
    public void stop() {
        Peers.close(sdk);
        raw.close();
        cloud.close();
    }

    private long check(long n, String who) {
        if (n != servers) {
            throw new IllegalStateException(who + " walked " + n + " servers, not " + servers);
        }
        return n;
    }

    @Benchmark
    public long sdk() {
        return check(Peers.sdkWalk(sdk), "SDK");
    }

    @Benchmark
    public long rawOkHttpJackson() {
        return check(raw.walk(), "raw");
    }

    @Benchmark
    public long openstack4j() {
        return check(Peers.openstack4jWalk(openstack4j), "openstack4j");
    }
}
