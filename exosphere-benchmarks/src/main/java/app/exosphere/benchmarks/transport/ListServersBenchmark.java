package app.exosphere.benchmarks.transport;

import app.exosphere.core.OpenStack;
import app.exosphere.core.compute.Server;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openstack4j.api.OSClient;

/**
 * {@code GET /servers/detail} of a project with 1,000 servers (≈ 1.7 MB of Nova JSON, keep-alive) into
 * typed objects: the SDK vs raw OkHttp + Jackson vs openstack4j 3.12, same loopback server. Run with
 * {@code -prof gc} for the bytes allocated per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ListServersBenchmark {
    private CannedOpenStack cloud;
    private OpenStack sdk;
    private Peers.Raw raw;
    private OSClient.OSClientV3 openstack4j;

    @Setup(Level.Trial)
    public void start() {
        cloud = CannedOpenStack.start(1000);
        sdk = Peers.sdk(cloud);
        raw = new Peers.Raw(cloud);
        openstack4j =
                Peers.openstack4j(cloud.authUrl(), CannedOpenStack.USER, CannedOpenStack.PASSWORD, cloud.projectId());
        check(Peers.sdkList(sdk).size(), "SDK");
        check(raw.list().size(), "raw");
        check(Peers.openstack4jList(openstack4j).size(), "openstack4j");
    }

    private static void check(int n, String who) {
        if (n != 1000) {
            throw new IllegalStateException(who + " listed " + n + " servers, not 1000");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        Peers.close(sdk);
        raw.close();
        cloud.close();
    }

    @Benchmark
    public List<Server> sdk() {
        return Peers.sdkList(sdk);
    }

    @Benchmark
    public List<Server> rawOkHttpJackson() {
        return raw.list();
    }

    @Benchmark
    public List<? extends org.openstack4j.model.compute.Server> openstack4j() {
        return Peers.openstack4jList(openstack4j);
    }
}
