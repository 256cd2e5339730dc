package app.exosphere.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.WithCloudSimulator;
import java.io.IOException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The example of {@code docs/testing.md}, compiled and run so the guide cannot rot. */
@WithCloudSimulator(preset = Scenario.Preset.JETSTREAM2, timeScale = 0)
class GatewayDocExampleTest {

    // MyGateway stands in for the gateway's own code: it logs in with an application credential and lists
    // flavors, with plain OkHttp + Jackson (see MyGateway.java next to this test)

    @Test
    void countsTheFlavorsOfTheRegion(CloudSimulator cloud, CloudCredentials credentials, OkHttpClient http)
            throws IOException {
        MyGateway gateway = new MyGateway(http, cloud.keystoneUrl());

        int flavors = gateway.countFlavors(
                credentials.applicationCredentialId(), credentials.applicationCredentialSecret(), "TACC");

        assertThat(flavors).isEqualTo(11);
        assertThat(cloud.journal().count(Service.COMPUTE, "GET", "^/flavors$")).isEqualTo(1);
    }

    @Test
    void surfacesANovaOutage(CloudSimulator cloud, CloudCredentials credentials, OkHttpClient http) {
        cloud.faults().add(Fault.on(Service.COMPUTE).respondWith(503).build());
        MyGateway gateway = new MyGateway(http, cloud.keystoneUrl());

        assertThatThrownBy(() -> gateway.countFlavors(
                        credentials.applicationCredentialId(), credentials.applicationCredentialSecret(), "IU"))
                .hasMessage("Nova answered 503");
    }
}
