package app.exosphere.benchmarks.transport;

import app.exosphere.core.OpenStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.openstack4j.api.OSClient;

/**
 * One client of {@link SeparateJvmListComparison} in a JVM of its own: builds the client once, then lists
 * the canned cloud's 1,000 servers each time it reads {@code run} on its standard input, and answers one
 * {@code RESULT} line per call with the call's elapsed nanoseconds, the bytes allocated by the calling
 * thread, the collections (count, milliseconds) its GC MXBeans counted during the call, and the heap
 * committed after it. {@code quit} ends it. Its only other activity is the JVM's own: no timer, no background work between calls.
 *
 * <pre>{@code
 * java -cp ... app.exosphere.benchmarks.transport.ListWorker sdk <auth-url> <compute-url> <project-id>
 * }</pre>
 */
public final class ListWorker {
    private ListWorker() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ListWorker sdk|raw|openstack4j <auth-url> <compute-url> <project-id>");
            System.exit(2);
        }
        // the protocol owns stdout: anything a library prints goes to stderr
        PrintStream protocol = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        IntSupplier list = client(args[0], args[1], args[2], args[3]);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        long self = Thread.currentThread().getId();
        protocol.println("READY " + args[0]);
        protocol.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
            if (!line.equals("run")) {
                throw new IllegalArgumentException("expected run or quit, not " + line);
            }
            long c0 = gcCount(gcs);
            long g0 = gcMillis(gcs);
            long a0 = threads.getThreadAllocatedBytes(self);
            long t0 = System.nanoTime();
            int listed = list.getAsInt();
            long t1 = System.nanoTime();
            long a1 = threads.getThreadAllocatedBytes(self);
            long c1 = gcCount(gcs);
            long g1 = gcMillis(gcs);
            long committed =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
            protocol.printf(
                    Locale.ROOT, "RESULT %d %d %d %d %d %d%n", listed, t1 - t0, a1 - a0, c1 - c0, g1 - g0, committed);
            protocol.flush();
        }
        System.exit(0); // openstack4j's connector may keep non-daemon threads alive
    }

    private static IntSupplier client(String name, String authUrl, String computeUrl, String projectId) {
        switch (name) {
            case "sdk" -> {
                OpenStack os = Peers.sdkBuilder(authUrl, CannedOpenStack.USER, CannedOpenStack.PASSWORD, projectId)
                        .build();
                return () -> Peers.sdkList(os).size();
            }
            case "raw" -> {
                Peers.Raw raw = new Peers.Raw(authUrl, computeUrl, projectId);
                return () -> raw.list().size();
            }
            case "openstack4j" -> {
                OSClient.OSClientV3 os =
                        Peers.openstack4j(authUrl, CannedOpenStack.USER, CannedOpenStack.PASSWORD, projectId);
                return () -> Peers.openstack4jList(os).size();
            }
            default -> throw new IllegalArgumentException("client is sdk, raw or openstack4j, not " + name);
        }
    }

    private static long gcCount(List<GarbageCollectorMXBean> gcs) {
        long n = 0;
        for (GarbageCollectorMXBean gc : gcs) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis(List<GarbageCollectorMXBean> gcs) {
        long n = 0;
        for (GarbageCollectorMXBean gc : gcs) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }
}
