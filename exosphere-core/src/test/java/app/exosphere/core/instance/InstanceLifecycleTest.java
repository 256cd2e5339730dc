package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.Samples;
import app.exosphere.core.compute.ServerAction;
import app.exosphere.core.compute.ServerActionNotAllowedException;
import app.exosphere.core.config.FlavorGroup;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lifecycle actions: the precondition table and the flavor groups' disallowedActions, before any call. */
class InstanceLifecycleTest {

    static final String ID = "0e44cc9c-e052-415d-afbf-469b0d384170";

    private final RoutedCloud cloud = new RoutedCloud();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        cloud.close();
    }

    private Instance instance() {
        cloud.on("GET", "/compute/v2.1/servers/" + ID, 200, LaunchTest.serverBody(ID, "ACTIVE", null, List.of()));
        cloud.onSample("GET", "/compute/v2.1/flavors/1", "nova/flavors__flavor-get-resp.json");
        cloud.on(
                "POST",
                "/compute/v2.1/servers/" + ID + "/action",
                r -> new MockResponse.Builder().code(202).build());
        ExosphereSettings settings = ExosphereSettings.builder()
                .clientUuid(LaunchTest.CLIENT)
                // the flavor sample is m1.tiny; like Jetstream2's GPU groups, no Suspend/Resize
                .addFlavorGroups(new FlavorGroup("m1\\..*", "Tiny", null, List.of("Suspend", "resize")))
                .build();
        return Instances.create(
                        cloud.openStack(), settings, Clock.fixed(RoutedCloud.SAMPLE_NOW, ZoneOffset.UTC), scheduler)
                .get(ID)
                .execute();
    }

    @Test
    void flavorGroupRefusalIsCaughtLikeAPreconditionRefusal() {
        Instance vm = instance();
        assertThatThrownBy(() -> vm.suspend().execute())
                .isInstanceOf(ServerActionNotAllowedException.class)
                .hasMessageContaining("Tiny")
                .satisfies(e -> {
                    ActionDisallowedException d = (ActionDisallowedException) e;
                    assertThat(d.action()).isEqualTo(ServerAction.SUSPEND);
                    assertThat(d.serverId()).isEqualTo(vm.id());
                    assertThat(d.flavorGroupTitle()).isEqualTo("Tiny");
                });
    }

    @Test
    void flavorGroupForbidsActionsByDisplayOrApiNameBeforeAnyCall() {
        Instance vm = instance();
        assertThat(vm.fetchFlavorGroup().execute()).map(FlavorGroup::title).contains("Tiny");
        assertThatThrownBy(() -> vm.suspend().execute())
                .isInstanceOf(ActionDisallowedException.class)
                .hasMessageContaining("Suspend");
        assertThatThrownBy(() -> vm.resize("2").execute()).isInstanceOf(ActionDisallowedException.class);
        assertThat(vm.checkAllowed(ServerAction.SUSPEND).execute()).isFalse();
        assertThat(cloud.count("POST", "/compute/v2.1/servers/.*/action")).isZero();
    }

    @Test
    void preconditionTableRefusesStartingAnActiveServer() {
        Instance vm = instance();
        assertThatThrownBy(() -> vm.start().execute()).isInstanceOf(ServerActionNotAllowedException.class);
        assertThat(cloud.count("POST", "/compute/v2.1/servers/.*/action")).isZero();
    }

    @Test
    void allowedActionsReachNovaWithExospheresBodies() {
        Instance vm = instance();
        vm.reboot().execute();
        vm.shelve().execute();
        List<String> bodies = cloud.calls().stream()
                .filter(c -> c.line().equals("POST /compute/v2.1/servers/" + ID + "/action"))
                .map(RoutedCloud.Call::body)
                .toList();
        assertThat(bodies).containsExactly("{\"reboot\":{\"type\":\"SOFT\"}}", "{\"shelve\":null}");
        assertThat(Samples.text("nova/flavors__flavor-get-resp.json")).contains("m1.tiny");
    }
}
