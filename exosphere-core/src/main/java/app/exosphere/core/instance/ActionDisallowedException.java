package app.exosphere.core.instance;

import app.exosphere.core.error.OpenStackClientException;

/**
 * The cloud's Exosphere configuration forbids this action for the server's flavor group
 * ({@code flavorGroups[].disallowedActions}, exosphere-spec §8.7). Nothing was sent.
 *
 * <pre>{@code
 * try { instance.suspend(); } catch (ActionDisallowedException e) { ui.hide("Suspend"); }
 * }</pre>
 */
public class ActionDisallowedException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    /** @param message which action, which flavor group */
    public ActionDisallowedException(String message) {
        super(message);
    }
}
