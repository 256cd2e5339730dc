package app.exosphere.uap;

/**
 * The user interfaces a Binder (repo2docker) image can serve from its Jupyter server, each at its own
 * path; which ones work depends on the repository (RStudio needs an R environment, Shiny a Shiny app).
 *
 * <pre>{@code
 * JupyterUrls.workflow("proxy-js2-iu.exosphere.app", "149.165.1.2", JupyterInterface.RSTUDIO, "0123abcd"); // https://http-…-8888.<uap>/rstudio?token=…
 * }</pre>
 */
public enum JupyterInterface {
    /** JupyterLab, at {@code /lab}. */
    LAB("lab"),
    /** The classic notebook file browser, at {@code /tree}. */
    TREE("tree"),
    /** RStudio (via jupyter-rsession-proxy), at {@code /rstudio}. */
    RSTUDIO("rstudio"),
    /** nteract, at {@code /nteract}. */
    NTERACT("nteract"),
    /** Shiny server, at {@code /shiny}. */
    SHINY("shiny");

    private final String path;

    JupyterInterface(String path) {
        this.path = path;
    }

    /** The path without a leading slash, e.g. {@code rstudio}, as used in the URL. */
    public String path() {
        return path;
    }
}
