package app.exosphere.core.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerActionTest {

    private static Server server(String status, boolean locked) {
        return Server.builder()
                .id("srv-1")
                .status(ServerStatus.of(status))
                .locked(locked)
                .build();
    }

    private static Set<ServerStatus.Known> allowedUnlocked(ServerAction action) {
        EnumSet<ServerStatus.Known> out = EnumSet.noneOf(ServerStatus.Known.class);
        for (ServerStatus.Known k : ServerStatus.Known.values()) {
            if (action.isAllowed(ServerStatus.of(k), action == ServerAction.UNLOCK)) {
                out.add(k);
            }
        }
        return out;
    }

    @Test
    void allowsExactlyTheStatusesOfExosphereTable() {
        // Exosphere's `OpenStack.ServerActions`
        assertThat(allowedUnlocked(ServerAction.CONFIRM_RESIZE)).containsExactly(ServerStatus.Known.VERIFY_RESIZE);
        assertThat(allowedUnlocked(ServerAction.REVERT_RESIZE)).containsExactly(ServerStatus.Known.VERIFY_RESIZE);
        assertThat(allowedUnlocked(ServerAction.LOCK))
                .containsExactlyElementsOf(EnumSet.allOf(ServerStatus.Known.class));
        assertThat(allowedUnlocked(ServerAction.UNLOCK))
                .containsExactlyElementsOf(EnumSet.allOf(ServerStatus.Known.class));
        assertThat(allowedUnlocked(ServerAction.START))
                .containsExactlyInAnyOrder(ServerStatus.Known.SHUTOFF, ServerStatus.Known.STOPPED);
        assertThat(allowedUnlocked(ServerAction.STOP)).containsExactly(ServerStatus.Known.ACTIVE);
        assertThat(allowedUnlocked(ServerAction.UNPAUSE)).containsExactly(ServerStatus.Known.PAUSED);
        assertThat(allowedUnlocked(ServerAction.PAUSE)).containsExactly(ServerStatus.Known.ACTIVE);
        assertThat(allowedUnlocked(ServerAction.RESUME)).containsExactly(ServerStatus.Known.SUSPENDED);
        assertThat(allowedUnlocked(ServerAction.SUSPEND)).containsExactly(ServerStatus.Known.ACTIVE);
        assertThat(allowedUnlocked(ServerAction.SHELVE))
                .containsExactlyInAnyOrder(
                        ServerStatus.Known.ACTIVE,
                        ServerStatus.Known.PAUSED,
                        ServerStatus.Known.SHUTOFF,
                        ServerStatus.Known.SUSPENDED);
        assertThat(allowedUnlocked(ServerAction.UNSHELVE))
                .containsExactlyInAnyOrder(ServerStatus.Known.SHELVED, ServerStatus.Known.SHELVED_OFFLOADED);
        assertThat(allowedUnlocked(ServerAction.REBOOT))
                .containsExactlyInAnyOrder(ServerStatus.Known.ACTIVE, ServerStatus.Known.SHUTOFF);
        assertThat(allowedUnlocked(ServerAction.RESIZE))
                .containsExactlyInAnyOrder(ServerStatus.Known.ACTIVE, ServerStatus.Known.SHUTOFF);
        assertThat(allowedUnlocked(ServerAction.CREATE_IMAGE))
                .containsExactlyInAnyOrder(
                        ServerStatus.Known.ACTIVE,
                        ServerStatus.Known.PAUSED,
                        ServerStatus.Known.SHUTOFF,
                        ServerStatus.Known.SUSPENDED);
        EnumSet<ServerStatus.Known> deletable = EnumSet.allOf(ServerStatus.Known.class);
        deletable.remove(ServerStatus.Known.DELETED);
        deletable.remove(ServerStatus.Known.SOFT_DELETED);
        assertThat(allowedUnlocked(ServerAction.DELETE)).containsExactlyElementsOf(deletable);
    }

    @Test
    void appliesTheLockRule() {
        assertThat(ServerAction.UNLOCK.isAllowedFor(server("ACTIVE", false))).isFalse();
        assertThat(ServerAction.UNLOCK.isAllowedFor(server("ACTIVE", true))).isTrue();
        assertThat(ServerAction.CREATE_IMAGE.isAllowedFor(server("ACTIVE", true)))
                .isTrue();
        for (ServerAction a : new ServerAction[] {
            ServerAction.LOCK, ServerAction.STOP, ServerAction.SHELVE, ServerAction.REBOOT, ServerAction.DELETE
        }) {
            assertThat(a.isAllowedFor(server("ACTIVE", true))).as(a.name()).isFalse();
        }
    }

    @Test
    void recordsTargetsAndQuotaRefreshTargets() {
        assertThat(ServerAction.SHELVE.targetStatuses())
                .containsExactly(ServerStatus.Known.SHELVED, ServerStatus.Known.SHELVED_OFFLOADED);
        assertThat(ServerAction.SHELVE.quotaRefreshTargets()).containsExactly(ServerStatus.Known.SHELVED_OFFLOADED);
        assertThat(ServerAction.RESIZE.targetStatuses()).containsExactly(ServerStatus.Known.RESIZE);
        assertThat(ServerAction.RESIZE.quotaRefreshTargets())
                .containsExactly(
                        ServerStatus.Known.VERIFY_RESIZE, ServerStatus.Known.ACTIVE, ServerStatus.Known.SHUTOFF);
        assertThat(ServerAction.START.targetStatuses()).containsExactly(ServerStatus.Known.ACTIVE);
        assertThat(ServerAction.CREATE_IMAGE.displayName()).isEqualTo("Image");
        assertThat(ServerAction.SHELVE.needsConfirmation()).isTrue();
        assertThat(ServerAction.DELETE.needsConfirmation()).isTrue();
        assertThat(ServerAction.REBOOT.needsConfirmation()).isFalse();
    }

    @Test
    void refusesWithATypedErrorThatSaysWhy() {
        assertThatThrownBy(() -> ServerAction.START.check(server("active", false)))
                .isInstanceOf(ServerActionNotAllowedException.class)
                .hasMessageContaining("Start")
                .hasMessageContaining("srv-1")
                .hasMessageContaining("active")
                .satisfies(e -> {
                    ServerActionNotAllowedException x = (ServerActionNotAllowedException) e;
                    assertThat(x.action()).isEqualTo(ServerAction.START);
                    assertThat(x.status().is(ServerStatus.Known.ACTIVE)).isTrue();
                });
        assertThatThrownBy(() -> ServerAction.STOP.check(server("ACTIVE", true)))
                .isInstanceOf(ServerActionNotAllowedException.class)
                .hasMessageContaining("unlock it first");
    }

    @Test
    void refusesRestrictedActionsOnUnknownStatusesButAllowsAnyStatusActions() {
        assertThat(ServerAction.STOP.isAllowedFor(server("FROBNICATING", false)))
                .isFalse();
        assertThat(ServerAction.LOCK.isAllowedFor(server("FROBNICATING", false)))
                .isTrue();
    }
}
