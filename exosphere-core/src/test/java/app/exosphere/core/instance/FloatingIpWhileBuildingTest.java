package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.JournalEntry;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watcher starts the floating IP as soon as Neutron lists the building server's port with a fixed IP,
 * bound or not yet (the simulated Nova makes the port, {@code DOWN}, a fifth into its 30 s build and binds
 * it, {@code ACTIVE}, two fifths in), so that ACTIVE and "floating IP attached" coincide; still exactly one
 * floating IP per server, counted in the simulator's state.
 */
class FloatingIpWhileBuildingTest {
    /** The simulated build: 30 s on the simulated clock (Scenario's default), the port after 6 s; setup 40 s after it. */
    private static final Duration BUILD = Duration.ofSeconds(30);

    private final CloudSimulator cloud = CloudSimulator.builder()
            .scenario(Scenario.jetstream2().toBuilder()
                    .buildTime(BUILD)
                    .setupTime(Duration.ofSeconds(40))
                    .build())
            .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 4))
            .seed(1207)
            .start();

    @AfterEach
    void close() {
        cloud.close();
    }

    /** Completes when the watch has delivered both ACTIVE and FLOATING_IP_ATTACHED (in either order). */
    private static CompletableFuture<Void> activeWithFloatingIp(Instance vm, List<Progress> events) {
        CompletableFuture<Void> both = new CompletableFuture<>();
        Set<Progress.State> seen = ConcurrentHashMap.newKeySet();
        vm.watch(p -> {
            events.add(p);
            if (p.state() == Progress.State.ACTIVE || p.state() == Progress.State.FLOATING_IP_ATTACHED) {
                seen.add(p.state());
                if (seen.size() == 2) {
                    both.complete(null);
                }
            } else if (p.isTerminal()) {
                both.completeExceptionally(new AssertionError("watch ended: " + p));
            }
        });
        return both.orTimeout(120, TimeUnit.SECONDS);
    }

    private List<JournalEntry> floatingIpCreates() {
        return cloud.journal().entries(Service.NETWORK).stream()
                .filter(e -> e.method().equals("POST") && e.path().equals("/v2.0/floatingips"))
                .toList();
    }

    @Test
    void theFloatingIpIsCreatedOnThePortWhileNovaStillBuildsTheServer() {
        List<Progress> events = new CopyOnWriteArrayList<>();
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm =
                    exo.launch(SimulatedGateway.small("i12-early-fip").build()).execute();
            activeWithFloatingIp(vm, events).join();

            assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
            Instant builtAt = cloud.server(vm.id()).orElseThrow().created().plus(BUILD);
            assertThat(floatingIpCreates()).singleElement().satisfies(e -> {
                assertThat(e.requestBody()).contains("\"port_id\"");
                assertThat(e.simulatedAt()).isBefore(builtAt);
            });
            assertThat(events)
                    .extracting(Progress::state)
                    .containsSubsequence(
                            Progress.State.BUILDING, Progress.State.FLOATING_IP_ATTACHED, Progress.State.ACTIVE);
            // one event per phase: the floating IP is a side event, BUILDING is not reported again after it
            assertThat(events)
                    .filteredOn(p -> p.state() == Progress.State.BUILDING)
                    .hasSize(1);
        }
    }

    @Test
    void theFloatingIpIsStartedOnTheFirstLookUpThatListsThePortEvenBeforeNovaHasBoundIt() {
        List<Progress> events = new CopyOnWriteArrayList<>();
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm =
                    exo.launch(SimulatedGateway.small("i12-down-fip").build()).execute();
            activeWithFloatingIp(vm, events).join();

            Instant created = cloud.server(vm.id()).orElseThrow().created();
            Instant portMade = created.plus(BUILD.dividedBy(5));
            Instant portBound = created.plus(BUILD.dividedBy(5).multipliedBy(2));
            List<JournalEntry> portLookUpsListingIt = cloud.journal().entries(Service.NETWORK).stream()
                    .filter(e -> e.method().equals("GET") && e.path().equals("/v2.0/ports"))
                    .filter(e -> e.query().contains(vm.id()))
                    .filter(e -> e.simulatedAt().isAfter(portMade))
                    .toList();
            // one look-up found the port DOWN (the watcher polls every simulated second) and was the last
            assertThat(portLookUpsListingIt).singleElement().satisfies(e -> {
                assertThat(e.simulatedAt()).isBefore(portBound);
                assertThat(e.responseBody()).contains("\"status\":\"DOWN\"");
            });
            assertThat(floatingIpCreates()).singleElement().satisfies(e -> {
                assertThat(e.simulatedAt())
                        .isAfterOrEqualTo(portLookUpsListingIt.get(0).simulatedAt());
                assertThat(e.simulatedAt()).isBefore(portBound);
            });
            assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
        }
    }

    @Test
    void whenNovaReschedulesTheBuildAndReplacesThePortTheFloatingIpFollowsItToTheNewPortBeforeReady() {
        cloud.rescheduleBuildsOfServersNamed("^i12-resched");
        int before = cloud.floatingIpCount();
        List<Progress> events = new CopyOnWriteArrayList<>();
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm =
                    exo.launch(SimulatedGateway.small("i12-resched").build()).execute();
            Instance ready = vm.watch(events::add).awaitReady(Duration.ofSeconds(120));

            // the one floating IP was created on the first port, which Nova then deleted
            assertThat(floatingIpCreates()).singleElement().satisfies(e -> {
                Instant created = cloud.server(vm.id()).orElseThrow().created();
                assertThat(e.simulatedAt())
                        .isBefore(created.plus(BUILD.dividedBy(10).multipliedBy(3)));
            });
            // and is attached to the server's port now: moved with one PUT, not created again
            assertThat(cloud.floatingIpCount()).isEqualTo(before + 1);
            assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
            assertThat(cloud.journal().entries(Service.NETWORK).stream()
                            .filter(e -> e.method().equals("PUT") && e.path().startsWith("/v2.0/floatingips/")))
                    .hasSize(1);
            assertThat(ready.id()).isEqualTo(vm.id());
            assertThat(events).extracting(Progress::state).contains(Progress.State.READY);
        }
    }

    @Test
    void twoReplicasWatchingFromTheLaunchOnMakeExactlyOneFloatingIpPerServerWhileTheyBuild() {
        try (Exosphere a = SimulatedGateway.connect(cloud);
                Exosphere b = SimulatedGateway.connect(cloud)) {
            int before = cloud.floatingIpCount();
            List<Instance> launched = a.launchAll(SimulatedGateway.small("i12-early-replicas")
                            .count(3)
                            .build())
                    .execute();
            List<CompletableFuture<Void>> done = new ArrayList<>();
            List<List<Progress>> perWatch = new ArrayList<>();
            for (Instance vm : launched) {
                for (Instance view : List.of(vm, b.instance(vm.id()).execute())) {
                    List<Progress> events = new CopyOnWriteArrayList<>();
                    perWatch.add(events);
                    done.add(activeWithFloatingIp(view, events));
                }
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();

            assertThat(cloud.floatingIpCount()).isEqualTo(before + 3);
            assertThat(launched)
                    .allSatisfy(
                            vm -> assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1));
            // both replicas report the one floating IP (the loser of a race finds the winner's)
            assertThat(perWatch)
                    .allSatisfy(events -> assertThat(events)
                            .extracting(Progress::state)
                            .contains(Progress.State.FLOATING_IP_ATTACHED));
        }
    }

    @Test
    void aLostAnswerToTheCreateStartedWhileBuildingIsFoundOnThePortNotCreatedTwice() {
        cloud.faults()
                .add(Fault.on(Service.NETWORK)
                        .method("POST")
                        .path("^/v2.0/floatingips$")
                        .dropResponseAfterProcessing()
                        .times(1)
                        .build());
        List<Progress> events = new CopyOnWriteArrayList<>();
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm =
                    exo.launch(SimulatedGateway.small("i12-early-lost").build()).execute();
            activeWithFloatingIp(vm, events).join();

            assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
            assertThat(floatingIpCreates()).isNotEmpty();
            assertThat(events)
                    .filteredOn(p -> p.state() == Progress.State.FLOATING_IP_ATTACHED)
                    .hasSize(1);
        }
    }

    @Test
    void aCreateCutBeforeNeutronGotItIsSentAgainOnlyAfterTheLookUpsFoundNothingForTheReconcileWindow() {
        cloud.faults()
                .add(Fault.on(Service.NETWORK)
                        .method("POST")
                        .path("^/v2.0/floatingips$")
                        .disconnect()
                        .times(1)
                        .build());
        List<Progress> events = new CopyOnWriteArrayList<>();
        try (Exosphere exo = SimulatedGateway.connect(cloud, s -> s.reconcileWindow(Duration.ofSeconds(10)))) {
            Instance vm =
                    exo.launch(SimulatedGateway.small("s23-early-cut").build()).execute();
            activeWithFloatingIp(vm, events).join();

            assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
            List<JournalEntry> posts = floatingIpCreates();
            assertThat(posts).hasSize(2);
            // the port was looked up in between, and the second POST waited for the 10 s window, not for the next
            // 1 s cycle (a stamp is when the simulator got the request, a moment after the SDK sent it)
            assertThat(posts.get(1).simulatedAt())
                    .isAfterOrEqualTo(posts.get(0).simulatedAt().plusSeconds(9));
            assertThat(cloud.journal().entries(Service.NETWORK).stream()
                            .filter(e -> e.method().equals("GET") && e.path().equals("/v2.0/floatingips"))
                            .filter(e -> e.simulatedAt().isAfter(posts.get(0).simulatedAt())
                                    && e.simulatedAt().isBefore(posts.get(1).simulatedAt())))
                    .isNotEmpty();
            assertThat(events)
                    .filteredOn(p -> p.state() == Progress.State.FLOATING_IP_ATTACHED)
                    .hasSize(1);
        }
    }

    @Test
    void aCreateThatNeverReachesNeutronEndsTheWatchFailedAfterTheBoundedAttemptsWithATypedReason() {
        cloud.faults()
                .add(Fault.on(Service.NETWORK)
                        .method("POST")
                        .path("^/v2.0/floatingips$")
                        .disconnect()
                        .build());
        List<Progress> events = new CopyOnWriteArrayList<>();
        try (Exosphere exo = SimulatedGateway.connect(cloud, s -> s.reconcileWindow(Duration.ofSeconds(2)))) {
            Instance vm = exo.launch(SimulatedGateway.small("s23-early-never").build())
                    .execute();
            InstanceWatch watch = vm.watch(events::add);

            assertThatThrownBy(() -> watch.awaitReady(Duration.ofSeconds(120)))
                    .isInstanceOf(InstanceFailedException.class)
                    .hasMessageContaining("floating IP could not be attached")
                    .hasMessageContaining("failed " + CreateOnce.MAX_ATTEMPTS + " times and it does not exist");
            assertThat(floatingIpCreates()).hasSize(CreateOnce.MAX_ATTEMPTS);
            assertThat(cloud.floatingIpCountOf(vm.id())).isZero();
            assertThat(events).extracting(Progress::state).doesNotContain(Progress.State.READY);
            assertThat(events)
                    .filteredOn(p -> p.state() == Progress.State.SKIPPED)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("does not exist"));
        }
    }
}
