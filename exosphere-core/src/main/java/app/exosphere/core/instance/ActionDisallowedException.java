package app.exosphere.core.instance;

import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerAction;
import app.exosphere.core.compute.ServerActionNotAllowedException;

/**
 * The cloud's Exosphere configuration forbids this action for the server's flavor group
 * ({@code flavorGroups[].disallowedActions}, Exosphere's {@code docs/flavor-groups.md}). Nothing was sent.
 *
 * <p>It is a {@link ServerActionNotAllowedException}, so one {@code catch} covers both reasons an action
 * is refused before any call: the server's status or lock (Exosphere's {@code OpenStack.ServerActions}) and the flavor group.
 *
 * <pre>{@code
 * try { instance.suspend(); }
 * catch (ServerActionNotAllowedException e) { log.info("hide {}", e.action().displayName()); }   // either reason
 * }</pre>
 */
public class ActionDisallowedException extends ServerActionNotAllowedException {
    private static final long serialVersionUID = 1L;

    private final String flavorGroupTitle;

    /**
     * Creates the exception.
     *
     * @param action the refused action
     * @param server the server it was asked for
     * @param flavorGroupTitle the title of the flavor group that disallows it
     */
    public ActionDisallowedException(ServerAction action, Server server, String flavorGroupTitle) {
        super(
                action,
                server.id(),
                server.status(),
                server.locked(),
                "the cloud's Exosphere configuration disallows it for flavor group \"" + flavorGroupTitle
                        + "\" (flavorGroups[].disallowedActions)");
        this.flavorGroupTitle = flavorGroupTitle;
    }

    /** The title of the flavor group whose {@code disallowedActions} forbids the action. */
    public String flavorGroupTitle() {
        return flavorGroupTitle;
    }
}
