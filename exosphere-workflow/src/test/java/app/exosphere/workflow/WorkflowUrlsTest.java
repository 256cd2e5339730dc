package app.exosphere.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.uap.JupyterInterface;
import app.exosphere.uap.UapCatalog;
import app.exosphere.uap.UapUrl;
import org.junit.jupiter.api.Test;

/** Workflow URLs as Exosphere's {@code Helpers.Url.buildProxyUrl} and {@code Interaction.customWorkflowfInteractionStatus} build them, from a validated source. */
class WorkflowUrlsTest {
    private static final String JS2 = "https://js2.jetstream-cloud.org:5000/identity/v3";

    private static String uap(String region) {
        return UapCatalog.exosphereDefaults().uapHostnameFor(JS2, region).orElseThrow();
    }

    private static WorkflowSource withPath(String path) {
        return WorkflowSource.builder()
                .repository("https://github.com/binder-examples/r_with_python")
                .path(path)
                .build();
    }

    @Test
    void vector05EmptyPath() {
        assertThat(WorkflowUrls.of(uap("IU"), "149.165.1.2", withPath(""), "0123abcd")
                        .chosen())
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/?token=0123abcd");
    }

    @Test
    void vector06PathLab() {
        assertThat(WorkflowUrls.of(uap("IU"), "149.165.1.2", withPath("lab"), "0123abcd")
                        .chosen())
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/lab?token=0123abcd");
    }

    @Test
    void vector07LeadingSlashGivesExosphereDoubleSlashAndANormalizedVariant() {
        WorkflowUrls urls = WorkflowUrls.of(uap("IU"), "149.165.1.2", withPath("/rstudio"), "0123abcd");
        assertThat(urls.chosen())
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app//rstudio?token=0123abcd");
        assertThat(urls.chosen().normalized())
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/rstudio?token=0123abcd");
    }

    @Test
    void vector08SpaceInPathIsNotEncoded() {
        assertThat(WorkflowUrls.of(uap("Cornell"), "128.84.8.9", withPath("notebooks/a b.ipynb"), "ff")
                        .chosen())
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-128-84-8-9-8888.proxy-js2-cornell.exosphere.app/notebooks/a b.ipynb?token=ff");
    }

    @Test
    void everyInterfaceHasItsUrl() {
        WorkflowUrls urls = WorkflowUrls.of(uap("IU"), "149.165.1.2", "", "0123abcd");
        assertThat(urls.interfaces()).containsOnlyKeys(JupyterInterface.values());
        assertThat(urls.of(JupyterInterface.RSTUDIO))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/rstudio?token=0123abcd");
        assertThat(urls.of(JupyterInterface.SHINY))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/shiny?token=0123abcd");
    }

    @Test
    void toStringRedactsTheToken() {
        assertThat(WorkflowUrls.of(uap("IU"), "149.165.1.2", "lab", "0123abcd").toString())
                .doesNotContain("0123abcd")
                .contains("token=REDACTED");
    }
}
