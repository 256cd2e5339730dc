package app.exosphere.testkit.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.OpenStack;
import app.exosphere.core.error.ConnectionException;
import app.exosphere.core.http.ExosphereListener;
import app.exosphere.core.http.TransportOptions;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.ExosphereSettings;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.rules.Interaction;
import app.exosphere.core.rules.ServerUiStatus;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SimulatorConnectionsTest {

    @Test
    void oneCallGivesAnExosphereThatLaunchesAFeaturedImageWithAWorkingWebShell() {
        try (CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2());
                Exosphere exosphere = SimulatorConnections.exosphere(cloud)) {
            Instance vm = exosphere
                    .launch(LaunchRequest.builder().name("i13-connect").build())
                    .execute();

            Instance ready =
                    vm.watch().awaitReady(Duration.ofHours(1)).refresh().execute();

            assertThat(ready.uiStatus()).isEqualTo(ServerUiStatus.READY);
            assertThat(ready.fetchInteractions()
                            .execute()
                            .status(Interaction.WEB_SHELL)
                            .value())
                    .hasValueSatisfying(url -> assertThat(url.toUriString())
                            .startsWith("https://")
                            .contains(".proxy-js2-iu.simulated.test/guacamole/#/client/"));
            // the default image is the newest featured one, as the exosphere CLI launches
            String imageId = ready.server().image().id().orElseThrow();
            assertThat(exosphere.openStack().image().get(imageId).execute().name())
                    .startsWith("Featured-");
            assertThat(cloud.servers()).hasSize(1);
            assertThat(cloud.server(vm.id()).orElseThrow().deploysGuacamole()).isTrue();
        }
    }

    @Test
    void eachProjectOfOneCloudGetsAnExosphereThatSeesOnlyItsOwnInstances() {
        try (CloudSimulator cloud = CloudSimulator.builder()
                        .addProject("s19-beta", "s19-bob", "s19-bob-password")
                        .start();
                Exosphere alpha = SimulatorConnections.exosphere(cloud);
                Exosphere beta = SimulatorConnections.exosphere(cloud, "s19-beta")) {
            Instance alphas = alpha.launch(
                            LaunchRequest.builder().name("s19-alpha-vm").build())
                    .execute();
            Instance betas = beta.launch(
                            LaunchRequest.builder().name("s19-beta-vm").build())
                    .execute();

            assertThat(alpha.list().execute()).extracting(Instance::id).containsExactly(alphas.id());
            assertThat(beta.list().execute()).extracting(Instance::id).containsExactly(betas.id());
            assertThatThrownBy(() -> beta.instance(alphas.id()).execute())
                    .isInstanceOf(app.exosphere.core.error.NotFoundException.class);
            assertThat(cloud.project("s19-beta").servers())
                    .extracting(s -> s.id())
                    .containsExactly(betas.id());
            assertThat(beta.openStack()
                            .token()
                            .execute()
                            .project()
                            .orElseThrow()
                            .name())
                    .isEqualTo("s19-beta");
        }
    }

    @Test
    void closingTheOpenStackConnectionStopsTheThreadsTheSdkCreated() {
        try (CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2())) {
            OpenStack openStack = SimulatorConnections.openStack(cloud);
            openStack.compute().flavors().listDetail().toList();
            assertThat(openStack.httpClient().dispatcher().executorService().isShutdown())
                    .isFalse();

            openStack.close();

            assertThat(openStack.httpClient().dispatcher().executorService().isShutdown())
                    .isTrue();
            assertThat(openStack.httpClient().connectionPool().connectionCount())
                    .isZero();
            long flavorCalls = cloud.journal().count(Service.COMPUTE, "GET", "^/flavors/detail$");
            assertThatThrownBy(() -> openStack.compute().flavors().listDetail().toList())
                    .isInstanceOf(ConnectionException.class);
            assertThat(cloud.journal().count(Service.COMPUTE, "GET", "^/flavors/detail$"))
                    .isEqualTo(flavorCalls);
        }
    }

    @Test
    void closingTheExosphereClosesTheConnectionItWasBuiltWith() {
        try (CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2())) {
            Exosphere exosphere = SimulatorConnections.exosphere(cloud);

            exosphere.close();

            assertThat(exosphere
                            .openStack()
                            .httpClient()
                            .dispatcher()
                            .executorService()
                            .isShutdown())
                    .isTrue();
        }
    }

    @Test
    void aLaunchReportsItsMilestonesToTheListener() {
        List<ExosphereListener.Milestone> milestones = new CopyOnWriteArrayList<>();
        ExosphereListener listener = new ExosphereListener() {
            @Override
            public void milestone(Milestone milestone) {
                milestones.add(milestone);
            }
        };
        try (CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2());
                Exosphere exosphere = SimulatorConnections.exosphere(
                        cloud, TransportOptions.builder().listener(listener).build())) {
            Instance vm = exosphere
                    .launch(LaunchRequest.builder().name("i13-milestones").build())
                    .execute();
            vm.watch().awaitReady(Duration.ofHours(1));

            assertThat(milestones.get(0).kind()).isEqualTo("CREATED");
            assertThat(milestones.get(0).serverId()).hasValue(vm.id());
            assertThat(milestones.get(0).launchId()).isPresent();
            assertThat(milestones)
                    .extracting(ExosphereListener.Milestone::kind)
                    .contains("ACTIVE", "FLOATING_IP_ATTACHED", "READY")
                    .doesNotContain("GUACAMOLE_SKIPPED");
        }
    }

    @Test
    void guacamoleLeftOutForLackOfAUapIsAMilestoneWithItsReason() {
        List<ExosphereListener.Milestone> milestones = new CopyOnWriteArrayList<>();
        try (CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2());
                OpenStack openStack = SimulatorConnections.openStack(
                        cloud,
                        TransportOptions.builder()
                                .listener(new ExosphereListener() {
                                    @Override
                                    public void milestone(Milestone milestone) {
                                        milestones.add(milestone);
                                    }
                                })
                                .build());
                // no cloud configuration for the simulated cloud: Exosphere's built-in list does not know it
                Exosphere exosphere = Exosphere.connect(openStack, ExosphereSettings.newClientUuid())) {
            Instance vm = exosphere
                    .launch(LaunchRequest.builder().name("i13-no-uap").build())
                    .execute();

            assertThat(milestones)
                    .filteredOn(m -> m.kind().equals("GUACAMOLE_SKIPPED"))
                    .singleElement()
                    .satisfies(m -> assertThat(m.detail())
                            .contains("no User Application Proxy")
                            .contains("LaunchRequest.guacamole(false)"));
            assertThat(cloud.server(vm.id()).orElseThrow().deploysGuacamole()).isFalse();
        }
    }
}
