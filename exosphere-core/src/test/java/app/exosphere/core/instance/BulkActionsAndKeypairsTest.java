package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.compute.ServerAction;
import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.core.error.PrivateKeyDetectedException;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The web app's server-list bulk actions ({@code Page.ServerList}) and keypair management ({@code Rest.Nova}). */
class BulkActionsAndKeypairsTest {
    private final CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2());

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void aBulkActionIsSentOnlyToTheInstancesThatAllowItTheOthersAreSkippedWithTheirReason() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            List<Instance> vms = exo.launchAll(
                            SimulatedGateway.small("i18d-bulk").count(3).build())
                    .execute();
            cloud.advance(Duration.ofMinutes(3));
            Instance paused = vms.get(0).refresh().execute();
            paused.pause().execute();
            cloud.advance(Duration.ofMinutes(1));
            List<Instance> selection = List.of(
                    paused.refresh().execute(),
                    vms.get(1).refresh().execute(),
                    vms.get(2).refresh().execute());
            long pausesBefore = cloud.journal().count(Service.COMPUTE, "POST", ".*/action$");

            BulkOutcome outcome =
                    exo.instances().bulk(ServerAction.PAUSE, selection).execute();

            assertThat(outcome.done())
                    .containsExactly(vms.get(1).id(), vms.get(2).id());
            assertThat(outcome.skipped()).containsOnlyKeys(paused.id());
            assertThat(outcome.skipped().get(paused.id())).contains("PAUSED");
            assertThat(outcome.failed()).isEmpty();
            assertThat(cloud.journal().count(Service.COMPUTE, "POST", ".*/action$") - pausesBefore)
                    .isEqualTo(2);
        }
    }

    @Test
    void bulkDeleteDeletesEveryServerAndReleasesTheFloatingIpsTheSdkCreated() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            List<Instance> vms = exo.launchAll(
                            SimulatedGateway.small("i18d-bulkdel").count(2).build())
                    .execute();
            // both watches run at once: each attaches its floating IP within Exosphere's window
            List<InstanceWatch> watches = vms.stream().map(Instance::watch).toList();
            for (InstanceWatch w : watches) {
                w.awaitReady(Duration.ofHours(1));
            }
            assertThat(cloud.floatingIpCountOf(vms.get(0).id())).isEqualTo(1);
            List<Instance> selection =
                    vms.stream().map(v -> v.refresh().execute()).toList();

            BulkOutcome outcome =
                    exo.instances().bulk(ServerAction.DELETE, selection).execute();

            assertThat(outcome.allDone()).isTrue();
            cloud.advance(Duration.ofMinutes(1));
            assertThat(cloud.servers()).noneMatch(s -> s.name().startsWith("i18d-bulkdel"));
            assertThat(cloud.floatingIpCount()).isEqualTo(cloud.scenario().existingFloatingIps());
        }
    }

    @Test
    void onlyTheWebAppsBulkActionsAreOffered() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            assertThatThrownBy(() ->
                            exo.instances().bulk(ServerAction.RESIZE, List.of()).execute())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SHELVE");
        }
    }

    @Test
    void keypairsAreImportedWithTheFormsChecksAndDeletedIdempotently() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Keypairs keypairs = exo.keypairs();

            assertThatThrownBy(() -> keypairs.importKey(" laptop", "ssh-ed25519 AAAAC3Nza me@x")
                            .execute())
                    .isInstanceOf(InvalidLaunchRequestException.class)
                    .hasMessageContaining("must not start with a space");
            assertThatThrownBy(() -> keypairs.importKey("laptop", " ").execute())
                    .isInstanceOf(InvalidLaunchRequestException.class)
                    .hasMessageContaining("public key is required");
            assertThatThrownBy(() -> keypairs.importKey(
                                    "laptop", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n")
                            .execute())
                    .isInstanceOf(PrivateKeyDetectedException.class);
            assertThat(cloud.journal().count(Service.COMPUTE, "POST", ".*/os-keypairs$"))
                    .isZero();

            keypairs.importKey("i18d-laptop  ", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG me@laptop")
                    .execute();
            keypairs.importKey("i18d-desktop", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH me@desktop")
                    .execute();
            assertThat(keypairs.list().execute()).extracting(k -> k.name()).contains("i18d-laptop", "i18d-desktop");

            keypairs.delete("i18d-laptop").execute();
            keypairs.delete("i18d-laptop").execute();
            assertThat(keypairs.deleteAll(List.of("i18d-desktop", "i18d-never-existed"))
                            .execute())
                    .containsExactly("i18d-desktop", "i18d-never-existed");
            assertThat(keypairs.list().execute())
                    .extracting(k -> k.name())
                    .doesNotContain("i18d-laptop", "i18d-desktop");
        }
    }
}
