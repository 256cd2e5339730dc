package org.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.instance.Exosphere;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.WithCloudSimulator;
import app.exosphere.testkit.connect.SimulatorConnections;
import org.junit.jupiter.api.Test;

@WithCloudSimulator
class StarterGatewayTest {

    @Test
    void launchesOneInstanceAndReturnsItsWebShellUrl(CloudSimulator cloud) {
        try (Exosphere exosphere = SimulatorConnections.exosphere(cloud)) {
            String url = StarterGateway.launchWebShell(exosphere, "test-instance");

            assertThat(url).startsWith("https://").contains("/guacamole/#/client/");
            assertThat(cloud.servers()).hasSize(1);
            assertThat(cloud.servers().get(0).deploysGuacamole()).isTrue();
        }
    }
}
