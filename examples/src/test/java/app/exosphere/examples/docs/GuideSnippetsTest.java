package app.exosphere.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.cloudinit.RecognisedUserData;
import app.exosphere.cloudinit.RenderedUserData;
import app.exosphere.examples.SimulatedSession;
import app.exosphere.uap.UapTarget;
import app.exosphere.uap.UapUrl;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The guides' snippets, run against the simulated cloud, do what the guides say. */
class GuideSnippetsTest {

    @RegisterExtension
    static final SimulatedSession simulated = new SimulatedSession();

    @Test
    void sharesGuideCreatesMountsAtLaunchChangesAndUsesTheRawClient() {
        SharesSnippets guide = new SharesSnippets();
        guide.createWithRules(simulated.session().exosphere());
        assertThat(guide.printed).containsExactly("lab-data-rw read-write ACTIVE", "lab-data-ro read-only ACTIVE");
        String id = guide.created.share().id();

        guide.mountAtLaunch(simulated.session().exosphere(), id);
        assertThat(guide.mountCommand).contains("--access-rule-name='lab-data-rw'");
        assertThat(guide.launch.mountShares()).containsExactly(guide.mount);

        guide.rawClient(simulated.session().openStack());
        assertThat(guide.printed).contains("lab-data AVAILABLE 1 export location(s)");
        assertThat(simulated.session().simulator().orElseThrow().shareAccessRules(id))
                .containsExactly("lab-data-rw", "lab-data-ro", "lab-data-ci");

        guide.changeShare(
                simulated.session().exosphere(),
                id,
                guide.created.accessRules().get(1).id());
        assertThat(guide.printed).contains("20 GB");
        simulated.session().simulator().orElseThrow().advance(java.time.Duration.ofSeconds(10));
        assertThat(simulated.session().simulator().orElseThrow().shareCount()).isZero();
    }

    @Test
    void errorsGuideCatchTreatsAMissingServerAsGone() {
        ErrorsSnippets errors = new ErrorsSnippets();
        errors.fetchServer(simulated.session().openStack(), "no-such-server");
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
        ConfigurationSnippets.ProjectsAndRegions r =
                ConfigurationSnippets.otherProjectAndRegion(simulated.session().openStack());
        assertThat(r.projects()).isNotEmpty();
        assertThat(r.regions()).isNotEmpty();
        assertThat(r.tacc().region()).contains("TACC");
    }

    @Test
    void uapGuideCatalogsGiveTheHostnamesItShows() {
        UapSnippets.Catalogs c = UapSnippets.catalogs();
        assertThat(c.uap()).contains("proxy-js2-tacc.exosphere.app");
        assertThat(c.regionTwo()).contains("uap.example.org");
        assertThat(c.custom().uapHostnameFor("https://keystone.example.org:5000/v3", "RegionOne"))
                .contains("uap-one.example.org");
    }

    @Test
    void uapGuideGuacamoleAndJupyterUrlsAreTheOnesItShows() {
        List<Object> urls = UapSnippets.guacamoleAndJupyter("guac-token", "wf-token");
        String guac = "https://http-149-165-157-212-49528.proxy-js2-iu.exosphere.app/guacamole/";
        assertThat(((UapUrl) urls.get(0)).toUriString()).isEqualTo(guac + "api/tokens");
        assertThat(((UapUrl) urls.get(1)).toUriString())
                .isEqualTo(guac + "#/client/c2hlbGwAYwBkZWZhdWx0?token=guac-token");
        assertThat(((UapUrl) urls.get(2)).toUriString())
                .isEqualTo(guac + "#/client/ZGVza3RvcABjAGRlZmF1bHQ=?token=guac-token");
        assertThat(((UapUrl) urls.get(3)).toUriString())
                .isEqualTo("https://http-149-165-157-212-8888.proxy-js2-iu.exosphere.app/rstudio?token=wf-token");
        assertThat(((UapUrl) urls.get(4)).toUriString()).endsWith("/lab?token=wf-token");
    }

    @Test
    void uapGuideBuiltAndNormalizedUrlsAreTheOnesItShows() {
        UapUrl url = UapSnippets.custom();
        assertThat(url.toUriString())
                .isEqualTo("https://http-198-51-100-99-12345.uap.example.org/api/v1/status?q=a%20b");
        assertThat(url.host()).isEqualTo("http-198-51-100-99-12345.uap.example.org");

        UapUrl u = UapSnippets.exosphereJoin("proxy-js2-iu.exosphere.app");
        assertThat(u.toUriString())
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app//rstudio?token=0123abcd");
        assertThat(u.normalized())
                .hasToString("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/rstudio?token=0123abcd");
        assertThat(u.toUri()).hasToString(u.normalized().toString());
    }

    @Test
    void uapGuideParsesTheRequestHostAsItShows() {
        UapTarget t = UapSnippets.parse();
        assertThat(t.protocol()).hasToString("HTTP");
        assertThat(t.ipv4()).hasToString("149.165.0.5");
        assertThat(t.port()).isEqualTo(49528);
    }

    @Test
    void cloudinitGuideUserDataRoundTripsThroughParseAndRecognise() {
        CloudinitSnippets.Rendered rendered = CloudinitSnippets.build();
        assertThat(rendered.size()).isEqualTo(rendered.forNova().length()).isLessThanOrEqualTo(65_535);

        CloudinitSnippets.Inspected inspected = CloudinitSnippets.inspect(
                new CloudinitSnippets.NovaServer(rendered.forNova(), Map.of(), Instant.EPOCH));
        assertThat(inspected.parsed().parts()).isNotEmpty();

        RecognisedUserData r = CloudinitSnippets.recognise(inspected.parsed()).orElseThrow();
        assertThat(r.guacamole()).isTrue();
        assertThat(r.desktop()).isTrue();
        assertThat(r.sshPublicKeys()).containsExactly("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host");
        assertThat(r.workflow().orElseThrow().repository())
                .isEqualTo("https://github.com/binder-examples/requirements");
        assertThat(r.credentialsInjected()).isFalse();
    }

    @Test
    void cloudinitGuideInjectsCredentialsWithoutShowingTheSecret() {
        RenderedUserData ud = CloudinitSnippets.withCredentials(new CloudinitSnippets.AppCred("cred-id", "s3cret"));
        assertThat(ud.parse().recogniseExosphere().orElseThrow().credentialsInjected())
                .isTrue();
        assertThat(ud.toString()).doesNotContain("s3cret");
    }

    @Test
    void cloudinitGuideExtensionsEndUpInTheUserData() {
        String text = CloudinitSnippets.extended().render().text();
        assertThat(text).contains("gateway-agent", "95-gateway.sh", "echo ready");
    }
}
