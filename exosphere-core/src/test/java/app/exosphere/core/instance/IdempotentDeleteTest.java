package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deleting is idempotent: retried, repeated, or done by two replicas, it ends with nothing left. */
class IdempotentDeleteTest {

    private final CloudSimulator cloud = CloudSimulator.builder()
            .scenario(Scenario.jetstream2())
            .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
            .seed(21)
            .start();

    @AfterEach
    void close() {
        cloud.close();
    }

    /** Launches, waits for ACTIVE with its floating IP, and returns it. */
    private Instance activeWithFloatingIp(Exosphere exo, String name) {
        Instance vm = exo.launch(SimulatedGateway.small(name).build()).execute();
        java.util.concurrent.CompletableFuture<Void> attached = new java.util.concurrent.CompletableFuture<>();
        InstanceWatch w = vm.watch(p -> {
            if (p.state() == Progress.State.FLOATING_IP_ATTACHED) {
                attached.complete(null);
            }
        });
        attached.orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
        w.close();
        // the project watcher stops once nothing is watched (its last cycle may still be running)
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!exo.instances().watcher().idle() && System.nanoTime() < until) {
            pause();
        }
        assertThat(exo.instances().watcher().idle()).isTrue();
        assertThat(cloud.floatingIpCountOf(vm.id())).isEqualTo(1);
        return vm.refresh().execute();
    }

    @Test
    void lostAnswerToTheFloatingIpDeleteStillDeletesTheServerAndReleasesTheAddress() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Instance vm = activeWithFloatingIp(exo, "i12-del-lost");
            int fipsBefore = cloud.floatingIpCount();
            // Neutron deletes the floating IP, the answer is lost; the transport's retry then gets 404
            cloud.faults()
                    .add(Fault.on(Service.NETWORK)
                            .method("DELETE")
                            .path("^/v2.0/floatingips/")
                            .dropResponseAfterProcessing()
                            .times(1)
                            .build());
            cloud.journal().clear();

            vm.delete(true, Duration.ofMinutes(2)).execute();

            assertThat(cloud.server(vm.id())).isEmpty();
            assertThat(cloud.floatingIpCount()).isEqualTo(fipsBefore - 1);
            assertThat(cloud.journal().count(Service.COMPUTE, "DELETE", "^/servers/"))
                    .isEqualTo(1);
        }
    }

    @Test
    void deleteKnowingItsFloatingIpTakesTwoRequestsBesidesThePollsAndOneToLookForItsHostnames() {
        try (Exosphere exo = SimulatedGateway.connect(cloud, s -> s.automaticHostnames(false))) {
            Instance vm = activeWithFloatingIp(exo, "i12-del-cheap");
            cloud.journal().clear();

            vm.delete(true, Duration.ofMinutes(2)).execute();

            // besides the polls of the server
            assertThat(cloud.journal().entries().stream()
                            .filter(e -> !(e.method().equals("GET") && e.path().equals("/servers/" + vm.id())))
                            .map(e -> e.method() + " " + e.service()))
                    .containsExactly("GET DNS", "DELETE NETWORK", "DELETE COMPUTE");
            assertThat(cloud.server(vm.id())).isEmpty();
        }
    }

    @Test
    void deletingTwiceAndFromASecondReplicaIsSafe() {
        try (Exosphere a = SimulatedGateway.connect(cloud);
                Exosphere b = SimulatedGateway.connect(cloud)) {
            Instance vm = activeWithFloatingIp(a, "i12-del-twice");
            int fipsBefore = cloud.floatingIpCount();
            Instance seenByB = b.instance(vm.id()).execute();

            vm.delete(true, null).execute();
            assertThatCode(() -> vm.delete(true, null).execute()).doesNotThrowAnyException();
            assertThatCode(() -> seenByB.delete(true, Duration.ofMinutes(2)).execute())
                    .doesNotThrowAnyException();

            assertThat(cloud.server(vm.id())).isEmpty();
            assertThat(cloud.floatingIpCount()).isEqualTo(fipsBefore - 1);
        }
    }

    /** Test-side pacing while waiting for the watcher to stop (not SDK logic). */
    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
