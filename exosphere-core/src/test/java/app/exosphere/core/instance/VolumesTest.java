package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.VolumeInUseException;
import app.exosphere.core.volume.Volume;
import app.exosphere.core.volume.VolumeAttachmentInfo;
import app.exosphere.core.volume.VolumeStatus;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.JournalEntry;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Volumes the web app's way on the simulated Cinder ({@code OpenStack.Volumes}): a blank volume created
 * exactly once (counted in the simulator) under a lost answer, renamed, deleted idempotently, and never
 * deleted while it backs an instance.
 */
class VolumesTest {

    private final CloudSimulator cloud = CloudSimulator.builder()
            .scenario(Scenario.jetstream2())
            .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
            .seed(1820)
            .start();

    @AfterEach
    void close() {
        cloud.close();
    }

    private Exosphere connect() {
        return SimulatedGateway.connect(cloud, s -> s.automaticHostnames(false));
    }

    private JournalEntry only(String method, String pathRegex) {
        assertThat(cloud.journal().count(Service.VOLUME, method, pathRegex)).isEqualTo(1);
        return cloud.journal().entries().stream()
                .filter(e -> e.service() == Service.VOLUME && e.method().equals(method))
                .filter(e -> java.util.regex.Pattern.compile(pathRegex)
                        .matcher(e.path())
                        .find())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aBlankVolumeIsCreatedWithTheWebAppsBodyExactlyOnceWhenTheAnswerIsLost() {
        cloud.faults()
                .add(Fault.on(Service.VOLUME)
                        .method("POST")
                        .path("/volumes$")
                        .dropResponseAfterProcessing()
                        .times(1)
                        .build());
        try (Exosphere exo = connect()) {
            Volume v = exo.volumes().create("i18-data", 10).execute();

            assertThat(v.name()).isEqualTo("i18-data");
            assertThat(v.sizeGb()).isEqualTo(10);
            assertThat(cloud.volumesNamed("i18-data")).hasSize(1);
            assertThat(only("POST", "/volumes$").requestBody())
                    .isEqualTo("{\"volume\":{\"size\":10,\"name\":\"i18-data\"}}");
        }
    }

    @Test
    void aVolumeWithoutANameOrWithoutAGigabyteIsRefusedBeforeAnyRequest() {
        try (Exosphere exo = connect()) {
            cloud.journal().clear();
            assertThatThrownBy(() -> exo.volumes().create(" ", 10).execute())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs a name");
            assertThatThrownBy(() -> exo.volumes().create("i18-empty", 0).execute())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 1");
            assertThat(cloud.journal().count(Service.VOLUME)).isZero();
        }
    }

    @Test
    void renamingSendsOnlyTheNewName() {
        try (Exosphere exo = connect()) {
            Volume v = exo.volumes().create("i18-old", 1).execute();
            cloud.journal().clear();

            Volume renamed = exo.volumes().rename(v.id(), "i18-new").execute();

            assertThat(renamed.name()).isEqualTo("i18-new");
            assertThat(cloud.volumesNamed("i18-new")).hasSize(1);
            assertThat(cloud.volumesNamed("i18-old")).isEmpty();
            assertThat(only("PUT", "/volumes/" + v.id() + "$").requestBody())
                    .isEqualTo("{\"volume\":{\"name\":\"i18-new\"}}");
        }
    }

    @Test
    void deletingIsIdempotentEvenWhenTheAnswerIsLost() {
        try (Exosphere exo = connect()) {
            Volume v = exo.volumes().create("i18-gone", 1).execute();
            cloud.advance(Duration.ofSeconds(10)); // available
            cloud.faults()
                    .add(Fault.on(Service.VOLUME)
                            .method("DELETE")
                            .path("/volumes/")
                            .dropResponseAfterProcessing()
                            .times(1)
                            .build());

            exo.volumes().delete(v.id()).execute();
            exo.volumes().delete(v.id()).execute(); // being deleted: nothing more to do
            cloud.advance(Duration.ofSeconds(10));
            exo.volumes().delete(v.id()).execute(); // gone: nothing to do

            assertThat(cloud.volumesNamed("i18-gone")).isEmpty();
        }
    }

    @Test
    void aVolumeAttachedToAnInstanceIsNotDeletedAndTheErrorSaysWhyBeforeAnyDeleteIsSent() {
        try (Exosphere exo = connect()) {
            Instance vm =
                    exo.launch(SimulatedGateway.small("i18-vol-host").build()).execute();
            vm.watch().awaitReady(Duration.ofSeconds(120));
            Volume v = exo.volumes().create("i18-attached", 1).execute();
            cloud.advance(Duration.ofSeconds(10));
            vm.refresh().execute().attachVolume(v).execute();
            cloud.advance(Duration.ofSeconds(10));
            cloud.journal().clear();

            assertThatThrownBy(() -> exo.volumes().delete(v.id()).execute())
                    .isInstanceOf(VolumeInUseException.class)
                    .hasMessageContaining("It cannot be deleted before the instance is deleted.")
                    .hasMessageContaining(vm.id())
                    .satisfies(e ->
                            assertThat(((VolumeInUseException) e).serverIds()).containsExactly(vm.id()));
            assertThat(cloud.journal().count(Service.VOLUME, "DELETE", "/volumes/"))
                    .isZero();
            assertThat(cloud.volumesNamed("i18-attached")).hasSize(1);
        }
    }

    @Test
    void aVolumeReservedByAShelvedInstanceIsNotDeletedEither() {
        Volume reserved = Volume.builder()
                .id("6f1b3c1e-0000-4000-8000-000000000001")
                .nameIfSet("data")
                .status(VolumeStatus.of("reserved"))
                .sizeGb(10)
                .build();
        assertThatThrownBy(() -> Volumes.refuseWhileItBacksAnInstance(reserved))
                .isInstanceOf(VolumeInUseException.class)
                .hasMessageContaining("is reserved")
                .hasMessageContaining("It cannot be deleted before the instance is deleted.");

        Volume attached = reserved.toBuilder()
                .status(VolumeStatus.of("in-use"))
                .addAttachments(VolumeAttachmentInfo.builder().serverId("srv-1").build())
                .build();
        assertThatThrownBy(() -> Volumes.refuseWhileItBacksAnInstance(attached))
                .isInstanceOf(VolumeInUseException.class)
                .hasMessageContaining("is attached to instance srv-1");

        Volume free = reserved.toBuilder().status(VolumeStatus.of("available")).build();
        Volumes.refuseWhileItBacksAnInstance(free); // no exception
    }
}
