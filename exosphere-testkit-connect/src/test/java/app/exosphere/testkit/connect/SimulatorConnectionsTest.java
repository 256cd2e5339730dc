package app.exosphere.testkit.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.Exosphere;
import app.exosphere.core.OpenStack;
import app.exosphere.core.error.ConnectionException;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.Interaction;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.instance.ServerUiStatus;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorConnectionsTest {

    @Test
    void oneCallGivesAnExosphereThatLaunchesAFeaturedImageWithAWorkingWebShell() {
        try (CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2());
                Exosphere exosphere = SimulatorConnections.exosphere(cloud)) {
            Instance vm =
                    exosphere.launch(LaunchRequest.builder().name("i13-connect").build());

            Instance ready = vm.watch().awaitReady(Duration.ofHours(1)).refresh();

            assertThat(ready.uiStatus()).isEqualTo(ServerUiStatus.READY);
            assertThat(ready.interactions().status(Interaction.WEB_SHELL).value())
                    .hasValueSatisfying(url -> assertThat(url)
                            .startsWith("https://")
                            .contains(".proxy-js2-iu.simulated.test/guacamole/#/client/"));
            // the default image is the newest featured one, as the exosphere CLI launches
            String imageId = ready.server().image().id().orElseThrow();
            assertThat(exosphere.openStack().image().get(imageId).name()).startsWith("Featured-");
            assertThat(cloud.servers()).hasSize(1);
            assertThat(cloud.server(vm.id()).orElseThrow().deploysGuacamole()).isTrue();
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
}
