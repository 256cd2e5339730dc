package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.network.FloatingIp;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hostname the web app gives a floating IP it attaches ({@code State.State} {@code
 * RequestCreateServerHostname}): made after the watcher attaches a floating IP, exactly once (counted in the
 * simulated Designate), reported as one event, never holding READY back, deleted with the floating IP.
 */
class AutomaticHostnamesTest {
    private static final String ZONE = "tra000001.projects.simulated.test.";

    private final CloudSimulator cloud = CloudSimulator.builder()
            .scenario(Scenario.jetstream2())
            .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
            .seed(1818)
            .start();

    private final List<Progress> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        cloud.close();
    }

    /** Launches, watches until ready, then waits for the hostname's outcome ({@code wanted}). */
    private Instance readyWithOutcome(Exosphere exo, String name, Progress.State wanted) {
        return SimulatedGateway.launchAndAwait(
                exo, SimulatedGateway.small(name).build(), events::add, Progress.State.READY, wanted);
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

    @Test
    void aLaunchedInstanceGetsTheWebAppsARecordForItsFloatingIpExactlyOnceEvenWhenTheAnswerIsLost() {
        cloud.faults()
                .add(Fault.on(Service.DNS)
                        .method("POST")
                        .path("/recordsets$")
                        .dropResponseAfterProcessing()
                        .times(1)
                        .build());
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = readyWithOutcome(exo, "i18 Auto_Host", Progress.State.HOSTNAME_CREATED);
            String ip = ipOf(vm);

            assertThat(cloud.recordSetsHolding(ip)).containsExactly("A i18-auto-host." + ZONE);
            assertThat(cloud.journal().count(Service.DNS, "POST", "/recordsets$"))
                    .isEqualTo(1);
            assertThat(cloud.journal().entries().stream()
                            .filter(e -> e.method().equals("POST") && e.service() == Service.DNS)
                            .findFirst()
                            .orElseThrow()
                            .requestBody())
                    .isEqualTo("{\"name\":\"i18-auto-host." + ZONE + "\","
                            + "\"description\":\"Created for instance i18 Auto_Host\",\"type\":\"A\","
                            + "\"records\":[\"" + ip + "\"],\"ttl\":3600}");
            assertThat(eventsOf(Progress.State.HOSTNAME_CREATED))
                    .singleElement()
                    .satisfies(p -> assertThat(p.message())
                            .isEqualTo("Hostname i18-auto-host." + ZONE.substring(0, ZONE.length() - 1) + " points at "
                                    + ip));
            assertThat(eventsOf(Progress.State.SKIPPED)).isEmpty();
            assertThat(vm.fetchHostnames().execute())
                    .containsExactly("i18-auto-host." + ZONE.substring(0, ZONE.length() - 1));
        }
    }

    @Test
    void aHostnameMadeAfterReadyIsStillReportedToTheWatchThatSawItsFloatingIpAttached() {
        cloud.faults()
                .add(Fault.on(Service.DNS)
                        .method("POST")
                        .path("/recordsets$")
                        .latency(Duration.ofSeconds(25)) // Designate slower than the whole launch
                        .times(1)
                        .build());
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = readyWithOutcome(exo, "i18 late dns", Progress.State.HOSTNAME_CREATED);

            List<Progress.State> order = events.stream()
                    .map(Progress::state)
                    .filter(s -> s == Progress.State.READY || s == Progress.State.HOSTNAME_CREATED)
                    .toList();
            assertThat(order).containsExactly(Progress.State.READY, Progress.State.HOSTNAME_CREATED);
            assertThat(cloud.recordSetsHolding(ipOf(vm))).containsExactly("A i18-late-dns." + ZONE);
        }
    }

    @Test
    void deletingTheInstanceWithItsFloatingIpDeletesTheRecordSetIdempotentlyEvenWhenTheAnswerIsLost() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = readyWithOutcome(exo, "i18-auto-del", Progress.State.HOSTNAME_CREATED);
            String ip = ipOf(vm);
            assertThat(cloud.recordSetsHolding(ip)).hasSize(1);
            cloud.faults()
                    .add(Fault.on(Service.DNS)
                            .method("DELETE")
                            .path("/recordsets/")
                            .dropResponseAfterProcessing()
                            .times(1)
                            .build());

            vm.delete(true, Duration.ofMinutes(2)).execute();
            cloud.advance(Duration.ofSeconds(10));

            assertThat(cloud.recordSetsHolding(ip)).isEmpty();
            assertThat(cloud.floatingIpCountOf(vm.id())).isZero();
            // a second delete (another replica, a retry) finds nothing and fails nothing
            vm.delete(true, null).execute();
            assertThat(cloud.recordSetsHolding(ip)).isEmpty();
        }
    }

    @Test
    void aNameWithoutAnyUsableCharacterIsASkippedEventWithTheWebAppsReasonAndReadyStillComes() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = readyWithOutcome(exo, "___", Progress.State.SKIPPED);

            assertThat(eventsOf(Progress.State.READY)).hasSize(1);
            assertThat(eventsOf(Progress.State.SKIPPED))
                    .singleElement()
                    .satisfies(p -> assertThat(p.message())
                            .startsWith("No hostname was created for floating IP " + ipOf(vm) + ": ")
                            .contains("Could not determine a valid hostname for instance named '___'."));
            assertThat(cloud.journal().count(Service.DNS, "POST", "/recordsets$"))
                    .isZero();
        }
    }

    @Test
    void aDesignateOutageIsASkippedEventSayingSoAndTheInstanceIsStillReady() {
        cloud.faults().add(Fault.on(Service.DNS).method("GET").respondWith(503).build());
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = readyWithOutcome(exo, "i18-dns-out", Progress.State.SKIPPED);

            assertThat(eventsOf(Progress.State.READY)).hasSize(1);
            assertThat(eventsOf(Progress.State.SKIPPED))
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("listing the project's DNS record sets failed"));
            assertThat(cloud.recordSetsHolding(ipOf(vm))).isEmpty();
        }
    }

    @Test
    void switchedOffNoRecordIsMadeAndNothingIsReported() {
        try (Exosphere exo = SimulatedGateway.connect(cloud, s -> s.automaticHostnames(false))) {
            Instance vm =
                    exo.launch(SimulatedGateway.small("i18-no-auto").build()).execute();
            vm.watch(events::add).awaitReady(Duration.ofSeconds(120));

            assertThat(cloud.recordSetsHolding(ipOf(vm))).isEmpty();
            assertThat(cloud.journal().count(Service.DNS)).isZero();
            assertThat(events)
                    .extracting(Progress::state)
                    .doesNotContain(Progress.State.HOSTNAME_CREATED, Progress.State.SKIPPED);
        }
    }
}
