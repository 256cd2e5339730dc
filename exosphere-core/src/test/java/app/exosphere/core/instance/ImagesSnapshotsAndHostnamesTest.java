package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.dns.RecordSet;
import app.exosphere.core.error.OpenStackClientException;
import app.exosphere.core.error.ResourceStatusException;
import app.exosphere.core.image.Image;
import app.exosphere.core.image.ImageVisibility;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.rules.DnsZoneChoice;
import app.exosphere.core.volume.Snapshot;
import app.exosphere.core.volume.SnapshotCreateRequest;
import app.exosphere.core.volume.Volume;
import app.exosphere.core.volume.VolumeCreateRequest;
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
 * Images from instances, volume snapshots and DNS hostnames on the simulated cloud: the web app's
 * requests, exactly-once creates counted in the simulator under lost answers, idempotent deletes, and
 * status following on the simulator's clock.
 */
class ImagesSnapshotsAndHostnamesTest {

    private final CloudSimulator cloud = CloudSimulator.builder()
            .scenario(Scenario.jetstream2())
            .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
            .seed(18)
            .start();

    @AfterEach
    void close() {
        cloud.close();
    }

    /** Launches and waits (on the simulator's clock) until it is ACTIVE with its floating IP. */
    private Instance activeWithFloatingIp(Exosphere exo, String name) {
        // the floating IP may be attached before ACTIVE (created while the server builds): wait for both
        return SimulatedGateway.launchAndAwait(exo, name, Progress.State.FLOATING_IP_ATTACHED, Progress.State.ACTIVE);
    }

    /** The explicit hostname calls are tested alone: the watcher's automatic one is AutomaticHostnamesTest's. */
    private Exosphere withoutAutomaticHostnames() {
        return SimulatedGateway.connect(cloud, s -> s.automaticHostnames(false));
    }

    private List<JournalEntry> createImagePosts() {
        return cloud.journal().entries().stream()
                .filter(e -> e.method().equals("POST")
                        && e.path().endsWith("/action")
                        && e.requestBody().contains("createImage"))
                .toList();
    }

    @Test
    void createsAnImageWithTheWebAppsBodyAndDefaultNameAndFollowsItToActive() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = activeWithFloatingIp(exo, "i18-img");
            cloud.journal().clear();

            Image image = exo.images().createFrom(vm).execute();

