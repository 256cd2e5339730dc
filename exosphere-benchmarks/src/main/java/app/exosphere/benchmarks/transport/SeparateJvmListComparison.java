package app.exosphere.benchmarks.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * List 1,000 servers with each client in a JVM of its own, the three JVMs alive at the same time and
 * driven call by call in interleaved rounds. Neither bias of the other two measures applies: JMH runs the
 * clients one after the other (outside load can favour one), and {@link PairedListComparison}
 * interleaves them in one JVM, where one heap makes every client pay for the others' garbage. Here each
 * client's collections land in its own calls only, and a round calls the three in a fresh random order,
 * one at a time, so load from other processes reaches all three alike.
 *
 * <p>The canned server ({@link CannedOpenStack}) runs in this coordinating JVM: it shares a heap with no
 * client, allocates almost nothing per request (it streams a pre-rendered page), and this JVM does nothing
 * else while a client's call runs (it waits for the {@code RESULT} line), so the server is the same for
 * every client. The workers ({@link ListWorker}) get this JVM's own flags, as JMH's forks do. Per client:
 * median and mean time (the mean includes the collection pauses, which is what a gateway pays over many
 * calls), 90th percentile, collections and their time per call, the longest collection time in one call,
 * the heap committed at the end, and the median bytes the calling thread allocated. Prints a Markdown section; the load average of the machine before and after is part of it.
 *
 * <pre>{@code
 * java -cp ... app.exosphere.benchmarks.transport.SeparateJvmListComparison 200 500
 * }</pre>
 */
public final class SeparateJvmListComparison {
    static final List<String> CLIENTS = List.of("sdk", "raw", "openstack4j");

