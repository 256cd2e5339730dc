package app.exosphere.core.rules;

import app.exosphere.cloudinit.console.SetupState;
import java.util.Locale;

/**
 * The status the Exosphere web app shows for a server ({@code getServerUiStatus}): the OpenStack status
 * refined by a pending action and, for servers Exosphere created, by the setup status — e.g. an
 * {@code ACTIVE} server still running its setup is "Running Setup", not "Ready".
 *
 * <pre>{@code
 * ServerOrigin origin = ServerOrigin.of(server);
 * ServerUiStatus s = ServerUiStatus.of("ACTIVE", null, false, origin, SetupState.RUNNING);
 * s.display();   // "Running Setup"
 * }</pre>
 */
public enum ServerUiStatus {
    UNKNOWN("Unknown"),
    BUILDING("Building"),
    RUNNING_SETUP("Running Setup"),
    READY("Ready"),
    PAUSED("Paused"),
    UNPAUSING("Unpausing"),
    REBOOTING("Rebooting"),
    SUSPENDING("Suspending"),
    SUSPENDED("Suspended"),
    RESUMING("Resuming"),
    SHUTOFF("Shut off"),
    STOPPED("Stopped"),
    STARTING("Starting"),
    DELETING("Deleting"),
    SOFT_DELETED("Soft-deleted"),
    ERROR("Error"),
    RESCUED("Rescued"),
    SHELVING("Shelving"),
    SHELVED("Shelved"),
    UNSHELVING("Unshelving"),
    DELETED("Deleted"),
    RESIZING("Resizing"),
    VERIFY_RESIZE("Resized"),
    REVERTING_RESIZE("Reverting Resize"),
    MIGRATING("Migrating"),
    PASSWORD("Setting Password");

    private final String display;

    ServerUiStatus(String display) {
        this.display = display;
    }

    /** The text the Exosphere web app shows, e.g. {@code "Running Setup"}, {@code "Shut off"}. */
    public String display() {
        return display;
    }

    /**
     * Derives the status.
     *
     * @param novaStatus the OpenStack status (case-insensitive)
     * @param pendingTarget the first target status of an action in progress, or {@code null}
     * @param deletionAttempted whether a delete was requested
     * @param origin the server's Exosphere markers
     * @param setup the current setup state, or {@code null} when not loaded
     */
    // Exosphere's `View.Helpers.getServerUiStatus`
    public static ServerUiStatus of(
            String novaStatus, String pendingTarget, boolean deletionAttempted, ServerOrigin origin, SetupState setup) {
        if (deletionAttempted) {
            return DELETING;
        }
        String status = novaStatus == null ? "UNKNOWN" : novaStatus.toUpperCase(Locale.ROOT);
        String target = pendingTarget == null ? "" : pendingTarget.toUpperCase(Locale.ROOT);
        boolean toActive = target.equals("ACTIVE");
        switch (status) {
            case "ACTIVE":
                switch (target) {
                    case "DELETED":
                    case "SOFT_DELETED":
                        return DELETING;
                    case "RESIZE":
                        return RESIZING;
                    case "SHELVED":
                    case "SHELVED_OFFLOADED":
                        return SHELVING;
                    case "SUSPENDED":
                        return SUSPENDING;
                    default:
                        return activeBySetup(origin, setup);
                }
            case "BUILD":
            case "REBUILD":
                return BUILDING;
            case "DELETED":
                return DELETED;
            case "ERROR":
                return ERROR;
            case "HARD_REBOOT":
            case "REBOOT":
                return REBOOTING;
            case "MIGRATING":
                return MIGRATING;
            case "PASSWORD":
                return PASSWORD;
            case "PAUSED":
                return toActive ? UNPAUSING : PAUSED;
            case "RESCUE":
                return RESCUED;
            case "RESIZE":
                return RESIZING;
            case "REVERT_RESIZE":
                return REVERTING_RESIZE;
            case "SHELVED":
            case "SHELVED_OFFLOADED":
                return toActive ? UNSHELVING : SHELVED;
            case "SHUTOFF":
                return toActive ? STARTING : SHUTOFF;
            case "SOFT_DELETED":
                return SOFT_DELETED;
            case "STOPPED":
                return toActive ? STARTING : STOPPED;
            case "SUSPENDED":
                return toActive ? RESUMING : SUSPENDED;
            case "VERIFY_RESIZE":
                return toActive ? READY : VERIFY_RESIZE;
            default:
                return UNKNOWN;
        }
    }

    private static ServerUiStatus activeBySetup(ServerOrigin origin, SetupState setup) {
        if (origin == null || !origin.fromExosphere() || !origin.versionAtLeast(4)) {
            return READY;
        }
        if (setup == null) {
            return UNKNOWN;
        }
        switch (setup) {
            case WAITING:
                return BUILDING;
            case STARTING:
            case RUNNING:
                return RUNNING_SETUP;
            case COMPLETE:
                return READY;
            case ERROR:
            case TIMEOUT:
                return ERROR;
            default:
                return UNKNOWN;
        }
    }
}
