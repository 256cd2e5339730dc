package app.exosphere.testkit.connect;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.config.ExosphereCloudConfigs;
import app.exosphere.core.http.TransportOptions;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.ExosphereSettings;
import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import java.time.Duration;
import java.util.Objects;

/**
 * Ready exosphere-core clients for a running {@link CloudSimulator}, signed in as the simulated user to
 * the default project and region, with everything a hand-built client would miss: the simulator's DNS
 * and socket factory (UAP hostnames), trust in the simulated UAP's CA, the cloud's Exosphere
 * configuration ({@code cloud_configs.js}: UAP per region, featured image prefix) and the simulator's
 * clock. The SDK creates and owns the HTTP client, so closing the returned object releases its threads.
 *
 * <pre>{@code
 * try (CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2());
 *         Exosphere exosphere = SimulatorConnections.exosphere(cloud)) {
 *     Instance vm = exosphere.launch(LaunchRequest.builder().name("demo").build()).execute();
 *     vm.watch().awaitReady(Duration.ofHours(1));
 * }
 * }</pre>
 */
public final class SimulatorConnections {

    /** How often watches poll: a few simulated seconds at the simulator's default speed (60×). */
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private SimulatorConnections() {}

    /**
     * An authenticated {@link OpenStack} connection to the simulator's default project and region (the
     * password user). Close it when done.
     */
    public static OpenStack openStack(CloudSimulator cloud) {
        return openStack(cloud, TransportOptions.defaults());
    }

    /**
     * As {@link #openStack(CloudSimulator)}, with transport options (e.g. an {@code ExosphereListener} or the
     * test's Resilience4j registries).
     */
    public static OpenStack openStack(CloudSimulator cloud, TransportOptions transport) {
        Objects.requireNonNull(cloud, "cloud");
        return openStack(cloud, cloud.credentials(), transport);
    }

    /**
     * As {@link #openStack(CloudSimulator)}, signed in as the user of project {@code projectName} of a cloud
     * with several projects ({@code CloudSimulator.Builder.addProject}).
     *
     * @throws IllegalArgumentException when the cloud has no such project
     */
    public static OpenStack openStack(CloudSimulator cloud, String projectName) {
        Objects.requireNonNull(cloud, "cloud");
        return openStack(cloud, cloud.credentials(projectName), TransportOptions.defaults());
    }

    private static OpenStack openStack(CloudSimulator cloud, CloudCredentials login, TransportOptions transport) {
        return OpenStack.builder()
                .authUrl(login.authUrl())
                .credentials(Credentials.password(
                        UserRef.name(login.username(), DomainRef.name(login.userDomainName())), login.password()))
                .project(login.projectName(), DomainRef.name(login.projectDomainName()))
                .region(login.defaultRegion())
                .configureHttpClient(cloud::configure)
                .transport(transport)
                .clock(cloud.clock().asClock())
                .build();
    }

    /**
     * An {@link Exosphere} on {@link #openStack(CloudSimulator)} with the simulator's cloud configuration
     * (so Guacamole is deployed where the simulated cloud has a UAP), its clock, a fresh client UUID and a
     * poll interval suited to the simulator's accelerated time. Closing it closes the connection too.
     */
    public static Exosphere exosphere(CloudSimulator cloud) {
        return exosphere(cloud, TransportOptions.defaults());
    }

    /** As {@link #exosphere(CloudSimulator)}, with transport options (e.g. an {@code ExosphereListener}). */
    public static Exosphere exosphere(CloudSimulator cloud, TransportOptions transport) {
        return exosphere(cloud, openStack(cloud, transport));
    }

    /**
     * As {@link #exosphere(CloudSimulator)}, signed in as the user of project {@code projectName} of a cloud
     * with several projects ({@code CloudSimulator.Builder.addProject}).
     *
     * @throws IllegalArgumentException when the cloud has no such project
     */
    public static Exosphere exosphere(CloudSimulator cloud, String projectName) {
        return exosphere(cloud, openStack(cloud, projectName));
    }

    private static Exosphere exosphere(CloudSimulator cloud, OpenStack openStack) {
        try {
            return Exosphere.builder()
                    .openStack(openStack)
                    .settings(ExosphereSettings.builder()
                            .clientUuid(ExosphereSettings.newClientUuid())
                            .pollInterval(POLL_INTERVAL)
                            .build())
                    .cloudConfigs(ExosphereCloudConfigs.builtIn()
                            .with(ExosphereCloudConfigs.parse(cloud.cloudConfigsJs(), "simulator cloud_configs.js")))
                    .clock(cloud.clock().asClock())
                    .closeOpenStack(true)
                    .build();
        } catch (RuntimeException e) {
            openStack.close();
            throw e;
        }
    }
}
