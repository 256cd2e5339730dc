package app.exosphere.benchmarks.transport;

import app.exosphere.core.OpenStack;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.openstack4j.api.OSClient;

/**
 * List 1,000 servers, the three clients interleaved call by call in one JVM: each round calls the SDK,
 * raw OkHttp + Jackson and openstack4j in a random order, so load from other processes on a shared
 * machine hits all three alike. A complement to {@link ListServersBenchmark}, whose benchmarks run one
 * after the other. Reports the median time and the median bytes allocated by the calling thread per call
 * (every client here reads the response on the calling thread). Prints a Markdown table.
 *
 * <pre>{@code
 * java -cp ... app.exosphere.benchmarks.transport.PairedListComparison 100 300
 * }</pre>
 */
public final class PairedListComparison {
    private PairedListComparison() {}

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        try (CannedOpenStack cloud = CannedOpenStack.start(1000)) {
            OpenStack sdk = Peers.sdk(cloud);
            Peers.Raw raw = new Peers.Raw(cloud);
            OSClient.OSClientV3 o4j = Peers.openstack4j(
                    cloud.authUrl(), CannedOpenStack.USER, CannedOpenStack.PASSWORD, cloud.projectId());
            Map<String, Supplier<Integer>> clients = new LinkedHashMap<>();
            clients.put("exosphere-java", () -> Peers.sdkList(sdk).size());
            clients.put("raw OkHttp + Jackson", () -> raw.list().size());
            clients.put("openstack4j", () -> Peers.openstack4jList(o4j).size());
            List<String> names = new ArrayList<>(clients.keySet());
            Map<String, long[]> nanos = new LinkedHashMap<>();
            Map<String, long[]> bytes = new LinkedHashMap<>();
            names.forEach(n -> {
                nanos.put(n, new long[rounds]);
                bytes.put(n, new long[rounds]);
            });
            // a fresh random order each round: no client always follows openstack4j (and pays for its garbage)
            java.util.Random random = new java.util.Random(16);
            List<String> order = new ArrayList<>(names);
            for (int r = -warmup; r < rounds; r++) {
                java.util.Collections.shuffle(order, random);
                for (String n : order) {
                    long a0 = threads.getThreadAllocatedBytes(self);
                    long t0 = System.nanoTime();
                    int listed = clients.get(n).get();
                    long t1 = System.nanoTime();
                    long a1 = threads.getThreadAllocatedBytes(self);
                    if (listed != 1000) {
                        throw new IllegalStateException(n + " listed " + listed + " servers");
                    }
                    if (r >= 0) {
                        nanos.get(n)[r] = t1 - t0;
                        bytes.get(n)[r] = a1 - a0;
                    }
                }
            }
            double rawMs = median(nanos.get("raw OkHttp + Jackson")) / 1e6;
            double o4jMs = median(nanos.get("openstack4j")) / 1e6;
            double rawMb = median(bytes.get("raw OkHttp + Jackson")) / 1e6;
            StringBuilder md = new StringBuilder();
            md.append(String.format(
                    Locale.ROOT,
                    "Interleaved in one JVM (`PairedListComparison`, %d warm-up rounds, %d measured rounds in random order, "
                            + "medians):%n%n",
                    warmup,
                    rounds));
            md.append("| client | median ms | median allocated by the calling thread | time vs raw | "
                    + "time vs openstack4j | allocation vs raw |\n|---|---|---|---|---|---|\n");
            for (String n : names) {
                double ms = median(nanos.get(n)) / 1e6;
                double mb = median(bytes.get(n)) / 1e6;
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %.2f | %.2f MB | %.2f× | %.2f× | %.2f× |%n",
                        n,
                        ms,
                        mb,
                        ms / rawMs,
                        ms / o4jMs,
                        mb / rawMb));
            }
            System.out.print(md);
            Peers.close(sdk);
            raw.close();
        }
        System.exit(0); // openstack4j's connector may keep non-daemon threads alive
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }
}
