package app.exosphere.core.compute;

import app.exosphere.core.error.OpenStackClientException;

/**
 * A server action was refused before any call because the server's status or lock state does not
 * allow it (Exosphere's {@code OpenStack.ServerActions}). Wait for the server to reach an allowed status, or unlock it.
 *
 * <pre>{@code
 * try { compute.servers().actions(server).start(); }
 * catch (ServerActionNotAllowedException e) { log.info("{} not possible now", e.action().displayName()); }
 * }</pre>
 */
public class ServerActionNotAllowedException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    private final ServerAction action;
    private final String serverId;
    private final transient ServerStatus status;
    private final boolean locked;

    /** Creates the exception; {@code reason} says what to do. */
    public ServerActionNotAllowedException(
            ServerAction action, String serverId, ServerStatus status, boolean locked, String reason) {
        super(action.displayName() + " is not allowed for server " + serverId + ": " + reason);
        this.action = action;
        this.serverId = serverId;
        this.status = status;
        this.locked = locked;
    }

    /** The refused action. */
    public ServerAction action() {
        return action;
    }

    /** The server's id. */
    public String serverId() {
        return serverId;
    }

    /** The server's status at the time of the check. */
    public ServerStatus status() {
        return status;
    }

    /** Whether the server was locked. */
    public boolean locked() {
        return locked;
    }
}
