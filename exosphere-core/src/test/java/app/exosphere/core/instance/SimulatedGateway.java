package app.exosphere.core.instance;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** A gateway connected to a simulated cloud, on the simulator's clock (each call is one replica). */
final class SimulatedGateway {
    static final String CLIENT = "3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b";

    private SimulatedGateway() {}

    static Exosphere connect(CloudSimulator cloud) {
        return connect(cloud, b -> b);
    }

    /** Connects with Exosphere's defaults plus the simulator's UAP, adjusted by {@code settings}. */
    static Exosphere connect(CloudSimulator cloud, UnaryOperator<ExosphereSettings.Builder> settings) {
        return connect(cloud, o -> o, settings);
    }

    /** Like {@link #connect(CloudSimulator, UnaryOperator)}, the OpenStack client adjusted by {@code openStack}. */
    static Exosphere connect(
            CloudSimulator cloud,
            UnaryOperator<OpenStack.Builder> openStack,
            UnaryOperator<ExosphereSettings.Builder> settings) {
        CloudCredentials c = cloud.credentials();
        Clock clock = cloud.clock().asClock();
        OpenStack os = openStack
                .apply(OpenStack.builder()
                        .authUrl(c.authUrl())
                        .credentials(Credentials.applicationCredential(
                                c.applicationCredentialId(), c.applicationCredentialSecret()))
                        .region("IU")
                        .httpClient(cloud.newHttpClient())
                        .clock(clock))
                .build();
        ExosphereSettings.Builder b = ExosphereSettings.builder()
                .clientUuid(CLIENT)
                .uapHostname(cloud.uapHostname("IU").orElseThrow());
        return Exosphere.builder()
                .openStack(os)
                .settings(settings.apply(b).build())
                .clock(clock)
                .build();
    }

    static LaunchRequest.Builder small(String name) {
        return LaunchRequest.builder()
                .name(name)
                .image(ImageChoice.name("Featured-Ubuntu24"))
                .flavor(FlavorChoice.name("m3.small"));
    }
}
