package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.cloudinit.console.SetupStatus;
import app.exosphere.core.rules.ExosphereMetadata;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.JournalEntry;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One watcher per project and region: its cost on the simulator's journal, and replicas sharing servers. */
class ProjectWatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CloudSimulator roomyCloud(long seed, double factor) {
        Scenario s = Scenario.jetstream2().toBuilder()
                .quotas(new Scenario.Quotas(100, 400, 2_000_000, 100, 10, 1000, 100, 10, 100))
                .setupTime(Duration.ofMinutes(1))
                .build();
        return CloudSimulator.builder()
                .scenario(s)
                .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), factor))
                .seed(seed)
                .start();
    }

    private static boolean isConsoleRead(JournalEntry e) {
        return e.method().equals("POST")
                && e.path().matches("/servers/[^/]+/action")
                && e.requestBody().contains("os-getConsoleOutput");
    }

    private static String serverOf(JournalEntry e) {
        return e.path().split("/")[2];
    }

    @Test
    void theIntervalRunsFromCycleStartToCycleStartButTheWatcherAlwaysRestsHalfOfIt() {
        Duration second = Duration.ofSeconds(1);
        // a quick cycle: the next one starts one interval after this one started (openstack4j's 1 s rhythm)
        assertThat(ProjectWatcher.delayAfter(second, Duration.ofMillis(300))).isEqualTo(Duration.ofMillis(700));
        assertThat(ProjectWatcher.delayAfter(second, Duration.ZERO)).isEqualTo(second);
        // a slow cloud is never polled back to back: at least half the interval between two cycles
        assertThat(ProjectWatcher.delayAfter(second, Duration.ofMillis(800))).isEqualTo(Duration.ofMillis(500));
        assertThat(ProjectWatcher.delayAfter(second, Duration.ofSeconds(5))).isEqualTo(Duration.ofMillis(500));
        // a clock stepped back during the cycle counts as an instant cycle
        assertThat(ProjectWatcher.delayAfter(second, Duration.ofMillis(-200))).isEqualTo(second);
        assertThat(ProjectWatcher.delayAfter(Duration.ofSeconds(15), Duration.ofSeconds(2)))
                .isEqualTo(Duration.ofSeconds(13));
    }

    @Test
    void fiftyWatchedServersCostOneListPerCycleAndConsoleReadsOnlyForUnfinishedSetups() {
        int n = 50;
        try (CloudSimulator cloud = roomyCloud(41, 10);
                Exosphere exo = SimulatedGateway.connect(cloud)) {
            List<Instance> launched = exo.launchAll(LaunchRequest.builder()
                            .name("i12-fleet")
                            .count(n)
                            .image(ImageChoice.name("Featured-Ubuntu24"))
                            .flavor(FlavorChoice.name("m3.tiny"))
                            .build())
                    .execute();
            cloud.journal().clear();
            long cyclesBefore = exo.instances().watcher().cycles();
            Map<String, Instant> readyAt = new ConcurrentHashMap<>();
            List<CompletableFuture<Instance>> ready = new ArrayList<>();
            for (Instance vm : launched) {
                ready.add(vm.watch(p -> {
                            if (p.state() == Progress.State.READY) {
                                readyAt.put(p.serverId(), p.at());
                            }
                        })
                        .ready());
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new))
                    .orTimeout(240, TimeUnit.SECONDS)
                    .join();
            long cycles = exo.instances().watcher().cycles() - cyclesBefore;
            List<JournalEntry> journal = cloud.journal().entries(Service.COMPUTE);

            long lists = journal.stream()
                    .filter(e -> e.method().equals("GET") && e.path().equals("/servers/detail"))
                    .count();
            long singleGets = journal.stream()
                    .filter(e -> e.method().equals("GET") && e.path().matches("/servers/[0-9a-f-]{36}"))
                    .count();
            List<JournalEntry> consoleReads =
                    journal.stream().filter(ProjectWatcherTest::isConsoleRead).toList();
            System.out.printf(
                    "N=%d watched servers: %d cycles, %d GET /servers/detail, %d GET /servers/{id}, %d console reads,"
                            + " %d requests in all%n",
                    n,
                    cycles,
                    lists,
                    singleGets,
                    consoleReads.size(),
                    cloud.journal().size());

            // O(1) list requests per cycle, no per-server GET
            assertThat(lists).isBetween(1L, cycles + 1);
            assertThat(singleGets).isZero();
            // console reads: bounded, at most one per server per cycle, never after its setup finished
            assertThat(consoleReads).allSatisfy(e -> assertThat(e.requestBody()).contains("\"length\""));
            Map<String, Long> perServer = new ConcurrentHashMap<>();
            consoleReads.forEach(e -> perServer.merge(serverOf(e), 1L, Long::sum));
            assertThat(perServer.values()).allSatisfy(c -> assertThat(c).isLessThanOrEqualTo(cycles + 1));
            assertThat(consoleReads)
                    .allSatisfy(e -> assertThat(e.simulatedAt()).isBeforeOrEqualTo(readyAt.get(serverOf(e))));
            // every server got exactly one floating IP
            assertThat(launched)
                    .allSatisfy(
                            vm -> assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1));
        }
    }

    @Test
    void twoReplicasWatchingTheSameServersMakeOneFloatingIpOnePassphraseTagAndNoBackwardSetupWrites() throws Exception {
        try (CloudSimulator cloud = roomyCloud(42, 10);
                Exosphere a = SimulatedGateway.connect(cloud);
                Exosphere b = SimulatedGateway.connect(cloud)) {
            int fipsBefore = cloud.floatingIpCount();
            List<Instance> launched = a.launchAll(
                            SimulatedGateway.small("i12-replicated").count(3).build())
                    .execute();
            List<CompletableFuture<Instance>> ready = new ArrayList<>();
            for (Instance vm : launched) {
                ready.add(vm.watch().ready());
                ready.add(b.instance(vm.id()).execute().watch().ready());
            }
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new))
                    .orTimeout(240, TimeUnit.SECONDS)
                    .join();

            assertThat(cloud.floatingIpCount()).isEqualTo(fipsBefore + 3);
            for (Instance vm : launched) {
                assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
                assertThat(cloud.server(vm.id()).orElseThrow().tags())
                        .filteredOn(t -> t.startsWith(ExosphereMetadata.PASSPHRASE_TAG_PREFIX))
                        .hasSize(1);
                List<Integer> written = new ArrayList<>();
                for (JournalEntry e : cloud.journal().entries(Service.COMPUTE)) {
                    if (e.method().equals("POST")
                            && e.path().equals("/servers/" + vm.id() + "/metadata")
                            && e.requestBody().contains(SetupStatus.METADATA_KEY)) {
                        String value = JSON.readTree(e.requestBody())
                                .get("metadata")
                                .get(SetupStatus.METADATA_KEY)
                                .asText();
                        written.add(ProjectWatcher.rank(
                                SetupStatus.fromMetadataValue(value).state()));
                    }
                }
                assertThat(written).isNotEmpty().isSorted();
            }
        }
    }
}
