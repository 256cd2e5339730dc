package app.exosphere.benchmarks.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fresh-JVM auth + list, the SDK against openstack4j: each run is a new {@code java} process
 * ({@link FreshJvmAuthList}), the two clients alternate, and the median of the process wall times is
 * compared. First against {@link CannedOpenStack} (which also counts the requests each client sends),
 * then, when given, against a real OpenStack such as the loopback osbox. Prints a Markdown section.
 *
 * <pre>{@code
 * java -cp ... app.exosphere.benchmarks.transport.FreshJvmComparison 10 http://127.0.0.1:5000/v3 demo secret <project-id>
 * }</pre>
 */
public final class FreshJvmComparison {
    private static final List<String> CLIENTS = List.of("sdk", "openstack4j");

    private FreshJvmComparison() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        StringBuilder md = new StringBuilder();
        md.append(
                "| where | client | median process ms | median auth ms | median main ms | requests | classes loaded |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        Map<String, Double> ratios = new LinkedHashMap<>();
        try (CannedOpenStack cloud = CannedOpenStack.start(100)) {
            Map<String, List<Run>> canned = runAll(
                    runs, cloud.authUrl(), CannedOpenStack.USER, CannedOpenStack.PASSWORD, cloud.projectId(), cloud);
            rows(md, "canned loopback Nova (100 servers)", canned);
            ratios.put("canned", ratio(canned));
        }
        if (args.length == 5) {
            Map<String, List<Run>> real = runAll(runs, args[1], args[2], args[3], args[4], null);
            rows(md, "osbox (" + args[1] + ")", real);
            ratios.put("osbox", ratio(real));
        }
        md.append('\n');
        ratios.forEach((where, r) -> md.append(
                String.format(Locale.ROOT, "- %s: SDK / openstack4j median process time = **%.2f×**%n", where, r)));
        System.out.print(md);
    }

    private static double ratio(Map<String, List<Run>> runs) {
        return median(runs.get("sdk"), r -> r.processMs) / median(runs.get("openstack4j"), r -> r.processMs);
    }

    private static void rows(StringBuilder md, String where, Map<String, List<Run>> runs) {
        for (String client : CLIENTS) {
            List<Run> rs = runs.get(client);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.0f | %.0f | %.0f | %s | %.0f |%n",
                    where,
                    client,
                    median(rs, r -> r.processMs),
                    median(rs, r -> r.authMs),
                    median(rs, r -> r.mainMs),
                    rs.get(0).requests < 0
                            ? "-"
                            : rs.stream()
                                    .map(r -> r.requests + "")
                                    .distinct()
                                    .reduce((a, b) -> a + "/" + b)
                                    .orElse("?"),
                    median(rs, r -> r.classes)));
        }
    }

    private static Map<String, List<Run>> runAll(
            int runs, String authUrl, String user, String password, String project, CannedOpenStack counter)
            throws IOException, InterruptedException {
        Map<String, List<Run>> out = new LinkedHashMap<>();
        CLIENTS.forEach(c -> out.put(c, new ArrayList<>()));
        for (String c : CLIENTS) {
            run(c, authUrl, user, password, project, null); // warm the OS page cache, not measured
        }
        for (int i = 0; i < runs; i++) {
            for (String c : CLIENTS) {
                out.get(c).add(run(c, authUrl, user, password, project, counter));
            }
        }
        return out;
    }

    private static Run run(
            String client, String authUrl, String user, String password, String project, CannedOpenStack counter)
            throws IOException, InterruptedException {
        if (counter != null) {
            counter.resetCounts();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(Arrays.asList(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                FreshJvmAuthList.class.getName(),
                client,
                authUrl,
                user,
                password,
                project));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        int exit = p.waitFor();
        double processMs = (System.nanoTime() - start) / 1e6;
        if (exit != 0 || result == null) {
            throw new IllegalStateException(client + " run failed (exit " + exit + "):\n" + all);
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : result.substring(7).split(" ")) {
            int eq = part.indexOf('=');
            kv.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return new Run(
                processMs,
                Double.parseDouble(kv.get("auth_ms")),
                Double.parseDouble(kv.get("main_ms")),
                Double.parseDouble(kv.get("classes")),
                counter == null ? -1 : counter.requests());
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private record Run(double processMs, double authMs, double mainMs, double classes, int requests) {}
}
