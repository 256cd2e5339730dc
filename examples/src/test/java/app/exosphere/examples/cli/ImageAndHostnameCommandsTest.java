package app.exosphere.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.examples.SimulatedSession;
import app.exosphere.testkit.CloudSimulator;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code exosphere image create-from} and {@code exosphere hostname} on one simulated cloud, in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageAndHostnameCommandsTest {
    @RegisterExtension
    static final SimulatedSession simulated = new SimulatedSession();

    static CloudSimulator cloud;

    @BeforeAll
    static void start() {
        cloud = simulated.session().simulator().orElseThrow();
        CliRun launched = CliRun.on(simulated.session(), "launch", "--name", "i18 cli", "--wait");
        assertThat(launched.exitCode()).as(launched.err()).isZero();
    }

    @Test
    @Order(1)
    void imageCreateFromUsesTheWebAppsDefaultNameAndWaitsUntilActive() {
        CliRun run = CliRun.on(simulated.session(), "image", "create-from", "i18 cli", "--wait");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .matches("image i18 cli-image \\([0-9a-f-]{36}\\) of i18 cli: (queued|saving)\n"
                        + "i18 cli-image: active\n");
        String serverId = cloud.server("i18 cli").orElseThrow().id();
        assertThat(cloud.imageCountOf(serverId)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void imageCreateFromWithANameAndVisibilityAnswersJson() {
        CliRun run = CliRun.on(
                simulated.session(),
                "--json",
                "image",
                "create-from",
                "i18 cli",
                "--name",
                "golden",
                "--visibility",
                "community");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("\"name\":\"golden\"")
                .contains("\"status\":\"active\"")
                .contains("\"visibility\":\"community\"");
    }

    @Test
    @Order(3)
    void aVisibilityGlanceDoesNotKnowIsABadArgumentBeforeAnyRequest() {
        CliRun run = CliRun.on(simulated.session(), "image", "create-from", "i18 cli", "--visibility", "everyone");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("public, community, shared or private");
    }

    @Test
    @Order(4)
    void hostnameShowsTheOneTheLaunchMadeDeletesItThenCreatesItAgain() throws InterruptedException {
        String ip = cloud.server("i18 cli").orElseThrow().floatingIp().orElseThrow();
        // the launch made it in the background after attaching the floating IP (ExosphereSettings.automaticHostnames)
        long until = System.nanoTime() + 30_000_000_000L;
        while (cloud.recordSetsHolding(ip).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        CliRun automatic = CliRun.on(simulated.session(), "hostname", "i18 cli");
        assertThat(automatic.exitCode()).as(automatic.err()).isZero();
        assertThat(automatic.out()).isEqualTo("i18 cli: i18-cli.tra000001.projects.simulated.test\n");

        CliRun deleted = CliRun.on(simulated.session(), "hostname", "i18 cli", "--delete");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out()).isEqualTo("i18 cli: deleted i18-cli.tra000001.projects.simulated.test\n");
        cloud.advance(Duration.ofSeconds(10)); // Designate finishes the delete

        CliRun none = CliRun.on(simulated.session(), "hostname", "i18 cli");
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).isEqualTo("i18 cli: no hostname (create one with --create)\n");

        CliRun created = CliRun.on(simulated.session(), "hostname", "i18 cli", "--create");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("i18 cli: i18-cli.tra000001.projects.simulated.test\n");
        assertThat(cloud.recordSetsHolding(ip)).containsExactly("A i18-cli.tra000001.projects.simulated.test.");

        CliRun json = CliRun.on(simulated.session(), "--json", "hostname", "i18 cli");
        assertThat(json.out()).contains("\"hostnames\":[\"i18-cli.tra000001.projects.simulated.test\"]");
    }
}
