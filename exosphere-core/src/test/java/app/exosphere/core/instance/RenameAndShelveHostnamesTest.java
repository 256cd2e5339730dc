package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.compute.ServerActionNotAllowedException;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.JournalEntry;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The web app's DNS hostnames on rename (records of the old name deleted, the new name's created, Nova's
 * hostname set with compute 2.90) and its shelve that releases the floating IPs with their records, counted
 * in the simulator's Designate and Neutron, under lost answers, on a cloud without DNS and below 2.90.
 */
class RenameAndShelveHostnamesTest {
    private static final String ZONE = "tra000001.projects.simulated.test.";
    private static final String ZONE_NAME = "tra000001.projects.simulated.test";

    private CloudSimulator cloud = start(Scenario.jetstream2());

    private static CloudSimulator start(Scenario scenario) {
        return CloudSimulator.builder()
                .scenario(scenario)
                .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
                .seed(1819)
                .start();
    }

    @AfterEach
    void close() {
        cloud.close();
    }

    /** Launches and waits until READY and the automatic hostname's outcome {@code outcome}. */
    private Instance ready(Exosphere exo, String name, Progress.State outcome) {
        return SimulatedGateway.launchAndAwait(exo, name, Progress.State.READY, outcome);
    }

    private static String ipOf(Instance vm) {
        return vm.fetchFloatingIps().execute().stream()
                .map(FloatingIp::floatingIpAddress)
                .findFirst()
                .orElseThrow();
    }

    private List<JournalEntry> serverPuts(Instance vm) {
        return cloud.journal().entries().stream()
                .filter(e -> e.service() == Service.COMPUTE
                        && e.method().equals("PUT")
                        && e.path().endsWith("/servers/" + vm.id()))
                .toList();
    }

    private Fault lostAnswer(Service service, String method, String path) {
        return Fault.on(service)
                .method(method)
                .path(path)
                .dropResponseAfterProcessing()
                .times(1)
                .build();
    }

    @Test
    void renamingDeletesTheOldHostnameAndCreatesTheNewOneExactlyOnceEvenWhenBothAnswersAreLost() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = ready(exo, "i18 Old_Name", Progress.State.HOSTNAME_CREATED);
            String ip = ipOf(vm);
            assertThat(cloud.recordSetsHolding(ip)).containsExactly("A i18-old-name." + ZONE);
            cloud.faults().add(lostAnswer(Service.DNS, "DELETE", "/recordsets/"));
            cloud.faults().add(lostAnswer(Service.DNS, "POST", "/recordsets$"));
            cloud.journal().clear();

            RenameOutcome o = vm.rename("i18 New_Name").execute();
            cloud.advance(Duration.ofSeconds(10)); // Designate deletes asynchronously

