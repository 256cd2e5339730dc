package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.FlavorChoice;
import app.exosphere.core.instance.ImageChoice;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.InstanceWatch;
import app.exosphere.core.instance.LaunchId;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.instance.Progress;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The launch engine's exactly-once create and idempotent delete under a fault injected on the client side
 * (the answer dropped after the request reached the cloud), so the same scenario runs on the simulator and
 * on the real loopback OpenStack. Counts are read from the cloud itself, never from the SDK's answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LaunchFaultContract extends CloudContract {
    private final DropAnswerAfterSending fault = new DropAnswerAfterSending();
    private Exosphere exo;
    private LaunchId launchId;
    private Instance vm;
    private String floatingIpId;

    /** The servers of the project carrying the launch id, as the cloud lists them. */
    private List<String> serversOfLaunch() {
        JsonNode servers =
                member.get("compute", "/servers/detail", "2.27").expect(200).path("servers");
        List<String> ids = new ArrayList<>();
        for (JsonNode s : servers) {
            if (launchId.value().equals(s.path("metadata").path("exoLaunchId").asText())) {
                ids.add(s.path("id").asText());
            }
        }
        return ids;
    }

    private List<String> floatingIpsOf(String serverId) {
        JsonNode ports = member.get("network", "/ports?device_id=" + serverId)
                .expect(200)
                .path("ports");
        List<String> fips = new ArrayList<>();
        for (JsonNode p : ports) {
            JsonNode found = member.get(
                            "network", "/floatingips?port_id=" + p.path("id").asText())
                    .expect(200)
                    .path("floatingips");
            found.forEach(f -> fips.add(f.path("id").asText()));
        }
        return fips;
    }

    @Test
    @Order(1)
    void createWhoseAnswerIsLostAfterNovaGotItMakesExactlyOneServer() {
        exo = connectThrough(fault);
        launchId = LaunchId.of(prefix + "-launch");
        fault.arm("POST", "/servers$");

        vm = exo.launch(LaunchRequest.builder()
                        .name(prefix + "-once")
                        .image(ImageChoice.name(cloud.imageName()))
                        .flavor(FlavorChoice.name(cloud.smallFlavorName()))
                        .launchId(launchId)
                        .build())
                .execute();

        assertThat(fault.dropped()).isEqualTo(1);
        assertThat(serversOfLaunch()).containsExactly(vm.id());
    }

    @Test
    @Order(2)
    void becomesActiveWithExactlyOneFloatingIp() {
        CompletableFuture<Void> attached = new CompletableFuture<>();
        // the floating IP may be attached before ACTIVE (created while the server builds): wait for both
        java.util.Set<Progress.State> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        InstanceWatch watch = vm.watch(p -> {
            if (p.state() == Progress.State.FLOATING_IP_ATTACHED || p.state() == Progress.State.ACTIVE) {
                seen.add(p.state());
                if (seen.size() == 2) {
                    attached.complete(null);
                }
            } else if (p.isTerminal()) {
                attached.completeExceptionally(new AssertionError(p.state() + ": " + p.message()));
            }
        });
        try {
            attached.orTimeout(cloud.patience().toSeconds(), TimeUnit.SECONDS).join();
        } finally {
            watch.close();
        }
        assertThat(floatingIpsOf(vm.id())).hasSize(1);
        floatingIpId = floatingIpsOf(vm.id()).get(0);
    }

    @Test
    @Order(3)
    void deleteWhoseFloatingIpAnswerIsLostStillReleasesItAndDeletesTheServer() {
        fault.arm("DELETE", "/floatingips/");

        vm.refresh().execute().delete(true, cloud.patience()).execute();

        assertThat(fault.dropped()).isEqualTo(2);
        assertThat(serversOfLaunch()).isEmpty();
        member.get("network", "/floatingips/" + floatingIpId).expect(404);
    }

    @Test
    @Order(4)
    void deletingAgainIsANoOp() {
        vm.delete(true, cloud.patience()).execute();
        assertThat(serversOfLaunch()).isEmpty();
    }

    @AfterAll
    void closeGateway() {
        if (exo != null) {
            exo.close();
        }
    }
}
