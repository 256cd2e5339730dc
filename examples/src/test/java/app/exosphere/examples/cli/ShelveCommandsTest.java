package app.exosphere.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.examples.SimulatedSession;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.Service;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code exosphere action SERVER shelve --release-floating-ips} and {@code action SERVER unshelve} against one
 * simulated cloud, in order, counted in the simulator's Neutron: the release frees the floating IP, the
 * unshelve runs the web app's floating-IP step again and attaches exactly one to the server's port (also when
 * the create's answer is lost), a floating IP that cannot be restored fails the command with the reason, and
 * one not wanted is said.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShelveCommandsTest {
    @RegisterExtension
    static final SimulatedSession simulated = new SimulatedSession();

    private static CloudSimulator cloud() {
        return simulated.session().simulator().orElseThrow();
    }

    private static String idOf(String name) {
        return cloud().server(name).orElseThrow().id();
    }

    private static long floatingIpCreates() {
        return cloud().journal().count(Service.NETWORK, "POST", "/floatingips$");
    }

    /** Shelves through the CLI, releasing the floating IPs, and lets Nova offload the server. */
    private static void shelvedWithRelease(String name) {
        CliRun shelve = CliRun.on(simulated.session(), "action", name, "shelve", "--release-floating-ips");
        assertThat(shelve.exitCode()).as(shelve.err()).isZero();
        assertThat(shelve.out())
                .isEqualTo("shelve requested for " + name + "; the floating IPs the SDK created for it are released\n");
        cloud().advance(Duration.ofSeconds(60));
        assertThat(cloud().server(name).orElseThrow().status()).isEqualTo("SHELVED_OFFLOADED");
        assertThat(cloud().floatingIpCountOf(idOf(name))).isZero();
    }

    @Test
    @Order(1)
    void shelveWithReleaseFreesTheFloatingIpAndUnshelveAttachesExactlyOneToTheServersPortAgain() {
        CliRun launch = CliRun.on(simulated.session(), "launch", "--name", "s23-back", "--no-guacamole", "--wait");
        assertThat(launch.exitCode()).as(launch.err()).isZero();
        // past the launch's 5-minute window: only the unshelve's own step can give it a floating IP
        cloud().advance(Duration.ofMinutes(10));
        assertThat(cloud().floatingIpCountOf(idOf("s23-back"))).isEqualTo(1);
        int before = cloud().floatingIpCount();

        shelvedWithRelease("s23-back");
        assertThat(cloud().floatingIpCount()).isEqualTo(before - 1);
        cloud().journal().clear();

        CliRun unshelve = CliRun.on(simulated.session(), "action", "s23-back", "unshelve");

        assertThat(unshelve.exitCode()).as(unshelve.err()).isZero();
        assertThat(cloud().floatingIpCountOf(idOf("s23-back"))).isEqualTo(1);
        assertThat(cloud().floatingIpCount()).isEqualTo(before);
        assertThat(floatingIpCreates()).isEqualTo(1);
        assertThat(unshelve.out())
                .startsWith("  [00:00] SHELVED_OFFLOADED")
                .containsPattern("\n  Floating IP [0-9.]+ attached after the unshelve\n")
                .containsPattern("\ns23-back is ACTIVE again \\(Ready\\), floating IP [0-9.]+\n$");
    }

    @Test
    @Order(2)
    void unshelveMakesExactlyOneFloatingIpWhenTheCreatesAnswerIsLostAndReportsItAsJson() {
        int before = cloud().floatingIpCount();
        shelvedWithRelease("s23-back");
        cloud().faults()
                .add(Fault.on(Service.NETWORK)
                        .method("POST")
                        .path("/floatingips$")
                        .dropResponseAfterProcessing()
                        .times(1)
                        .build());

        CliRun unshelve = CliRun.on(simulated.session(), "--json", "action", "s23-back", "unshelve");

        assertThat(unshelve.exitCode()).as(unshelve.err()).isZero();
        assertThat(cloud().floatingIpCountOf(idOf("s23-back"))).isEqualTo(1);
        assertThat(cloud().floatingIpCount()).isEqualTo(before);
        assertThat(unshelve.out())
                .startsWith("{\"version\":2,\"server\":{\"id\":\"" + idOf("s23-back") + "\"")
                .contains("\"action\":\"unshelve\"")
                .contains("\"status\":\"ACTIVE\"")
                .containsPattern("\"floatingIp\":\"[0-9.]+\"")
                .containsPattern("\"notes\":\\[\"Floating IP [0-9.]+ attached after the unshelve\"");
    }

    @Test
    @Order(3)
    void aFloatingIpThatCannotBeRestoredFailsTheUnshelveWithTheReason() {
        shelvedWithRelease("s23-back");
        cloud().faults()
                .add(Fault.on(Service.NETWORK)
                        .method("POST")
                        .path("/floatingips$")
                        .respondWith(409, "Quota exceeded for resources: ['floatingip'].")
                        .times(1)
                        .build());

        CliRun unshelve = CliRun.on(simulated.session(), "action", "s23-back", "unshelve");

        assertThat(unshelve.exitCode()).isEqualTo(1);
        assertThat(unshelve.out())
                .contains("  The floating IP was not restored after the unshelve: creating it failed")
                .contains("Quota exceeded for resources");
        assertThat(unshelve.err())
                .startsWith("action: Server " + idOf("s23-back") + " is ACTIVE again without its floating IP")
                .contains("Quota exceeded for resources");
        assertThat(cloud().floatingIpCountOf(idOf("s23-back"))).isZero();
    }

    @Test
    @Order(4)
    void aServerLaunchedWithoutAFloatingIpIsUnshelvedWithoutOneAndTheCommandSaysWhy() {
        CliRun launch = CliRun.on(
                simulated.session(),
                "launch",
                "--name",
                "s23-none",
                "--no-guacamole",
                "--floating-ip",
                "none",
                "--wait");
        assertThat(launch.exitCode()).as(launch.err()).isZero();
        CliRun shelve = CliRun.on(simulated.session(), "action", "s23-none", "shelve");
        assertThat(shelve).isEqualTo(new CliRun(0, "shelve requested for s23-none\n", ""));
        cloud().advance(Duration.ofSeconds(60));
        cloud().journal().clear();

        CliRun unshelve = CliRun.on(simulated.session(), "action", "s23-none", "unshelve");

        assertThat(unshelve.exitCode()).as(unshelve.err()).isZero();
        assertThat(unshelve.out())
                .contains("  No floating IP after the unshelve: its exoFloatingIpOption metadata asks for none\n")
                .endsWith("s23-none is ACTIVE again (Ready), floating IP none\n");
        assertThat(floatingIpCreates()).isZero();
        assertThat(cloud().floatingIpCountOf(idOf("s23-none"))).isZero();
    }

    @Test
    @Order(5)
    void releaseGoesWithShelveOnlyAndTheTimeoutWithUnshelveOnlyAndIsAtLeastAMinute() {
        CliRun release = CliRun.on(simulated.session(), "action", "s23-none", "unshelve", "--release-floating-ips");
        assertThat(release.exitCode()).isEqualTo(2);
        assertThat(release.err())
                .startsWith("exosphere action: --release-floating-ips goes with shelve only, not unshelve");
        CliRun timeout = CliRun.on(simulated.session(), "action", "s23-none", "unshelve", "--timeout", "0");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).startsWith("exosphere action: --timeout must be at least 1 minute, got 0");
        CliRun timeoutWithShelve = CliRun.on(simulated.session(), "action", "s23-none", "shelve", "--timeout", "5");
        assertThat(timeoutWithShelve.exitCode()).isEqualTo(2);
        assertThat(timeoutWithShelve.err())
                .startsWith("exosphere action: --timeout goes with unshelve only, not shelve");
    }
}