            assertThat(image.name()).isEqualTo("i18-img-image");
            assertThat(image.property("from-exosphere")).contains("true");
            assertThat(image.imageType()).contains("snapshot");
            assertThat(createImagePosts())
                    .singleElement()
                    .extracting(JournalEntry::requestBody)
                    .isEqualTo(
                            "{\"createImage\":{\"name\":\"i18-img-image\",\"metadata\":{\"from-exosphere\":\"true\"}}}");
            Image active =
                    exo.images().awaitActive(image.id(), Duration.ofMinutes(10)).execute();
            assertThat(active.status().raw()).isEqualTo("active");
            assertThat(cloud.imageCountOf(vm.id())).isEqualTo(1);
        }
    }

    @Test
    void aLostAnswerToCreateImageStillMakesExactlyOneImage() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = activeWithFloatingIp(exo, "i18-img-lost");
            cloud.faults()
                    .add(Fault.on(Service.COMPUTE)
                            .method("POST")
                            .path("^/servers/[^/]+/action$")
                            .dropResponseAfterProcessing()
                            .times(1)
                            .build());
            cloud.journal().clear();

            Image image = exo.images().createFrom(vm, "i18-lost").execute();

            assertThat(image.name()).isEqualTo("i18-lost");
            assertThat(cloud.imageCountOf(vm.id())).isEqualTo(1);
            assertThat(createImagePosts()).hasSize(1);
        }
    }

    @Test
    void aFailedCreateImageThatNeverReachedNovaIsSentAgainAfterTheWindowAndMakesOneImage() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = activeWithFloatingIp(exo, "i18-img-503");
            cloud.faults()
                    .add(Fault.on(Service.COMPUTE)
                            .method("POST")
                            .path("^/servers/[^/]+/action$")
                            .respondWith(503)
                            .times(1)
                            .build());
            cloud.journal().clear();

            Image image = exo.images().createFrom(vm).execute();

            assertThat(cloud.imageCountOf(vm.id())).isEqualTo(1);
            assertThat(createImagePosts()).hasSize(2);
            assertThat(image.name()).isEqualTo("i18-img-503-image");
        }
    }

    @Test
    void changesVisibilityAndDeletesIdempotentlyThenFollowsTheImageUntilGone() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = activeWithFloatingIp(exo, "i18-img-vis");
            Image image = exo.images().createFrom(vm).execute();
            exo.images().awaitActive(image.id(), Duration.ofMinutes(10)).execute();

            Image shared = exo.images()
                    .setVisibility(image.id(), ImageVisibility.COMMUNITY)
                    .execute();

            assertThat(shared.visibility()).contains("community");
            assertThat(cloud.imageState(image.id())).contains("active/community");
            cloud.faults()
                    .add(Fault.on(Service.IMAGE)
                            .method("DELETE")
                            .dropResponseAfterProcessing()
                            .times(1)
                            .build());
            exo.images().delete(image.id()).execute();
            assertThatCode(() -> exo.images().delete(image.id()).execute()).doesNotThrowAnyException();
            exo.images().awaitDeleted(image.id(), Duration.ofMinutes(1)).execute();
            assertThat(cloud.imageState(image.id())).isEmpty();
            assertThat(cloud.imageCountOf(vm.id())).isZero();
        }
    }

    @Test
    void waitingForAnImageThatStaysQueuedTimesOutOnTheInjectedClock() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = activeWithFloatingIp(exo, "i18-img-slow");
            Image image = exo.images().createFrom(vm).execute();
            // the simulator saves an image in 30 s of its clock: 5 s is not enough
            assertThatThrownBy(() -> exo.images()
                            .awaitActive(image.id(), Duration.ofSeconds(5))
                            .execute())
                    .isInstanceOf(ResourceStatusException.class)
                    .hasMessageContaining(image.id())
                    .satisfies(e ->
                            assertThat(((ResourceStatusException) e).timedOut()).isTrue());
        }
    }

    @Test
    void createsASnapshotExactlyOnceUnderALostAnswerAndDeletesIt() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Volume vol = exo.openStack()
                    .volume()
                    .volumes()
                    .create(VolumeCreateRequest.builder()
                            .name("i18-vol")
                            .sizeGb(1)
                            .build())
                    .execute();
            cloud.advance(Duration.ofSeconds(10)); // the volume becomes available
            int before = cloud.snapshotCount();
            cloud.faults()
                    .add(Fault.on(Service.VOLUME)
                            .method("POST")
                            .path("/snapshots$")
                            .dropResponseAfterProcessing()
                            .times(1)
                            .build());

            Snapshot s = exo.snapshots()
                    .create(SnapshotCreateRequest.builder()
                            .volumeId(vol.id())
                            .name("i18-snap")
                            .build())
                    .execute();

            assertThat(cloud.snapshotCount()).isEqualTo(before + 1);
            assertThat(cloud.journal().count(Service.VOLUME, "POST", "/snapshots$"))
                    .isEqualTo(1);
            Snapshot available = exo.snapshots()
                    .awaitAvailable(s.id(), Duration.ofMinutes(5))
                    .execute();
            assertThat(available.status().display()).isEqualTo("Available");
            assertThat(exo.snapshots().listOf(vol.id()).execute())
                    .extracting(Snapshot::id)
                    .containsExactly(s.id());

            exo.snapshots().delete(s.id()).execute();
            assertThatCode(() -> exo.snapshots().delete(s.id()).execute()).doesNotThrowAnyException();
            exo.snapshots().awaitDeleted(s.id(), Duration.ofMinutes(1)).execute();
            assertThat(cloud.snapshotCount()).isEqualTo(before);
        }
    }

    @Test
    void anUnnamedSnapshotIsRefusedBecauseALostAnswerCouldNotBeRecognised() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            assertThatThrownBy(() -> exo.snapshots()
                            .create(SnapshotCreateRequest.builder()
                                    .volumeId("v")
                                    .build())
                            .execute())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs a name");
        }
    }

    @Test
    void createsTheHostnameOfAFloatingIpExactlyOnceShowsItOnTheInstanceAndDeletesIt() {
        try (Exosphere exo = withoutAutomaticHostnames()) {
            Instance vm = activeWithFloatingIp(exo, "I18 Host_Name");
            String ip = vm.fetchFloatingIps().execute().stream()
                    .map(FloatingIp::floatingIpAddress)
                    .findFirst()
                    .orElseThrow();
            DnsZoneChoice.Chosen zone =
                    exo.hostnames().fetchDefaultZone().execute().orElseThrow();
            assertThat(zone.zoneName()).isEqualTo("tra000001.projects.simulated.test.");
            cloud.faults()
                    .add(Fault.on(Service.DNS)
                            .method("POST")
                            .path("/recordsets$")
                            .dropResponseAfterProcessing()
                            .times(1)
                            .build());
            cloud.journal().clear();

            RecordSet rs = exo.hostnames().create(vm, ip).execute();

            assertThat(rs.name()).isEqualTo("i18-host-name.tra000001.projects.simulated.test.");
            assertThat(cloud.recordSetsHolding(ip))
                    .containsExactly("A i18-host-name.tra000001.projects.simulated.test.");
            assertThat(cloud.journal().count(Service.DNS, "POST", "/recordsets$"))
                    .isEqualTo(1);
            assertThat(cloud.journal().entries().stream()
                            .filter(e -> e.method().equals("POST") && e.service() == Service.DNS)
                            .findFirst()
                            .orElseThrow()
                            .requestBody())
                    .isEqualTo("{\"name\":\"i18-host-name.tra000001.projects.simulated.test.\","
                            + "\"description\":\"Created for instance I18 Host_Name\",\"type\":\"A\","
                            + "\"records\":[\"" + ip + "\"],\"ttl\":3600}");

            // asking again answers the existing record set and creates nothing
            RecordSet again = exo.hostnames().create(vm, ip).execute();
            assertThat(again.id()).isEqualTo(rs.id());
            assertThat(cloud.recordSetsHolding(ip)).hasSize(1);

            assertThat(vm.fetchHostnames().execute())
                    .containsExactly("i18-host-name.tra000001.projects.simulated.test");
            assertThat(vm.fetchHostname().execute()).contains("i18-host-name.tra000001.projects.simulated.test");
            assertThat(exo.hostnames().hostnamesOf(ip).execute()).hasSize(1);

            assertThat(exo.hostnames().deleteFor(ip).execute())
                    .extracting(RecordSet::id)
                    .containsExactly(rs.id());
            cloud.advance(Duration.ofSeconds(10));
            assertThat(cloud.recordSetsHolding(ip)).isEmpty();
            assertThat(exo.hostnames().deleteFor(ip).execute()).isEmpty();
        }
    }

    @Test
    void anInstanceNameWithoutAnyUsableCharacterGetsTheWebAppsErrorBeforeAnyRequest() {
        try (Exosphere exo = withoutAutomaticHostnames()) {
            Instance vm = activeWithFloatingIp(exo, "i18-nohost");
            Instance renamed =
                    new Instance(vm.context(), vm.server().toBuilder().name("的").build());
            cloud.journal().clear();
            assertThatThrownBy(() ->
                            exo.hostnames().create(renamed, "149.165.150.10").execute())
                    .isInstanceOf(OpenStackClientException.class)
                    .hasMessageContaining("Could not determine a valid hostname for instance named '的'.");
            assertThat(cloud.journal().count(Service.DNS)).isZero();
        }
    }

    @Test
    void aDesignateOutageFailsTheHostnameTypedAndCreatesNothing() {
        try (Exosphere exo = withoutAutomaticHostnames()) {
            Instance vm = activeWithFloatingIp(exo, "i18-dns-down");
            cloud.faults()
                    .add(Fault.on(Service.DNS).method("GET").respondWith(503).build());
            assertThatThrownBy(
                            () -> exo.hostnames().create(vm, "149.165.150.10").execute())
                    .isInstanceOf(app.exosphere.core.error.ServerErrorException.class);
            assertThat(cloud.recordSetsHolding("149.165.150.10")).isEmpty();
        }
    }
}
