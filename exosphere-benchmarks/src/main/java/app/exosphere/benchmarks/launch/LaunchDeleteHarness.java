package app.exosphere.benchmarks.launch;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.ExosphereSettings;
import app.exosphere.core.instance.FlavorChoice;
import app.exosphere.core.instance.ImageChoice;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.InstanceWatch;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.instance.Progress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.network.NetFloatingIP;
import org.openstack4j.model.network.Network;
import org.openstack4j.model.network.Port;
import org.openstack4j.openstack.OSFactory;

/**
 * Not a test: launches on the loopback OpenStack ({@code integration/osbox}) with exosphere-java and with
 * openstack4j 3.12 doing the same steps, alternately in one run, and prints requests, sequential round trips
 * and wall time to "ACTIVE with a floating IP" and to "deleted", with medians and ratios (markdown).
 *
 * <p>Both clients are made once and reused (a gateway's way: the token, and for the SDK the flavor and
 * external network, are cached); one warm-up round each is not recorded. Both get the image, flavor and
 * network by id and poll every second. openstack4j makes one HTTP request per API call here, so its
 * requests are counted per call (all sequential). {@code -Dclients=} adds variants that attribute a
 * difference (see {@code CLIENTS}), {@code -Dtimeline=true} prints per-request timelines.
 *
 * <pre>
 * mvn -B -q -pl exosphere-benchmarks -am package -DskipTests
 * java -cp "$(cat exosphere-benchmarks/target/classpath.txt):exosphere-benchmarks/target/classes" \
 *     app.exosphere.benchmarks.launch.LaunchDeleteHarness 5
 * </pre>
 */
