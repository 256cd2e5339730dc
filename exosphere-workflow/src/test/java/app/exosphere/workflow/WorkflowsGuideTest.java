package app.exosphere.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.cloudinit.RecognisedUserData;
import app.exosphere.cloudinit.RenderedUserData;
import app.exosphere.cloudinit.UserDataOptions;
import app.exosphere.uap.JupyterInterface;
import app.exosphere.uap.UapCatalog;
import app.exosphere.uap.UapUrl;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The walk-through of docs/workflows.md, step by step, so the guide's code keeps compiling and working. */
class WorkflowsGuideTest {

    @Test
    void step1ValidateTheSeedRepository() {
        WorkflowValidation v = WorkflowSource.builder()
                .repository("https://github.com/binder-examples/r_with_python")
                .path("rstudio")
                .validate();
        assertThat(v.isValid()).isTrue();
        WorkflowSource source = v.orElseThrow();
        assertThat(source.reference()).isEmpty();
        assertThat(v.notes()).isEmpty();
    }

    @Test
    void step2TheSourceFeedsUserDataAndMetadata() {
        WorkflowSource source = WorkflowSource.of("https://github.com/binder-examples/r_with_python", null, "rstudio");

        RenderedUserData userData = UserDataOptions.builder()
                .guacamole(false) // a workflow does not need Guacamole
                .workflow(source)
                .build()
                .render();
        Map<String, String> metadata =
                Map.of(WorkflowMetadata.KEY, source.toMetadata().toMetadataValue());

        RecognisedUserData recognised = userData.parse().recogniseExosphere().orElseThrow();
        assertThat(recognised.workflow()).hasValueSatisfying(wf -> {
            assertThat(wf.repository()).isEqualTo("https://github.com/binder-examples/r_with_python");
            assertThat(wf.reference()).isEmpty();
        });
        assertThat(metadata.get("exoCustomWorkflow"))
                .isEqualTo("{\"v\":1,\"repo\":\"https://github.com/binder-examples/r_with_python\",\"ref\":\"\","
                        + "\"path\":\"rstudio\"}");
    }

    @Test
    void step3WaitForTheTokenAndBuildTheRstudioUrl() {
        String consoleText = "[  300.1] {\"exoWorkflowSetup\":\"started\"}\r\n"
                + "[  900.4] {\"exoWorkflowToken\":\"0123abcd\"}\r\n"
                + "[  910.0] {\"exoWorkflowSetup\":\"complete\"}\r\n";
        Map<String, String> serverMetadata = Map.of(
                "exoCustomWorkflow",
                "{\"v\":1,\"repo\":\"https://github.com/binder-examples/r_with_python\",\"ref\":\"\",\"path\":\"rstudio\"}");
        String uap = UapCatalog.exosphereDefaults()
                .uapHostnameFor("https://js2.jetstream-cloud.org:5000/identity/v3", "IU")
                .orElseThrow();

        WorkflowConsole console = WorkflowConsole.scan(consoleText);
        WorkflowInteractionStatus status = WorkflowInteractionStatus.evaluate(WorkflowInteractionInput.builder()
                .serverStatus("ACTIVE")
                .fromExosphere(true)
                .workflow(WorkflowMetadata.fromServerMetadata(serverMetadata))
                .token(console.token())
                .uapHostname(Optional.of(uap))
                .floatingIp(Optional.of("149.165.1.2"))
                .build());

        assertThat(console.latestPhase()).contains(WorkflowSetupPhase.COMPLETE);
        assertThat(status.isReady()).isTrue();
        WorkflowUrls urls = status.urls().orElseThrow();
        assertThat(urls.chosen())
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/rstudio?token=0123abcd");
        assertThat(urls.of(JupyterInterface.LAB))
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/lab?token=0123abcd");
    }

    @Test
    void doiLimitation() {
        WorkflowValidation v = WorkflowSource.builder()
                .repository("https://doi.org/10.5281/zenodo.3242074")
                .validate();
        assertThat(v.isValid()).isFalse();
        assertThat(v.problems().get(0).kind()).isEqualTo(WorkflowProblem.Kind.DOI);
    }
}