            assertThat(cloud.recordSetsHolding(ip)).containsExactly("A i18-new-name." + ZONE);
            assertThat(cloud.journal().count(Service.DNS, "POST", "/recordsets$"))
                    .isEqualTo(1);
            assertThat(cloud.server(vm.id()).orElseThrow().name()).isEqualTo("i18 New_Name");
            assertThat(o.deletedHostnames()).containsExactly("i18-old-name." + ZONE_NAME);
            assertThat(o.createdHostnames()).containsExactly("i18-new-name." + ZONE_NAME);
            assertThat(o.skipped()).isEmpty();
            assertThat(o.complete()).isTrue();
            assertThat(vm.refresh().execute().fetchHostnames().execute()).containsExactly("i18-new-name." + ZONE_NAME);
        }
    }

    @Test
    void renamingSendsTheNameThenTheSanitisedHostnameWithComputeTwoNinety() {
        try (Exosphere exo = SimulatedGateway.connect(cloud, s -> s.automaticHostnames(false))) {
            Instance vm = ready(exo, "i18-put", Progress.State.READY);
            cloud.journal().clear();

            RenameOutcome o = vm.rename("I18 Put_Body").execute();

            // the simulated Nova refuses a hostname below 2.90 with 400: a 200 means 2.90 was sent
            assertThat(serverPuts(vm))
                    .extracting(JournalEntry::requestBody, JournalEntry::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("{\"server\":{\"name\":\"I18 Put_Body\"}}", 200),
                            org.assertj.core.groups.Tuple.tuple("{\"server\":{\"hostname\":\"i18-put-body\"}}", 200));
            assertThat(o.novaHostname()).contains("i18-put-body");
        }
    }

    @Test
    void belowComputeTwoNinetyTheHostnameIsNotSentButTheDnsRecordsAreStillRecreated() {
        try (Exosphere exo =
                SimulatedGateway.connect(cloud, os -> os.maxMicroversion(ServiceType.COMPUTE, "2.89"), s -> s)) {
            Instance vm = ready(exo, "i18-old-289", Progress.State.HOSTNAME_CREATED);
            String ip = ipOf(vm);
            cloud.journal().clear();

            RenameOutcome o = vm.rename("i18-new-289").execute();
            cloud.advance(Duration.ofSeconds(10)); // Designate deletes asynchronously

            assertThat(serverPuts(vm))
                    .extracting(JournalEntry::requestBody)
                    .containsExactly("{\"server\":{\"name\":\"i18-new-289\"}}");
            assertThat(o.novaHostname()).isEmpty();
            assertThat(o.skipped()).isEmpty();
            assertThat(cloud.recordSetsHolding(ip)).containsExactly("A i18-new-289." + ZONE);
        }
    }

    @Test
    void aNewNameWithoutAHostnameStillRemovesTheOldRecordAndSaysWhyNoneWasCreated() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = ready(exo, "i18-before", Progress.State.HOSTNAME_CREATED);
            String ip = ipOf(vm);
            cloud.journal().clear();

            RenameOutcome o = vm.rename("___").execute();
            cloud.advance(Duration.ofSeconds(10)); // Designate deletes asynchronously

            assertThat(cloud.recordSetsHolding(ip)).isEmpty();
            assertThat(cloud.journal().count(Service.DNS, "POST", "/recordsets$"))
                    .isZero();
            assertThat(serverPuts(vm)).hasSize(1); // the name only: no hostname to give Nova
            assertThat(o.deletedHostnames()).containsExactly("i18-before." + ZONE_NAME);
            assertThat(o.skipped())
                    .singleElement()
                    .asString()
                    .contains("Could not determine a valid hostname for instance named '___'.")
                    .contains(ip);
            assertThat(o.complete()).isFalse();
        }
    }

    @Test
    void withAutomaticHostnamesOffTheOldNamesRecordIsDeletedAndNoneIsCreated() {
        try (Exosphere exo = SimulatedGateway.connect(cloud, s -> s.automaticHostnames(false))) {
            Instance vm = ready(exo, "i18-manual", Progress.State.READY);
            String ip = ipOf(vm);
            exo.hostnames().create(vm, ip).execute();
            assertThat(cloud.recordSetsHolding(ip)).containsExactly("A i18-manual." + ZONE);

            RenameOutcome o = vm.rename("i18-manual-2").execute();
            cloud.advance(Duration.ofSeconds(10)); // Designate deletes asynchronously

            assertThat(cloud.recordSetsHolding(ip)).isEmpty();
            assertThat(o.deletedHostnames()).containsExactly("i18-manual." + ZONE_NAME);
            assertThat(o.createdHostnames()).isEmpty();
            assertThat(o.skipped()).isEmpty();
        }
    }

    @Test
    void aRecordSetOfAnotherNameHoldingTheFloatingIpIsLeftAlone() {
        try (Exosphere exo = SimulatedGateway.connect(cloud, s -> s.automaticHostnames(false))) {
            Instance vm = ready(exo, "i18-other", Progress.State.READY);
            String ip = ipOf(vm);
            Instance named = new Instance(
                    vm.context(), vm.server().toBuilder().name("www").build());
            exo.hostnames().create(named, ip).execute(); // a record "www.<zone>" for the same address

            RenameOutcome o = vm.rename("i18-other-2").execute();

            assertThat(cloud.recordSetsHolding(ip)).containsExactly("A www." + ZONE);
            assertThat(o.deletedHostnames()).isEmpty();
        }
    }

    @Test
    void onACloudWithoutDnsRenameAndShelveWithReleaseDoWhatTheyCanWithoutDnsRequests() {
        cloud.close();
        cloud = start(Scenario.jetstream2().toBuilder().dns(false).build());
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = ready(exo, "i18-nodns", Progress.State.SKIPPED);
            int before = cloud.floatingIpCount();

            RenameOutcome o = vm.rename("i18-nodns-2").execute();

            assertThat(o.novaHostname()).contains("i18-nodns-2");
            assertThat(o.deletedHostnames()).isEmpty();
            assertThat(o.createdHostnames()).isEmpty();
            assertThat(o.skipped()).isEmpty();

            vm.refresh().execute().shelve(true).execute();
            cloud.advance(Duration.ofSeconds(30));

            assertThat(cloud.floatingIpCountOf(vm.id())).isZero();
            assertThat(cloud.floatingIpCount()).isEqualTo(before - 1);
            assertThat(cloud.server(vm.id()).orElseThrow().status()).startsWith("SHELVED");
            assertThat(cloud.journal().count(Service.DNS)).isZero();
        }
    }

    @Test
    void shelvingWithReleaseDeletesTheRecordThenTheFloatingIpIdempotentlyUnderLostAnswers() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = ready(exo, "i18-shelve", Progress.State.HOSTNAME_CREATED);
            String ip = ipOf(vm);
            int before = cloud.floatingIpCount();
            cloud.faults().add(lostAnswer(Service.DNS, "DELETE", "/recordsets/"));
            cloud.faults().add(lostAnswer(Service.NETWORK, "DELETE", "/floatingips/"));

            vm.shelve(true).execute();
            cloud.advance(Duration.ofSeconds(30));

            assertThat(cloud.recordSetsHolding(ip)).isEmpty();
            assertThat(cloud.floatingIpCountOf(vm.id())).isZero();
            assertThat(cloud.floatingIpCount()).isEqualTo(before - 1);
            assertThat(cloud.server(vm.id()).orElseThrow().status()).startsWith("SHELVED");
        }
    }

    @Test
    void aShelveRefusedForTheServersStatusReleasesNothing() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = ready(exo, "i18-shelved", Progress.State.HOSTNAME_CREATED);
            String ip = ipOf(vm);
            vm.shelve().execute();
            cloud.advance(Duration.ofSeconds(30));
            Instance shelved = vm.refresh().execute();
            int before = cloud.floatingIpCount();

            assertThatThrownBy(() -> shelved.shelve(true).execute())
                    .isInstanceOf(ServerActionNotAllowedException.class);

            assertThat(cloud.floatingIpCount()).isEqualTo(before);
            assertThat(cloud.recordSetsHolding(ip)).hasSize(1);
        }
    }

    @Test
    void shelveWithoutReleaseKeepsTheFloatingIpAndItsHostname() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = ready(exo, "i18-keep", Progress.State.HOSTNAME_CREATED);
            String ip = ipOf(vm);
            int before = cloud.floatingIpCount();

            vm.shelve(false).execute();
            cloud.advance(Duration.ofSeconds(30));

            assertThat(cloud.floatingIpCount()).isEqualTo(before);
            assertThat(cloud.recordSetsHolding(ip)).containsExactly("A i18-keep." + ZONE);
        }
    }
}
