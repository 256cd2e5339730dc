package app.exosphere.uap;

import java.util.Objects;

/**
 * The URL of the Jupyter server that an Exosphere custom workflow (Binder/repo2docker) runs on an
 * instance: plain HTTP on port 8888 through the UAP, with the workflow token as {@code ?token=}
 * (Exosphere's {@code Interaction.interactionStatus} and {@code Interaction.customWorkflowfInteractionStatus}).
 *
 * <pre>{@code
 * JupyterUrls.workflow("proxy-js2-iu.exosphere.app", "149.165.1.2", "lab", "0123abcd");
 * // https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/lab?token=0123abcd
 * }</pre>
 */
public final class JupyterUrls {
    private JupyterUrls() {}

    /** The port the workflow's Jupyter server listens on. */
    public static final int PORT = 8888;

    /** The workflow's Jupyter service of an instance: HTTP upstream, port 8888. */
    public static UapTarget target(String instanceIpv4) {
        return UapTarget.http(instanceIpv4, PORT);
    }

    /**
     * The workflow URL for a path exactly as Exosphere builds it: the path is one raw segment (it may be
     * empty or contain {@code /}; a leading {@code /} gives {@code //}, spaces are not encoded). Use
     * {@link UapUrl#normalized()} on the result for a clean URL.
     *
     * @param path the path to open as stored in {@code exoCustomWorkflow}, e.g. {@code ""}, {@code lab}, {@code /rstudio}
     * @param token the workflow's Jupyter token
     */
    public static UapUrl workflow(String uapHostname, String instanceIpv4, String path, String token) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(token, "token");
        return UapUrl.builder()
                .uapHostname(uapHostname)
                .target(target(instanceIpv4))
                .path(path)
                .addQueryParameter("token", token)
                .build();
    }

    /** The workflow URL of one of the well-known interfaces, e.g. {@code …/rstudio?token=…}. */
    public static UapUrl workflow(String uapHostname, String instanceIpv4, JupyterInterface ui, String token) {
        Objects.requireNonNull(ui, "ui");
        return workflow(uapHostname, instanceIpv4, ui.path(), token);
    }
}
