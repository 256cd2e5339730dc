package app.exosphere.workflow;

import app.exosphere.uap.JupyterInterface;
import app.exosphere.uap.JupyterUrls;
import app.exosphere.uap.UapUrl;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The URLs of a running workflow through the UAP (port 8888, plain HTTP upstream, {@code ?token=}):
 * the one for the path the user chose, exactly as Exosphere builds it ({@code Interaction.customWorkflowfInteractionStatus}), and one per
 * well-known interface ({@code /lab}, {@code /tree}, {@code /rstudio}, {@code /nteract}, {@code /shiny}).
 * The URLs contain the token: treat them as credentials.
 *
 * <pre>{@code
 * WorkflowUrls urls = WorkflowUrls.of("proxy-js2-iu.exosphere.app", "149.165.1.2", "/rstudio", "0123abcd");
 * urls.chosen().toUriString(); // https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app//rstudio?token=…
 * urls.chosen().normalized();  // https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/rstudio?token=…
 * urls.of(JupyterInterface.LAB);
 * }</pre>
 *
 * @param chosen the URL for the stored path
 * @param interfaces the URL of every {@link JupyterInterface}
 */
public record WorkflowUrls(UapUrl chosen, Map<JupyterInterface, UapUrl> interfaces) {

    /** Copies the map. */
    public WorkflowUrls {
        Objects.requireNonNull(chosen, "chosen");
        interfaces = Collections.unmodifiableMap(new EnumMap<>(interfaces));
    }

    /**
     * The URLs for a workflow.
     *
     * @param uapHostname the project's UAP hostname
     * @param floatingIpv4 the instance's floating IPv4 address
     * @param path the path to open as stored in {@code exoCustomWorkflow} (may be empty)
     * @param token the workflow token from the console log
     * @throws app.exosphere.uap.InvalidUapValueException for a bad hostname or address
     */
    public static WorkflowUrls of(String uapHostname, String floatingIpv4, String path, String token) {
        UapUrl chosen = JupyterUrls.workflow(uapHostname, floatingIpv4, path, token);
        Map<JupyterInterface, UapUrl> map = new EnumMap<>(JupyterInterface.class);
        for (JupyterInterface ui : JupyterInterface.values()) {
            map.put(ui, JupyterUrls.workflow(uapHostname, floatingIpv4, ui, token));
        }
        return new WorkflowUrls(chosen, map);
    }

    /** The URLs for a source's path. */
    public static WorkflowUrls of(String uapHostname, String floatingIpv4, WorkflowSource source, String token) {
        return of(uapHostname, floatingIpv4, source.path(), token);
    }

    /** The URL of one interface. */
    public UapUrl of(JupyterInterface ui) {
        return interfaces.get(ui);
    }

    @Override
    public String toString() {
        return "WorkflowUrls{chosen=" + chosen.toRedactedString() + "}";
    }
}
