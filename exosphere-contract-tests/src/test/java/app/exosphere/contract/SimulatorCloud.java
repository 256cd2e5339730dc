package app.exosphere.contract;

import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import java.time.Duration;
import java.util.Optional;

/**
 * The simulated research cloud of {@code exosphere-testkit} ({@link Scenario#jetstream2()}), started
 * fresh for each scenario class on a random loopback port.
 *
 * <pre>{@code
 * try (ContractCloud cloud = SimulatorCloud.start()) { ... }
 * }</pre>
 */
final class SimulatorCloud implements ContractCloud {
    private final CloudSimulator simulator;
    private final CloudCredentials credentials;

    private SimulatorCloud(CloudSimulator simulator) {
        this.simulator = simulator;
        this.credentials = simulator.credentials();
    }

    static SimulatorCloud start() {
        return new SimulatorCloud(CloudSimulator.start(Scenario.jetstream2()));
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public String authUrl() {
        return simulator.keystoneUrl();
    }

    @Override
    public Rest.Login member() {
        return new Rest.Login(
                credentials.username(),
                credentials.password(),
                credentials.projectName(),
                credentials.userDomainName());
    }

    @Override
    public Optional<Rest.Login> admin() {
        return Optional.empty();
    }

    @Override
    public String region() {
        return credentials.defaultRegion();
    }

    @Override
    public String imageName() {
        return "Featured-Ubuntu24";
    }

    @Override
    public String smallFlavorName() {
        return "m3.tiny";
    }

    @Override
    public String resizeFlavorName() {
        return "m3.small";
    }

    @Override
    public String externalNetworkName() {
        return "public";
    }

    @Override
    public void pause(Duration d) {
        simulator.advance(d);
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public java.time.Clock clock() {
        return simulator.clock().asClock();
    }

    @Override
    public Duration patience() {
        return Duration.ofSeconds(60);
    }

    @Override
    public void close() {
        simulator.close();
    }

    @Override
    public String toString() {
        return "simulator at " + authUrl();
    }
}
