package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.ConflictException;
import app.exosphere.core.error.ConnectionException;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.rules.FloatingIpChoice;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Unshelve runs the web app's floating-IP step again ({@code State.requestServerAction}, {@code Unshelve}):
 * a server shelved with its floating IP released gets exactly one back once ACTIVE, with its hostname,
 * whatever its age, counted in the simulator's Neutron and Designate, under a lost answer and a second
 * watch or unshelve; a decision not to is a SKIPPED event with the reason.
 */
class UnshelveFloatingIpTest {
    private static final String ZONE = "tra000001.projects.simulated.test.";

    private final CloudSimulator cloud = CloudSimulator.builder()
            .scenario(Scenario.jetstream2())
            .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
            .seed(2113)
            .start();

    private final List<Progress> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        cloud.close();
    }

    /** Launches, waits until READY and its hostname's outcome, then lets it age past the 5-minute window. */
    private Instance readyAndOld(Exosphere exo, LaunchRequest request, Progress.State outcome) {
        Instance vm = SimulatedGateway.launchAndAwait(exo, request, p -> {}, Progress.State.READY, outcome);
        cloud.advance(Duration.ofMinutes(10));
        return vm.refresh().execute();
    }

    /** Shelves (releasing the floating IPs when asked) and waits until Nova has offloaded it. */
    private Instance shelved(Instance vm, boolean release) {
        vm.shelve(release).execute();
        cloud.advance(Duration.ofSeconds(60));
        Instance s = vm.refresh().execute();
        assertThat(s.server().status().raw()).isEqualTo("SHELVED_OFFLOADED");
        return s;
    }

    /** Unshelves, then waits for READY and, when asked, for the event {@code outcome} after it. */
    private Instance unshelvedReady(Instance shelved, Progress.State outcome) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        InstanceWatch w = shelved.unshelve(p -> {
                    events.add(p);
                    if (p.state() == outcome) {
                        done.complete(null);
                    }
                })
                .execute();
        Instance active = w.awaitReady(Duration.ofSeconds(120));
        done.orTimeout(60, TimeUnit.SECONDS).join();
        return active.refresh().execute();
    }

    private static String ipOf(Instance vm) {
        return vm.fetchFloatingIps().execute().stream()
                .map(FloatingIp::floatingIpAddress)
                .findFirst()
                .orElseThrow();
    }

    private List<Progress> eventsOf(Progress.State state) {
        return events.stream().filter(p -> p.state() == state).toList();
    }

    private long floatingIpPosts() {
        return cloud.journal().count(Service.NETWORK, "POST", "/floatingips$");
    }

    @Test
    void unshelvingAServerShelvedWithReleaseGivesItExactlyOneFloatingIpAndItsHostnameAgain() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = readyAndOld(exo, SimulatedGateway.small("s21-back").build(), Progress.State.HOSTNAME_CREATED);
            int before = cloud.floatingIpCount();
            Instance off = shelved(vm, true);
            assertThat(cloud.floatingIpCountOf(vm.id())).isZero();
            cloud.journal().clear();

            Instance back = unshelvedReady(off, Progress.State.HOSTNAME_CREATED);

            String ip = ipOf(back);
            assertThat(back.server().status().raw()).isEqualTo("ACTIVE");
            assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
            assertThat(cloud.floatingIpCount()).isEqualTo(before);
            assertThat(floatingIpPosts()).isEqualTo(1);
            assertThat(cloud.recordSetsHolding(ip)).containsExactly("A s21-back." + ZONE);
            assertThat(eventsOf(Progress.State.FLOATING_IP_ATTACHED))
                    .singleElement()
                    .extracting(Progress::message)
                    .isEqualTo("Floating IP " + ip + " attached after the unshelve");
            assertThat(eventsOf(Progress.State.SKIPPED)).isEmpty();
        }
    }

    @Test
    void aLostAnswerToTheFloatingIpCreateAfterUnshelveStillMakesExactlyOne() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = readyAndOld(exo, SimulatedGateway.small("s21-lost").build(), Progress.State.HOSTNAME_CREATED);
            int before = cloud.floatingIpCount();
            Instance off = shelved(vm, true);
            cloud.faults()
                    .add(Fault.on(Service.NETWORK)
                            .method("POST")
                            .path("/floatingips$")
                            .dropResponseAfterProcessing()
                            .times(1)
                            .build());
            cloud.journal().clear();

            Instance back = unshelvedReady(off, Progress.State.HOSTNAME_CREATED);

            assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
            assertThat(cloud.floatingIpCount()).isEqualTo(before);
            assertThat(floatingIpPosts()).isEqualTo(1);
            assertThat(cloud.recordSetsHolding(ipOf(back))).containsExactly("A s21-lost." + ZONE);
        }
    }

    @Test
    void aSecondWatchOrUnshelveAfterwardsMakesNoSecondFloatingIpAndAShelveCycleMakesExactlyOneAgain() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm =
                    readyAndOld(exo, SimulatedGateway.small("s21-twice").build(), Progress.State.HOSTNAME_CREATED);
            int before = cloud.floatingIpCount();
            Instance off = shelved(vm, true);
            unshelvedReady(off, Progress.State.HOSTNAME_CREATED);

            // from the stale shelved snapshot Nova refuses the second unshelve (409), so nothing is armed
            assertThatThrownBy(() -> off.unshelve().execute()).isInstanceOf(ConflictException.class);
            InstanceWatch again = vm.refresh().execute().watch();
            again.awaitReady(Duration.ofSeconds(120));
            cloud.advance(Duration.ofSeconds(30));

            assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
            assertThat(cloud.floatingIpCount()).isEqualTo(before);

            Instance offAgain = shelved(vm.refresh().execute(), true);
            Instance backAgain = unshelvedReady(offAgain, Progress.State.HOSTNAME_CREATED);

            assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
            assertThat(cloud.floatingIpCount()).isEqualTo(before);
            assertThat(cloud.recordSetsHolding(ipOf(backAgain))).containsExactly("A s21-twice." + ZONE);
        }
    }

    @Test
    void whenTheUnshelvesAnswerIsLostTheNextWatchStillGivesItExactlyOneFloatingIp() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm =
                    readyAndOld(exo, SimulatedGateway.small("s21-lost-unshelve").build(), Progress.State.READY);
            int before = cloud.floatingIpCount();
            Instance off = shelved(vm, true);
            cloud.faults()
                    .add(Fault.on(Service.COMPUTE)
                            .method("POST")
                            .path("^/servers/[^/]+/action$")
                            .dropResponseAfterProcessing()
                            .times(1)
                            .build());

            assertThatThrownBy(() -> off.unshelve().execute()).isInstanceOf(ConnectionException.class);
            off.watch(events::add).awaitReady(Duration.ofSeconds(120));

            assertThat(cloud.server(vm.id()).orElseThrow().status()).isEqualTo("ACTIVE");
            assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
            assertThat(cloud.floatingIpCount()).isEqualTo(before);
            assertThat(eventsOf(Progress.State.FLOATING_IP_ATTACHED)).hasSize(1);
        }
    }

    @Test
    void aFloatingIpKeptThroughTheShelveIsKeptAndNoneIsCreated() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = readyAndOld(exo, SimulatedGateway.small("s21-kept").build(), Progress.State.HOSTNAME_CREATED);
            String ip = ipOf(vm);
            int before = cloud.floatingIpCount();
            Instance off = shelved(vm, false);
            cloud.journal().clear();

            Instance back = unshelvedReady(off, Progress.State.READY);

            assertThat(ipOf(back)).isEqualTo(ip);
            assertThat(cloud.floatingIpCount()).isEqualTo(before);
            assertThat(floatingIpPosts()).isZero();
            assertThat(eventsOf(Progress.State.SKIPPED)).isEmpty();
            assertThat(eventsOf(Progress.State.FLOATING_IP_ATTACHED)).isEmpty();
        }
    }

    @Test
    void anIntentForNoFloatingIpIsASkippedEventWithTheReasonAndNothingIsCreated() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = readyAndOld(
                    exo,
                    SimulatedGateway.small("s21-none")
                            .floatingIp(FloatingIpChoice.none())
                            .build(),
                    Progress.State.READY);
            int before = cloud.floatingIpCount();
            Instance off = shelved(vm, true);
            cloud.journal().clear();

            unshelvedReady(off, Progress.State.SKIPPED);

            assertThat(cloud.floatingIpCount()).isEqualTo(before);
            assertThat(floatingIpPosts()).isZero();
            assertThat(eventsOf(Progress.State.SKIPPED))
                    .singleElement()
                    .extracting(Progress::message)
                    .isEqualTo("No floating IP after the unshelve: its exoFloatingIpOption metadata asks for none");
        }
    }

    @Test
    void aRefusedFloatingIpCreateIsASkippedEventAndFailsTheWatchWithTheReason() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm =
                    readyAndOld(exo, SimulatedGateway.small("s21-quota").build(), Progress.State.HOSTNAME_CREATED);
            Instance off = shelved(vm, true);
            cloud.faults()
                    .add(Fault.on(Service.NETWORK)
                            .method("POST")
                            .path("/floatingips$")
                            .respondWith(409, "Quota exceeded for resources: ['floatingip'].")
                            .times(1)
                            .build());

            InstanceWatch w = off.unshelve(events::add).execute();

            assertThatThrownBy(() -> w.awaitReady(Duration.ofSeconds(120)))
                    .isInstanceOf(InstanceFailedException.class)
                    .hasMessageContaining("is ACTIVE again without its floating IP")
                    .hasMessageContaining("Quota exceeded for resources");
            assertThat(cloud.floatingIpCountOf(vm.id())).isZero();
            assertThat(eventsOf(Progress.State.SKIPPED))
                    .singleElement()
                    .extracting(Progress::message)
                    .asString()
                    .startsWith("The floating IP was not restored after the unshelve: creating it failed")
                    .contains("Quota exceeded for resources");
        }
    }

    @Test
    void withAutomaticHostnamesOffTheFloatingIpComesBackWithoutAHostname() {
        try (Exosphere exo = SimulatedGateway.connect(cloud, s -> s.automaticHostnames(false))) {
            Instance vm = readyAndOld(exo, SimulatedGateway.small("s21-nohost").build(), Progress.State.READY);
            Instance off = shelved(vm, true);
            cloud.journal().clear();

            Instance back = unshelvedReady(off, Progress.State.FLOATING_IP_ATTACHED);

            assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
            assertThat(cloud.recordSetsHolding(ipOf(back))).isEmpty();
            assertThat(cloud.journal().count(Service.DNS, "POST", "/recordsets$"))
                    .isZero();
        }
    }
}
