package app.exosphere.uap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceUrlsTest {
    private static final String UAP = "proxy-js2-iu.exosphere.app";

    @Test
    void guacamoleClientIdsAreBase64OfConnectionTypeAndDataSource() {
        assertThat(GuacamoleUrls.TERMINAL_CLIENT_ID).isEqualTo("c2hlbGwAYwBkZWZhdWx0");
        assertThat(GuacamoleUrls.DESKTOP_CLIENT_ID).isEqualTo("ZGVza3RvcABjAGRlZmF1bHQ=");
        assertThat(GuacamoleUrls.clientId("shell")).isEqualTo(GuacamoleUrls.TERMINAL_CLIENT_ID);
    }

    @Test
    void guacamoleTargetIsPlainHttpOn49528() {
        assertThat(GuacamoleUrls.target("10.0.0.1")).isEqualTo(UapTarget.http("10.0.0.1", 49528));
        assertThat(GuacamoleUrls.tokenApi(UAP, "10.0.0.1").pathSegments())
                .containsExactly("guacamole", "api", "tokens");
    }

    @Test
    void jupyterInterfacesOpenTheirPathsWithoutDoubleSlash() {
        assertThat(JupyterUrls.workflow(UAP, "149.165.1.2", JupyterInterface.LAB, "0123abcd"))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888." + UAP + "/lab?token=0123abcd");
        assertThat(JupyterUrls.workflow(UAP, "149.165.1.2", JupyterInterface.TREE, "t"))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888." + UAP + "/tree?token=t");
        assertThat(JupyterUrls.workflow(UAP, "149.165.1.2", JupyterInterface.RSTUDIO, "t"))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888." + UAP + "/rstudio?token=t");
        assertThat(JupyterUrls.workflow(UAP, "149.165.1.2", JupyterInterface.NTERACT, "t"))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888." + UAP + "/nteract?token=t");
        assertThat(JupyterUrls.workflow(UAP, "149.165.1.2", JupyterInterface.SHINY, "t"))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888." + UAP + "/shiny?token=t");
    }

    @Test
    void jupyterTargetIsPlainHttpOn8888() {
        assertThat(JupyterUrls.target("10.0.0.1")).isEqualTo(UapTarget.http("10.0.0.1", 8888));
    }
}