    private SeparateJvmListComparison() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        System.out.print(run(warmup, rounds));
    }

    /** Runs the comparison and returns its Markdown section. */
    static String run(int warmup, int rounds) throws IOException, InterruptedException {
        String loadBefore = loadAverage();
        Map<String, Samples> samples = new LinkedHashMap<>();
        List<Worker> workers = new ArrayList<>();
        try (CannedOpenStack cloud = CannedOpenStack.start(1000)) {
            try {
                for (String c : CLIENTS) {
                    workers.add(Worker.start(c, cloud));
                }
                for (Worker w : workers) {
                    w.awaitReady();
                    samples.put(w.client, new Samples(rounds));
                }
                Random random = new Random(16);
                List<Worker> order = new ArrayList<>(workers);
                for (int r = -warmup; r < rounds; r++) {
                    Collections.shuffle(order, random);
                    for (Worker w : order) {
                        long[] result = w.call();
                        if (r >= 0) {
                            samples.get(w.client).add(r, result);
                        }
                    }
                }
            } finally {
                for (Worker w : workers) {
                    w.quit();
                }
            }
        }
        return render(warmup, rounds, samples, loadBefore, loadAverage());
    }

    static String render(int warmup, int rounds, Map<String, Samples> samples, String loadBefore, String loadAfter) {
        Samples raw = samples.get("raw");
        Samples o4j = samples.get("openstack4j");
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "Each client in its own JVM, the three JVMs driven in interleaved rounds (`SeparateJvmListComparison`, "
                        + "%d warm-up rounds, %d measured rounds, each a fresh random order, one call at a time; "
                        + "load average before %s, after %s):%n%n",
                warmup,
                rounds,
                loadBefore,
                loadAfter));
        md.append(
                "| client | median ms | mean ms | p90 ms | GC pauses per call | GC ms per call "
                        + "| longest GC ms in a call | heap committed at the end | median allocated per call "
                        + "| median vs raw | mean vs raw | median vs openstack4j | mean vs openstack4j | allocation vs raw |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Samples> e : samples.entrySet()) {
            Samples s = e.getValue();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.2f | %.3f | %.2f | %d | %.0f MB | %.2f MB | %.2f× | %.2f× | %.2f× | %.2f× "
                            + "| %.2f× |%n",
                    label(e.getKey()),
                    s.medianMs(),
                    s.meanMs(),
                    s.p90Ms(),
                    s.gcCountPerCall(),
                    s.gcMsPerCall(),
                    Arrays.stream(s.gcMillis).max().orElse(0),
                    s.committedAtEnd / 1e6,
                    s.medianBytes() / 1e6,
                    s.medianMs() / raw.medianMs(),
                    s.meanMs() / raw.meanMs(),
                    s.medianMs() / o4j.medianMs(),
                    s.meanMs() / o4j.meanMs(),
                    s.medianBytes() / raw.medianBytes()));
        }
        return md.toString();
    }

    static String label(String client) {
        return switch (client) {
            case "sdk" -> "exosphere-java";
            case "raw" -> "raw OkHttp + Jackson";
            default -> client;
        };
    }

    /** The 1, 5 and 15 minute load averages of the machine (Linux), or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The measured calls of one client: time, allocation, collections and their milliseconds. */
    static final class Samples {
        final long[] nanos;
        final long[] bytes;
        final long[] gcCount;
        final long[] gcMillis;
        long committedAtEnd;

        Samples(int rounds) {
            nanos = new long[rounds];
            bytes = new long[rounds];
            gcCount = new long[rounds];
            gcMillis = new long[rounds];
        }

        void add(int round, long[] result) {
            nanos[round] = result[0];
            bytes[round] = result[1];
            gcCount[round] = result[2];
            gcMillis[round] = result[3];
            committedAtEnd = result[4];
        }

        double medianMs() {
            return percentile(nanos, 50) / 1e6;
        }

        double p90Ms() {
            return percentile(nanos, 90) / 1e6;
        }

        double meanMs() {
            return Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
        }

        double medianBytes() {
            return percentile(bytes, 50);
        }

        double gcCountPerCall() {
            return Arrays.stream(gcCount).average().orElse(Double.NaN);
        }

        double gcMsPerCall() {
            return Arrays.stream(gcMillis).average().orElse(Double.NaN);
        }

        /** Nearest-rank percentile; the median of an even count is the mean of the middle two. */
        static double percentile(long[] values, int p) {
            long[] v = values.clone();
            Arrays.sort(v);
            if (p == 50 && v.length % 2 == 0) {
                return (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
            }
            int rank = (int) Math.ceil(p / 100.0 * v.length);
            return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
        }
    }

    /** A {@link ListWorker} process and its protocol pipes. */
    private static final class Worker {
        final String client;
        final Process process;
        final Writer commands;
        final BufferedReader answers;

        private Worker(String client, Process process) {
            this.client = client;
            this.process = process;
            this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Worker start(String client, CannedOpenStack cloud) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments()); // the same flags for each
            cmd.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    ListWorker.class.getName(),
                    client,
                    cloud.authUrl(),
                    cloud.computeUrl(),
                    cloud.projectId()));
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return new Worker(client, p);
        }

        void awaitReady() throws IOException {
            String line = answers.readLine();
            if (line == null || !line.equals("READY " + client)) {
                throw new IllegalStateException(client + " worker did not start: " + line);
            }
        }

        /** One call: listed (checked = 1000), then nanos, bytes, GC count, GC ms, heap committed. */
        long[] call() throws IOException {
            commands.write("run\n");
            commands.flush();
            String line = answers.readLine();
            if (line == null || !line.startsWith("RESULT ")) {
                throw new IllegalStateException(client + " worker answered " + line);
            }
            String[] f = line.substring(7).split(" ");
            if (!f[0].equals("1000")) {
                throw new IllegalStateException(client + " listed " + f[0] + " servers, not 1000");
            }
            return new long[] {
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Long.parseLong(f[3]),
                Long.parseLong(f[4]),
                Long.parseLong(f[5])
            };
        }

        void quit() throws InterruptedException {
            try {
                commands.write("quit\n");
                commands.flush();
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
