package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.cloudinit.console.SetupState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerUiStatusTest {

    private static final ServerOrigin V6 = ServerOrigin.read(Map.of("exoServerVersion", "6"), List.of());
    private static final ServerOrigin V3 = ServerOrigin.read(Map.of("exoServerVersion", "3"), List.of());
    private static final ServerOrigin FOREIGN = ServerOrigin.read(Map.of(), List.of());

    @ParameterizedTest(name = "{0} target={1} origin={2} setup={3} → {4}")
    // Exosphere's `View.Helpers.getServerUiStatus`, every branch
    @CsvSource(
            nullValues = "null",
            value = {
                "ACTIVE, null, v6, WAITING, Building",
                "ACTIVE, null, v6, STARTING, Running Setup",
                "active, null, v6, RUNNING, Running Setup",
                "ACTIVE, null, v6, COMPLETE, Ready",
                "ACTIVE, null, v6, ERROR, Error",
                "ACTIVE, null, v6, TIMEOUT, Error",
                "ACTIVE, null, v6, UNKNOWN, Unknown",
                "ACTIVE, null, v6, null, Unknown",
                "ACTIVE, null, v3, WAITING, Ready",
                "ACTIVE, null, foreign, null, Ready",
                "ACTIVE, DELETED, v6, COMPLETE, Deleting",
                "ACTIVE, SOFT_DELETED, v6, COMPLETE, Deleting",
                "ACTIVE, RESIZE, v6, COMPLETE, Resizing",
                "ACTIVE, SHELVED_OFFLOADED, v6, COMPLETE, Shelving",
                "ACTIVE, SUSPENDED, v6, COMPLETE, Suspending",
                "BUILD, null, v6, WAITING, Building",
                "REBUILD, null, v6, WAITING, Building",
                "DELETED, null, v6, null, Deleted",
                "ERROR, null, v6, null, Error",
                "HARD_REBOOT, null, v6, null, Rebooting",
                "REBOOT, null, v6, null, Rebooting",
                "MIGRATING, null, v6, null, Migrating",
                "PASSWORD, null, v6, null, Setting Password",
                "PAUSED, ACTIVE, v6, null, Unpausing",
                "PAUSED, null, v6, null, Paused",
                "RESCUE, null, v6, null, Rescued",
                "RESIZE, null, v6, null, Resizing",
                "REVERT_RESIZE, null, v6, null, Reverting Resize",
                "SHELVED, ACTIVE, v6, null, Unshelving",
                "SHELVED_OFFLOADED, null, v6, null, Shelved",
                "SHUTOFF, ACTIVE, v6, null, Starting",
                "SHUTOFF, null, v6, null, Shut off",
                "SOFT_DELETED, null, v6, null, Soft-deleted",
                "STOPPED, ACTIVE, v6, null, Starting",
                "STOPPED, null, v6, null, Stopped",
                "SUSPENDED, ACTIVE, v6, null, Resuming",
                "SUSPENDED, null, v6, null, Suspended",
                "UNKNOWN, null, v6, null, Unknown",
                "VERIFY_RESIZE, ACTIVE, v6, null, Ready",
                "VERIFY_RESIZE, null, v6, null, Resized",
                "SOMETHING_NEW, null, v6, null, Unknown"
            })
    void mapsOpenStackStatusPendingActionAndSetupLikeExosphere(
            String nova, String target, String origin, SetupState setup, String expected) {
        ServerOrigin o =
                switch (origin) {
                    case "v6" -> V6;
                    case "v3" -> V3;
                    default -> FOREIGN;
                };
        assertThat(ServerUiStatus.of(nova, target, false, o, setup).display()).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void deletionAttemptWinsOverEverything() {
        assertThat(ServerUiStatus.of("ACTIVE", null, true, V6, SetupState.COMPLETE))
                .isEqualTo(ServerUiStatus.DELETING);
    }
}