public final class LaunchDeleteHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private record Sample(
            String client,
            long requests,
            long polls,
            int roundTrips,
            double activeSeconds,
            double statusActiveSeconds,
            long deleteRequests,
            long deletePolls,
            double deleteSeconds) {}

    /** {@code -Dtimeline=true}: print each launch's requests, progress and an observer's view (Nova, Neutron). */
    private static final boolean TIMELINE = Boolean.getBoolean("timeline");

    /**
     * {@code -Dclients=sdk,o4j} (the default): which launches each round makes, in this order. Besides
     * {@code sdk} and {@code o4j}, two variants for attributing a difference:
     * {@code o4j+sdkbody} boots with openstack4j's token but sends the exact {@code POST /servers} body and
     * microversion the SDK sent last (Exosphere's security group, user data, metadata; the name replaced),
     * then polls and creates the floating IP as {@code o4j} does (needs {@code sdk} earlier in the list);
     * {@code sdk+fipafter} launches with the SDK and {@code FloatingIpChoice.none()}, so nothing touches
     * Neutron's ports while Nova builds, waits for {@code ACTIVE}, then makes the floating IP as openstack4j
     * does (port look-up, {@code POST /floatingips} with the SDK's network API; the external network is
     * looked up once per run). Ratios are printed against {@code o4j}.
     */
    private static final List<String> CLIENTS =
            List.of(System.getProperty("clients", "sdk,o4j").split(","));

    /** {@code -Dprefix=i12-bench-}: the servers' name prefix (helpers sharing osbox use their own). */
    private static final String PREFIX = System.getProperty("prefix", "i12-bench-");

    private static final Map<String, String> LABELS = Map.of(
            "sdk", "exosphere-java",
            "o4j", "openstack4j 3.12",
            "sdk+fipafter", "exosphere-java, floating IP after ACTIVE",
            "o4j+sdkbody", "openstack4j 3.12 with the SDK's create body");

    private static OpenStack observerCloud;

    private static String externalNetworkId;

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private LaunchDeleteHarness() {}

    /**
     * With {@code -Dtimeline=true}: a separate, unrecorded client reads the server and its ports every 200 ms
     * and prints when Nova's status, the task state and the port's status change (offsets from {@code t0}).
     * Its requests are not counted, but they load the same machine, so figures are taken without it.
     */
    private static AutoCloseable observe(String name, long t0) {
        if (!TIMELINE) {
            return () -> {};
        }
        Thread t = new Thread(() -> {
            String last = "";
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    var servers = observerCloud.compute().servers().list().toList().stream()
                            .filter(s -> s.name().equals(name))
                            .toList();
                    String now;
                    if (servers.isEmpty()) {
                        now = "no server";
                    } else {
                        var s = servers.get(0);
                        var ports = observerCloud
                                .network()
                                .ports()
                                .list(app.exosphere.core.network.PortListOptions.builder()
                                        .deviceId(s.id())
                                        .build())
                                .toList();
                        now = "nova " + s.status().raw() + "/" + s.taskState().orElse("-") + " addresses "
                                + s.allAddresses().size() + " ports "
                                + ports.stream().map(p -> p.status()).toList();
                    }
                    if (!now.equals(last)) {
                        System.err.printf("  observer +%6.2f s  %s%n", (System.nanoTime() - t0) / 1e9, now);
                        last = now;
                    }
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.err.println("  observer: " + e);
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return () -> {
            t.interrupt();
            t.join();
        };
    }

    private static void timeline(String what, long t0, List<RequestRecorder.Exchange> exchanges) {
        if (!TIMELINE) {
            return;
        }
        for (RequestRecorder.Exchange e : exchanges) {
            System.err.printf(
                    "  %s +%6.2f .. +%6.2f s  %s %s%n",
                    what, (e.startNanos() - t0) / 1e9, (e.endNanos() - t0) / 1e9, e.method(), e.path());
        }
    }

    private static void mark(String what, long t0, String event) {
        if (TIMELINE) {
            System.err.printf("  %s +%6.2f s  %s%n", what, (System.nanoTime() - t0) / 1e9, event);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path state = Path.of(System.getProperty("osbox.state", "/var/lib/exosphere-osbox"));
        JsonNode facts = JSON.readTree(state.resolve("osbox.json").toFile());
        JsonNode demo = facts.path("users").path("demo");
        String authUrl = facts.path("auth_url").asText();
        String user = demo.path("name").asText();
        String password = demo.path("password").asText();
        String project = demo.path("project").asText();
        String domain = demo.path("domain").asText();
        String imageId = facts.path("image").path("id").asText();
        String flavorId = facts.path("flavors").path("m1.nano").asText();
        String networkId = facts.path("demo_network_id").asText();
        String region = facts.path("region").asText();

        RequestRecorder recorder = new RequestRecorder();
        OpenStack os = OpenStack.builder()
                .authUrl(authUrl)
                .credentials(Credentials.password(UserRef.name(user, DomainRef.name(domain)), password))
                .project(project, DomainRef.name(domain))
                .region(region)
                .httpClient(new OkHttpClient.Builder().addInterceptor(recorder).build())
                .build();
        observerCloud = OpenStack.builder()
                .authUrl(authUrl)
                .credentials(Credentials.password(UserRef.name(user, DomainRef.name(domain)), password))
                .project(project, DomainRef.name(domain))
                .region(region)
                .build();
        Identifier dom = Identifier.byName(domain);
        OSClient.OSClientV3 o4j = OSFactory.builderV3()
                .endpoint(authUrl)
                .credentials(user, password, dom)
                .scopeToProject(Identifier.byName(project), dom)
                .authenticate();
        try (Exosphere exo = Exosphere.builder()
                .openStack(os)
                .settings(ExosphereSettings.builder()
                        .clientUuid("3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b")
                        .build())
                .build()) {
            List<Sample> samples = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                for (String client : CLIENTS) {
                    String name = PREFIX + client.replace('+', '-') + "-" + round;
                    Sample x =
                            switch (client) {
                                case "sdk" -> sdk(exo, os, recorder, name, imageId, flavorId, networkId, false);
                                case "sdk+fipafter" -> sdk(exo, os, recorder, name, imageId, flavorId, networkId, true);
                                case "o4j" -> openstack4j(o4j, null, name, imageId, flavorId, networkId);
                                case "o4j+sdkbody" -> openstack4j(o4j, recorder, name, imageId, flavorId, networkId);
                                default ->
                                    throw new IllegalArgumentException("unknown client " + client
                                            + " in -Dclients (sdk, sdk+fipafter, o4j, o4j+sdkbody)");
                            };
                    if (round > 0) { // round 0 warms up every client (JIT, token, the security group)
                        samples.add(x);
                    }
                    System.err.printf("round %d %s: %s (load average %.2f)%n", round, client, x, loadAverage());
                }
            }
            report(samples);
        }
    }

    private static final Predicate<RequestRecorder.Exchange> SDK_POLL =
            e -> e.method().equals("GET") && e.path().endsWith("/servers/detail")
                    || e.method().equals("POST") && e.path().endsWith("/action");

    private static Sample sdk(
            Exosphere exo,
            OpenStack os,
            RequestRecorder recorder,
            String name,
            String imageId,
            String flavorId,
            String networkId,
            boolean floatingIpAfterActive) {
        recorder.clear();
        long t0 = System.nanoTime();
        AutoCloseable observer = observe(name, t0);
        var request = LaunchRequest.builder()
                .name(name)
                .image(ImageChoice.id(imageId))
                .flavor(FlavorChoice.id(flavorId))
                .network(networkId);
        if (floatingIpAfterActive) {
            request.floatingIp(app.exosphere.core.rules.FloatingIpChoice.none());
        }
        Instance vm = exo.launch(request.build()).execute();
        CompletableFuture<Void> attached = new CompletableFuture<>();
        mark("sdk", t0, "launch returned " + vm.id());
        // "ACTIVE with a floating IP": both events, in either order (the floating IP may come first)
        java.util.Set<Progress.State> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicLong statusActiveAt = new java.util.concurrent.atomic.AtomicLong();
        InstanceWatch watch = vm.watch(p -> {
            mark("sdk", t0, "progress " + p.state());
            if (p.state() == Progress.State.FLOATING_IP_ATTACHED || p.state() == Progress.State.ACTIVE) {
                if (p.state() == Progress.State.ACTIVE) {
                    statusActiveAt.set(System.nanoTime());
                }
                seen.add(p.state());
                if (seen.size() == 2 || floatingIpAfterActive) {
                    attached.complete(null);
                }
            } else if (p.isTerminal()) {
                attached.completeExceptionally(new IllegalStateException(p.message()));
            }
        });
        attached.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
        if (floatingIpAfterActive) { // openstack4j's steps, with the SDK's network API
            watch.close();
            String portId = os.network()
                    .ports()
                    .list(app.exosphere.core.network.PortListOptions.builder()
                            .deviceId(vm.id())
                            .build())
                    .toList()
                    .get(0)
                    .id();
            if (externalNetworkId == null) {
                externalNetworkId = os.network()
                        .networks()
                        .list(Map.of("router:external", "true"))
                        .toList()
                        .get(0)
                        .id();
            }
            os.network()
                    .floatingIps()
                    .create(app.exosphere.core.network.FloatingIpCreateRequest.builder()
                            .floatingNetworkId(externalNetworkId)
                            .portId(portId)
                            .description("exosphere: server " + vm.id()) // so that delete(true) releases it
                            .build())
                    .execute();
            mark("sdk", t0, "floating IP created");
        }
        long t1 = System.nanoTime();
        watch.close();
        List<RequestRecorder.Exchange> launch = recorder.snapshot();
        closeQuietly(observer);
        timeline("sdk", t0, launch);
        recorder.clear();
        long t2 = System.nanoTime();
        vm.delete(true, PATIENCE).execute();
        long t3 = System.nanoTime();
        List<RequestRecorder.Exchange> delete = recorder.snapshot();
        Predicate<RequestRecorder.Exchange> deletePoll =
                e -> e.method().equals("GET") && e.path().endsWith("/servers/" + vm.id()) || SDK_POLL.test(e);
        return new Sample(
                floatingIpAfterActive ? "sdk+fipafter" : "sdk",
                RequestRecorder.count(launch, SDK_POLL),
                launch.size() - RequestRecorder.count(launch, SDK_POLL),
                RequestRecorder.roundTrips(launch, SDK_POLL),
                (t1 - t0) / 1e9,
                (statusActiveAt.get() - t0) / 1e9,
                RequestRecorder.count(delete, deletePoll),
                delete.size() - RequestRecorder.count(delete, deletePoll),
                (t3 - t2) / 1e9);
    }

    private static final OkHttpClient PLAIN = new OkHttpClient();

    /** With {@code sdkBody} (a recorder that saw the SDK's create): boots with the SDK's body instead. */
    private static Sample openstack4j(
            OSClient.OSClientV3 os,
            RequestRecorder sdkBody,
            String name,
            String imageId,
            String flavorId,
            String networkId)
            throws Exception {
        int requests = 0;
        int polls = 0;
        long t0 = System.nanoTime();
        AutoCloseable observer = observe(name, t0);
        String createdId;
        if (sdkBody == null) {
            createdId = os.compute()
                    .servers()
                    .boot(Builders.server()
                            .name(name)
                            .image(imageId)
                            .flavor(flavorId)
                            .networks(List.of(networkId))
                            .build())
                    .getId();
        } else {
            createdId = bootWithSdkBody(os, sdkBody, name);
        }
        requests++;
        mark("o4j", t0, "boot returned");
        Server s;
        do {
            Thread.sleep(1000); // openstack4j's waitForServerStatus interval
            s = os.compute().servers().get(createdId);
            polls++;
            mark("o4j", t0, "get: " + s.getStatus());
        } while (s.getStatus() != Server.Status.ACTIVE && s.getStatus() != Server.Status.ERROR);
        long statusActiveAt = System.nanoTime();
        List<? extends Port> ports = os.networking()
                .port()
                .list(org.openstack4j.model.network.options.PortListOptions.create()
                        .deviceId(createdId));
        requests++;
        Network external = os.networking()
                .network()
                .list(Map.of("router:external", "true"))
                .get(0);
        requests++;
        NetFloatingIP fip = os.networking()
                .floatingip()
                .create(Builders.netFloatingIP()
                        .floatingNetworkId(external.getId())
                        .portId(ports.get(0).getId())
                        .build());
        requests++;
        long t1 = System.nanoTime();
        mark("o4j", t0, "floating IP created");
        closeQuietly(observer);
        int deleteRequests = 0;
        int deletePolls = 0;
        long t2 = System.nanoTime();
        os.networking().floatingip().delete(fip.getId());
        os.compute().servers().delete(createdId);
        deleteRequests += 2;
        while (true) {
            Thread.sleep(1000);
            deletePolls++;
            try {
                Server gone = os.compute().servers().get(createdId);
                if (gone == null || gone.getStatus() == Server.Status.DELETED) {
                    break;
                }
            } catch (ClientResponseException e) {
                break;
            }
        }
        long t3 = System.nanoTime();
        return new Sample(
                sdkBody == null ? "o4j" : "o4j+sdkbody",
                requests, // the token is the client's (made once, like the SDK's)
                polls,
                requests,
                (t1 - t0) / 1e9,
                (statusActiveAt - t0) / 1e9,
                deleteRequests,
                deletePolls,
                (t3 - t2) / 1e9);
    }

    /**
     * {@code POST /servers} with the body and microversion the SDK sent last (its name replaced), with
     * openstack4j's token and endpoint, outside the recorder; the server is then read with openstack4j.
     */
    private static String bootWithSdkBody(OSClient.OSClientV3 os, RequestRecorder sdk, String name)
            throws java.io.IOException {
        String body = sdk.lastServerCreateBody();
        if (body == null) {
            throw new IllegalStateException("-Dclients: o4j+sdkbody needs an sdk launch before it in the round");
        }
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(body);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("server")).put("name", name);
        var http = new okhttp3.Request.Builder()
                .url(sdk.lastServerCreateUrl())
                .header("X-Auth-Token", os.getToken().getId())
                .post(okhttp3.RequestBody.create(
                        JSON.writeValueAsBytes(tree), okhttp3.MediaType.get("application/json")));
        if (sdk.lastServerCreateMicroversion() != null) {
            http.header("OpenStack-API-Version", sdk.lastServerCreateMicroversion());
        }
        try (okhttp3.Response r = PLAIN.newCall(http.build()).execute()) {
            if (r.code() != 202) {
                throw new IllegalStateException("POST /servers with the SDK's body: HTTP " + r.code());
            }
            return JSON.readTree(r.body().string()).path("server").path("id").asText();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<Sample> samples, String client, java.util.function.ToDoubleFunction<Sample> f) {
        double[] v = samples.stream()
                .filter(s -> s.client().equals(client))
                .mapToDouble(f)
                .sorted()
                .toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void report(List<Sample> samples) {
        String peer = "o4j";
        System.out.println("| client | requests (excl. polls) | status polls | sequential round trips | wall to ACTIVE"
                + " with floating IP (median s) | of which: seen ACTIVE at (median s) | delete requests (excl. polls) | delete polls | wall to deleted"
                + " (median s) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (String c : CLIENTS) {
            System.out.printf(
                    "| %s | %.0f | %.0f | %.0f | %.2f | %.2f | %.0f | %.0f | %.2f |%n",
                    LABELS.get(c),
                    median(samples, c, Sample::requests),
                    median(samples, c, Sample::polls),
                    median(samples, c, Sample::roundTrips),
                    median(samples, c, Sample::activeSeconds),
                    median(samples, c, Sample::statusActiveSeconds),
                    median(samples, c, Sample::deleteRequests),
                    median(samples, c, Sample::deletePolls),
                    median(samples, c, Sample::deleteSeconds));
        }
        System.out.println();
        for (String c : CLIENTS) {
            if (!c.equals(peer) && CLIENTS.contains(peer)) {
                System.out.printf(
                        "ratio %s / openstack4j (median wall): ACTIVE with floating IP %.2f, seen ACTIVE %.2f,"
                                + " deleted %.2f%n",
                        LABELS.get(c),
                        median(samples, c, Sample::activeSeconds) / median(samples, peer, Sample::activeSeconds),
                        median(samples, c, Sample::statusActiveSeconds)
                                / median(samples, peer, Sample::statusActiveSeconds),
                        median(samples, c, Sample::deleteSeconds) / median(samples, peer, Sample::deleteSeconds));
            }
        }
        System.out.println();
        for (String c : CLIENTS) {
            System.out.printf(
                    "per round, %s (s; seen ACTIVE -> ACTIVE with floating IP): %s%n",
                    LABELS.get(c),
                    String.join(
                            ", ",
                            samples.stream()
                                    .filter(x -> x.client().equals(c))
                                    .map(x -> String.format("%.2f -> %.2f", x.statusActiveSeconds(), x.activeSeconds()))
                                    .toList()));
        }
    }
}
