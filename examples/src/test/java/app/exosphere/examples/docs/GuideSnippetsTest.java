package app.exosphere.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.examples.CloudSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guides' snippets, run against the simulated cloud, do what the guides say. */
class GuideSnippetsTest {

    static CloudSession session;

    @BeforeAll
    static void start() {
        session = CloudSession.simulated();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void errorsGuideCatchTreatsAMissingServerAsGone() {
        ErrorsSnippets errors = new ErrorsSnippets();
        errors.fetchServer(session.openStack(), "no-such-server");
        assertThat(errors.outcomes).containsExactly("gone no-such-server");
    }

    @Test
    void workflowsGuideValidatesLaunchesAndBuildsTheRstudioUrl() {
        WorkflowsSnippets guide = new WorkflowsSnippets();
        guide.validate();
        assertThat(guide.form.errors).isEmpty();
        assertThat(guide.validated.repository()).isEqualTo("https://github.com/binder-examples/r_with_python");

        guide.launchData(guide.validated);
        assertThat(guide.userData.parse().recogniseExosphere().orElseThrow().workflow())
                .isPresent();
        assertThat(guide.metadata).containsKey("exoCustomWorkflow");

        guide.urls(
                "[  900.4] {\"exoWorkflowToken\":\"0123abcd\"}\r\n"
                        + "[  910.0] {\"exoWorkflowSetup\":\"complete\"}\r\n",
                guide.metadata);
        assertThat(guide.shown).isEmpty();
        assertThat(guide.status.urls().orElseThrow().chosen().normalized())
                .hasToString("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/rstudio?token=0123abcd");
    }

    @Test
    void workflowsGuideShowsWhyItIsNotReadyWithoutAToken() {
        WorkflowsSnippets guide = new WorkflowsSnippets();
        guide.validate();
        guide.launchData(guide.validated);
        guide.urls("[  300.1] {\"exoWorkflowSetup\":\"started\"}\r\n", guide.metadata);
        assertThat(guide.status.isReady()).isFalse();
        assertThat(guide.shown).hasSize(1);
    }

    @Test
    void configurationGuideListsProjectsAndRegionsAndSwitchesRegion() {
        ConfigurationSnippets.ProjectsAndRegions r = ConfigurationSnippets.otherProjectAndRegion(session.openStack());
        assertThat(r.projects()).isNotEmpty();
        assertThat(r.regions()).isNotEmpty();
        assertThat(r.tacc().region()).contains("TACC");
    }
}
