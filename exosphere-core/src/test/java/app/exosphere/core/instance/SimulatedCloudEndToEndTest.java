package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.SecretUrl;
import app.exosphere.core.rules.Interaction;
import app.exosphere.core.rules.Interactions;
import app.exosphere.core.rules.ServerUiStatus;
import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The same scenarios end to end against the testkit's simulated Jetstream2-like cloud. */
class SimulatedCloudEndToEndTest {

    /** The simulator's accelerated clock as a java.time.Clock, so setup timeouts use simulated time. */
    static Clock clockOf(SimulatedClock sim) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return sim.now();
            }
        };
    }

    private static Exosphere connect(CloudSimulator cloud) {
        CloudCredentials c = cloud.credentials();
        Clock clock = clockOf(cloud.clock());
        OpenStack os = OpenStack.builder()
                .authUrl(c.authUrl())
                .credentials(
                        Credentials.applicationCredential(c.applicationCredentialId(), c.applicationCredentialSecret()))
                .region("IU")
                .httpClient(cloud.newHttpClient())
                .clock(clock)
                .build();
        return Exosphere.builder()
                .openStack(os)
                .settings(ExosphereSettings.builder()
                        .clientUuid("3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b")
                        .uapHostname(cloud.uapHostname("IU").orElseThrow())
                        .pollInterval(Duration.ofMillis(100))
                        .build())
                .clock(clock)
                .build();
    }

    @Test
    void launchesAnExosphereInstanceWaitsForReadyAndGetsAWorkingWebShell() {
        try (CloudSimulator cloud = CloudSimulator.builder()
                        .scenario(Scenario.jetstream2())
                        .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
                        .seed(7)
                        .start();
                Exosphere exo = connect(cloud)) {
            Instance vm = exo.launch(LaunchRequest.builder()
                            .name("e2e")
                            .image(ImageChoice.name("Featured-Ubuntu24"))
                            .flavor(FlavorChoice.name("m3.small"))
                            .build())
                    .execute();

            Instance ready =
                    vm.watch().awaitReady(Duration.ofSeconds(60)).refresh().execute();

            assertThat(ready.uiStatus()).isEqualTo(ServerUiStatus.READY);
            assertThat(ready.origin().passphrase()).isPresent(); // the exoPw: tag, like Exosphere
            Interactions interactions = ready.fetchInteractions().execute();
            assertThat(interactions
                            .status(Interaction.NATIVE_SSH)
                            .value()
                            .orElseThrow()
                            .toUriString())
                    .startsWith("exouser@149.165.150.");
            String shell = interactions
                    .status(Interaction.WEB_SHELL)
                    .value()
                    .orElseThrow()
                    .toUriString();
            assertThat(shell)
                    .startsWith("https://http-149-165-150-")
                    .contains("-49528.proxy-js2-iu.simulated.test/guacamole/#/client/c2hlbGwAYwBkZWZhdWx0?token=");
            assertThat(interactions.status(Interaction.WEB_DESKTOP).reason())
                    .contains("Graphical Desktop was not enabled when Instance was deployed");
            assertThat(cloud.server(vm.id()).orElseThrow().metadata()).containsEntry("exoServerVersion", "6");
        }
    }

    @Test
    void responseDroppedAfterNovaCreatedTheServerStillYieldsExactlyOneServer() {
        try (CloudSimulator cloud = CloudSimulator.builder()
                        .scenario(Scenario.jetstream2())
                        .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
                        .seed(8)
                        .start();
                Exosphere exo = connect(cloud)) {
            cloud.faults()
                    .add(Fault.on(Service.COMPUTE)
                            .method("POST")
                            .path("^/servers$")
                            .dropResponseAfterProcessing()
                            .times(1)
                            .build());
            long before = cloud.servers().size();

            Instance vm = exo.launch(LaunchRequest.builder()
                            .name("once")
                            .image(ImageChoice.name("Featured-Ubuntu24"))
                            .flavor(FlavorChoice.name("m3.small"))
                            .build())
                    .execute();

            assertThat(cloud.servers()).hasSize((int) before + 1);
            assertThat(cloud.server(vm.id())).isPresent();
        }
    }

    @Test
    void launchWorkflowBecomesReadyThenPublishesTheJupyterUrlThroughTheUap() {
        try (CloudSimulator cloud = CloudSimulator.builder()
                        .scenario(Scenario.jetstream2())
                        .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
                        .seed(9)
                        .start();
                Exosphere exo = connect(cloud)) {
            Instance vm = exo.launch(LaunchRequest.builder()
                            .name("binder")
                            .image(ImageChoice.name("Featured-Ubuntu24"))
                            .flavor(FlavorChoice.name("m3.small"))
                            .workflow(app.exosphere.workflow.WorkflowSource.of(
                                    "https://github.com/binder-examples/r_with_python", "", "rstudio"))
                            .build())
                    .execute();
            java.util.List<Progress.State> states = new java.util.concurrent.CopyOnWriteArrayList<>();
            InstanceWatch watch = vm.watch(p -> states.add(p.state()));

            Instance ready = watch.awaitReady(Duration.ofSeconds(60));
            SecretUrl workflowUrl = watch.awaitWorkflow(Duration.ofSeconds(60));
            String url = workflowUrl.toUriString();

            assertThat(ready.origin().workflow()).isPresent();
            String token =
                    cloud.server(ready.id()).orElseThrow().workflowToken().orElseThrow();
            assertThat(url)
                    .startsWith("https://http-149-165-150-")
                    .contains("-8888.proxy-js2-iu.simulated.test/rstudio?token=" + token);
            assertThat(states).contains(Progress.State.READY, Progress.State.WORKFLOW_READY);
            assertThat(ready.refresh()
                            .execute()
                            .fetchInteractions()
                            .execute()
                            .status(Interaction.WORKFLOW)
                            .value())
                    .contains(workflowUrl);
        }
    }

    @Test
    void launchWorkflowIsOneCallToTheWatchedInstanceAndItsJupyterUrl() {
        try (CloudSimulator cloud = CloudSimulator.builder()
                        .scenario(Scenario.jetstream2())
                        .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
                        .seed(10)
                        .start();
                Exosphere exo = connect(cloud)) {
            InstanceWatch watch = exo.launchWorkflow(
                            LaunchRequest.builder()
                                    .name("binder-one-call")
                                    .image(ImageChoice.name("Featured-Ubuntu24"))
                                    .build(),
                            app.exosphere.workflow.WorkflowSource.of(
                                    "https://github.com/binder-examples/r_with_python"))
                    .execute();

            String url = watch.awaitWorkflow(Duration.ofSeconds(60)).toUriString();

            String token = cloud.server(watch.latest().id())
                    .orElseThrow()
                    .workflowToken()
                    .orElseThrow();
            assertThat(url).endsWith("-8888.proxy-js2-iu.simulated.test/?token=" + token);
            assertThat(watch.awaitReady(Duration.ofSeconds(60)).id())
                    .isEqualTo(watch.latest().id());
        }
    }
}
