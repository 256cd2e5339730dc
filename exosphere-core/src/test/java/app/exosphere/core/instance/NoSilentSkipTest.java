package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.StandardErrorCapture;
import app.exosphere.core.rules.Interaction;
import app.exosphere.core.rules.InteractionStatus;
import app.exosphere.core.rules.Interactions;
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

/** Every step not done is an event with its reason; READY means what was asked for is there. */
class NoSilentSkipTest {

    private final CloudSimulator cloud = CloudSimulator.builder()
            .scenario(Scenario.jetstream2())
            .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
            .seed(31)
            .start();

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void floatingIpThatKeepsFailingEndsTheWatchFailedWithTheCauseNotReady() {
        cloud.faults()
                .add(Fault.on(Service.NETWORK)
                        .method("POST")
                        .path("^/v2.0/floatingips$")
                        .respondWith(409, "Quota exceeded for resources: ['floatingip'].")
                        .build());
        List<Progress> events = new CopyOnWriteArrayList<>();
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm =
                    exo.launch(SimulatedGateway.small("i12-no-fip").build()).execute();
            InstanceWatch watch = vm.watch(events::add);

            assertThatThrownBy(() -> watch.awaitReady(Duration.ofSeconds(60)))
                    .isInstanceOf(InstanceFailedException.class)
                    .hasMessageContaining("floating IP could not be attached")
                    .hasMessageContaining("Quota exceeded");
            assertThat(events).extracting(Progress::state).doesNotContain(Progress.State.READY);
            assertThat(events)
                    .filteredOn(p -> p.state() == Progress.State.SKIPPED)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("Quota exceeded"));
            assertThat(cloud.floatingIpCountOf(vm.id())).isZero();
        }
    }

    @Test
    void floatingIpOutsideExospheresWindowIsASkippedEventAFailureAndAnAccurateReason() {
        List<Progress> events = new CopyOnWriteArrayList<>();
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm =
                    exo.launch(SimulatedGateway.small("i12-late-watch").build()).execute();
            cloud.advance(Duration.ofMinutes(6)); // the gateway only starts watching six minutes later

            assertThatThrownBy(() -> vm.watch(events::add).awaitReady(Duration.ofSeconds(60)))
                    .isInstanceOf(InstanceFailedException.class)
                    .hasMessageContaining("5-minute window");
            assertThat(events)
                    .filteredOn(p -> p.state() == Progress.State.SKIPPED)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("5-minute window"));
            assertThat(cloud.floatingIpCountOf(vm.id())).isZero();
            // the web shell reason says there is no floating IP, not "check back in a few minutes"
            InteractionStatus shell =
                    vm.refresh().execute().fetchInteractions().execute().status(Interaction.WEB_SHELL);
            assertThat(shell.reason()).contains(Interactions.NO_FLOATING_IP);
        }
    }

    @Test
    void guacamoleLeftOutForACloudWithoutUapIsASkippedEventAndTheReasonNamesTheMissingProxy() {
        List<Progress> events = new CopyOnWriteArrayList<>();
        // a UAP catalog that knows nothing of this cloud, and no explicit UAP hostname
        try (Exosphere exo = SimulatedGateway.connect(
                cloud, s -> s.uapHostname(java.util.Optional.empty()).uapCatalog(app.exosphere.uap.UapCatalog.of()))) {
            Instance vm =
                    exo.launch(SimulatedGateway.small("i12-no-uap").build()).execute();
            Instance ready = vm.watch(events::add).awaitReady(Duration.ofSeconds(90));

            assertThat(events)
                    .filteredOn(p -> p.state() == Progress.State.SKIPPED)
                    .singleElement()
                    .satisfies(
                            p -> assertThat(p.message()).contains("Guacamole").contains("User Application Proxy"));
            assertThat(cloud.server(vm.id()).orElseThrow().deploysGuacamole()).isFalse();
            assertThat(ready.refresh()
                            .execute()
                            .fetchInteractions()
                            .execute()
                            .status(Interaction.WEB_SHELL)
                            .reason())
                    .contains(Interactions.NO_UAP);
        }
    }

    @Test
    void guacamoleLeftOutIsLoggedOnceAsAWarningAtLaunchAndReportedOnceAsASkippedEventByTheWatch() {
        List<Progress> events = new CopyOnWriteArrayList<>();
        StandardErrorCapture logs = StandardErrorCapture.start();
        try (logs;
                Exosphere exo = SimulatedGateway.connect(
                        cloud,
                        s -> s.uapHostname(java.util.Optional.empty()).uapCatalog(app.exosphere.uap.UapCatalog.of()))) {
            Instance vm = exo.launch(SimulatedGateway.small("i15-no-uap-once").build())
                    .execute();
            vm.watch(events::add).awaitReady(Duration.ofSeconds(90));
        }

        List<String> warnings = logs.warnings("Guacamole (web shell and desktop)");
        assertThat(warnings)
                .singleElement()
                .satisfies(l -> assertThat(l).contains("User Application Proxy").contains("uapHostname"));
        assertThat(events)
                .filteredOn(p -> p.state() == Progress.State.SKIPPED)
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Guacamole").contains("User Application Proxy"));
    }
}
