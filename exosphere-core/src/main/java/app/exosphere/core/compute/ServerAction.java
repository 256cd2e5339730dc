package app.exosphere.core.compute;

import static app.exosphere.core.compute.ServerStatus.Known.ACTIVE;
import static app.exosphere.core.compute.ServerStatus.Known.DELETED;
import static app.exosphere.core.compute.ServerStatus.Known.ERROR;
import static app.exosphere.core.compute.ServerStatus.Known.PAUSED;
import static app.exosphere.core.compute.ServerStatus.Known.SHELVED;
import static app.exosphere.core.compute.ServerStatus.Known.SHELVED_OFFLOADED;
import static app.exosphere.core.compute.ServerStatus.Known.SHUTOFF;
import static app.exosphere.core.compute.ServerStatus.Known.SOFT_DELETED;
import static app.exosphere.core.compute.ServerStatus.Known.STOPPED;
import static app.exosphere.core.compute.ServerStatus.Known.SUSPENDED;
import static app.exosphere.core.compute.ServerStatus.Known.VERIFY_RESIZE;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The server actions with Exosphere's preconditions ({@code OpenStack.ServerActions}): which OpenStack statuses
 * allow each action, what the lock state must be, and which statuses mean it is done.
 *
 * <pre>{@code
 * if (ServerAction.SHELVE.isAllowedFor(server)) { compute.servers().actions(server).shelve(); }
 * ServerAction.START.check(server);   // throws ServerActionNotAllowedException
 * }</pre>
 *
 * <p>The client runs {@link #check(Server)} before it sends an action for which it was given a
 * {@link Server}; with only an id it sends the call and lets Nova decide.
 */
public enum ServerAction {
    // Exosphere's `OpenStack.ServerActions.allServerActions`, in order
    CONFIRM_RESIZE(
            "confirmResize", "Confirm", of(VERIFY_RESIZE), LockRule.UNLOCKED, of(ACTIVE, SHUTOFF), of(ACTIVE, SHUTOFF)),
    REVERT_RESIZE(
            "revertResize", "Revert", of(VERIFY_RESIZE), LockRule.UNLOCKED, of(ACTIVE, SHUTOFF), of(ACTIVE, SHUTOFF)),
    LOCK("lock", "Lock", any(), LockRule.UNLOCKED, of(), of()),
    UNLOCK("unlock", "Unlock", any(), LockRule.LOCKED, of(), of()),
    START("os-start", "Start", of(SHUTOFF, STOPPED), LockRule.UNLOCKED, of(ACTIVE), of()),
    STOP("os-stop", "Stop", of(ACTIVE), LockRule.UNLOCKED, of(), of()),
    UNPAUSE("unpause", "Unpause", of(PAUSED), LockRule.UNLOCKED, of(ACTIVE), of()),
    PAUSE("pause", "Pause", of(ACTIVE), LockRule.UNLOCKED, of(), of()),
    RESUME("resume", "Resume", of(SUSPENDED), LockRule.UNLOCKED, of(ACTIVE), of()),
    SUSPEND("suspend", "Suspend", of(ACTIVE), LockRule.UNLOCKED, of(SUSPENDED), of()),
    SHELVE(
            "shelve",
            "Shelve",
            of(ACTIVE, PAUSED, SHUTOFF, SUSPENDED),
            LockRule.UNLOCKED,
            of(SHELVED, SHELVED_OFFLOADED),
            of(SHELVED_OFFLOADED)),
    UNSHELVE("unshelve", "Unshelve", of(SHELVED, SHELVED_OFFLOADED), LockRule.UNLOCKED, of(ACTIVE), of(ACTIVE)),
    REBOOT("reboot", "Reboot", of(ACTIVE, SHUTOFF), LockRule.UNLOCKED, of(ACTIVE), of()),
    RESIZE(
            "resize",
            "Resize",
            of(ACTIVE, SHUTOFF),
            LockRule.UNLOCKED,
            of(ServerStatus.Known.RESIZE),
            of(VERIFY_RESIZE, ACTIVE, SHUTOFF)),
    CREATE_IMAGE("createImage", "Image", of(ACTIVE, PAUSED, SHUTOFF, SUSPENDED), LockRule.IGNORED, of(), of()),
    DELETE("DELETE /servers/{id}", "Delete", allExcept(DELETED, SOFT_DELETED), LockRule.UNLOCKED, of(), of()),
    // Not in Exosphere's table: allowed statuses follow Nova's own state checks (vm_state guards in
    // nova/compute/api.py), so the SDK reports the same refusal Nova would, before the call.
    RESCUE(
            "rescue",
            "Rescue",
            of(ACTIVE, SHUTOFF, STOPPED, ERROR),
            LockRule.UNLOCKED,
            of(ServerStatus.Known.RESCUE),
            of()),
    UNRESCUE("unrescue", "Unrescue", of(ServerStatus.Known.RESCUE), LockRule.UNLOCKED, of(ACTIVE), of()),
    REBUILD("rebuild", "Rebuild", of(ACTIVE, SHUTOFF, STOPPED, ERROR), LockRule.UNLOCKED, of(ACTIVE, SHUTOFF), of()),
    FORCE_DELETE("forceDelete", "Force delete", of(SOFT_DELETED), LockRule.UNLOCKED, of(), of()),
    RESTORE("restore", "Restore", of(SOFT_DELETED), LockRule.UNLOCKED, of(ACTIVE), of()),
    SHELVE_OFFLOAD("shelveOffload", "Offload", of(SHELVED), LockRule.UNLOCKED, of(SHELVED_OFFLOADED), of()),
    ADD_SECURITY_GROUP("addSecurityGroup", "Add security group", any(), LockRule.IGNORED, of(), of()),
    REMOVE_SECURITY_GROUP("removeSecurityGroup", "Remove security group", any(), LockRule.IGNORED, of(), of());

    /** What the lock state of the server must be. */
    public enum LockRule {
        /** The server must be unlocked. */
        UNLOCKED,
        /** The server must be locked. */
        LOCKED,
        /** The lock does not matter. */
        IGNORED
    }

    private final String apiKey;
    private final String displayName;
    private final Set<ServerStatus.Known> allowed;
    private final LockRule lockRule;
    private final List<ServerStatus.Known> targets;
    private final List<ServerStatus.Known> quotaRefreshTargets;

    ServerAction(
            String apiKey,
            String displayName,
            Set<ServerStatus.Known> allowed,
            LockRule lockRule,
            Set<ServerStatus.Known> targets,
            Set<ServerStatus.Known> quotaRefreshTargets) {
        this.apiKey = apiKey;
        this.displayName = displayName;
        this.allowed = Collections.unmodifiableSet(
                allowed.isEmpty() ? EnumSet.noneOf(ServerStatus.Known.class) : EnumSet.copyOf(allowed));
        this.lockRule = lockRule;
        this.targets = List.copyOf(targets);
        this.quotaRefreshTargets = List.copyOf(quotaRefreshTargets);
    }

    /** In the order given: the first target is the main one (Exosphere's {@code View.Helpers.getServerUiStatus}). */
    private static Set<ServerStatus.Known> of(ServerStatus.Known... ks) {
        return new LinkedHashSet<>(List.of(ks));
    }

    private static Set<ServerStatus.Known> any() {
        return EnumSet.allOf(ServerStatus.Known.class);
    }

    private static Set<ServerStatus.Known> allExcept(ServerStatus.Known... ks) {
        EnumSet<ServerStatus.Known> s = EnumSet.allOf(ServerStatus.Known.class);
        s.removeAll(List.of(ks));
        return s;
    }

    /** The body key of {@code POST /servers/{id}/action} (for {@link #DELETE}, the request line). */
    public String apiKey() {
        return apiKey;
    }

    /** Exosphere's display name (e.g. "Image" for {@link #CREATE_IMAGE}). */
    public String displayName() {
        return displayName;
    }

    /** The statuses that allow this action. */
    public Set<ServerStatus.Known> allowedStatuses() {
        return allowed;
    }

    /** The lock requirement. */
    public LockRule lockRule() {
        return lockRule;
    }

    /** Statuses that mean the action finished (empty: no tracking). The first is the main target. */
    public List<ServerStatus.Known> targetStatuses() {
        return targets;
    }

    /** Statuses at which Exosphere refreshes quota usage after this action. */
    public List<ServerStatus.Known> quotaRefreshTargets() {
        return quotaRefreshTargets;
    }

    /** Whether Exosphere asks for confirmation before this action (Shelve and Delete). */
    public boolean needsConfirmation() {
        return this == SHELVE || this == DELETE;
    }

    /** Whether {@code status} with the given lock state allows this action. Unknown statuses never do, except for "any". */
    public boolean isAllowed(ServerStatus status, boolean locked) {
        return refusal(status, locked) == null;
    }

    /** Whether the server's current status and lock state allow this action. */
    public boolean isAllowedFor(Server server) {
        return isAllowed(server.status(), server.locked());
    }

    /**
     * Throws {@link ServerActionNotAllowedException} when the server's status or lock state does not
     * allow this action; otherwise returns normally.
     */
    public void check(Server server) {
        String why = refusal(server.status(), server.locked());
        if (why != null) {
            throw new ServerActionNotAllowedException(this, server.id(), server.status(), server.locked(), why);
        }
    }

    private String refusal(ServerStatus status, boolean locked) {
        switch (lockRule) {
            case UNLOCKED:
                if (locked) {
                    return "the server is locked; unlock it first";
                }
                break;
            case LOCKED:
                if (!locked) {
                    return "the server is not locked";
                }
                break;
            default:
                break;
        }
        boolean anyStatus = allowed.size() == ServerStatus.Known.values().length;
        if (anyStatus) {
            return null;
        }
        if (status.known().map(allowed::contains).orElse(false)) {
            return null;
        }
        return "status " + status.raw() + " does not allow it (allowed: " + allowed + ")";
    }
}
