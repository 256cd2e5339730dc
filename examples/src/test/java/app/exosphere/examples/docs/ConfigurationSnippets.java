package app.exosphere.examples.docs;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.Project;
import app.exosphere.core.auth.Region;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.config.ExosphereCloudConfig;
import app.exosphere.core.config.ExosphereCloudConfigs;
import app.exosphere.core.config.ExosphereConfig;
import app.exosphere.core.config.ExosphereConfigs;
import app.exosphere.core.config.OpenRc;
import app.exosphere.core.http.EndpointInterface;
import app.exosphere.core.http.ServiceType;
import app.exosphere.uap.UapCatalog;
import java.nio.file.Path;
import java.util.List;

/** The code of {@code docs/configuration.md}. */
final class ConfigurationSnippets {

    private ConfigurationSnippets() {}

    /** The gateway's web session of a user signed in with OIDC (e.g. Globus Auth). */
    interface WebSession {
        String accessToken();
    }

    /** Compiled only: each way signs in to a real cloud. */
    static List<OpenStack> signIn(String password, String keystone, String token, WebSession session) {
        // snippet:configuration-sign-in
        // 1. a clouds.yaml cloud (openstacksdk's search path, secure.yaml, OS_CLOUD)
        OpenStack fromCloudsYaml = OpenStack.fromCloudsYaml("Project_One_RegionOne");

        // 2. an OpenRC file (e.g. the application-credential openrc.sh Exosphere or Horizon offers)
        OpenStack fromOpenRc = OpenStack.fromOpenRc(Path.of("app-cred-openrc.sh"));

        // 3. explicit credentials
        OpenStack withPassword = OpenStack.builder()
                .authUrl("https://js2.jetstream-cloud.org:5000/v3/")
                .credentials(Credentials.password(UserRef.name("alice", DomainRef.of("access")), password))
                .project("TRA000000", DomainRef.of("access"))
                .region("IU")
                .build(); // authenticates now; buildLazily() defers it to the first call

        // 4. an existing Keystone token (the session ends with AuthenticationExpiredException)
        OpenStack withToken = OpenStack.builder()
                .authUrl(keystone)
                .credentials(Credentials.token(token))
                .build();

        // 5. an OIDC access token through Keystone federation (the supplier is asked again on re-auth)
        OpenStack federated = OpenStack.builder()
                .authUrl(keystone)
                .credentials(Credentials.oidcAccessToken("globus", "openid", () -> session.accessToken()))
                .build(); // unscoped
        // end-snippet
        return List.of(fromCloudsYaml, fromOpenRc, withPassword, withToken, federated);
    }

    /** Another project and region of the same sign-in. */
    record ProjectsAndRegions(List<Project> projects, List<Region> regions, OpenStack tacc) {}

    static ProjectsAndRegions otherProjectAndRegion(OpenStack os) {
        // snippet:configuration-projects-regions
        List<Project> projects = os.projects().execute(); // GET /v3/auth/projects
        List<Region> regions = os.regions().execute(); // GET /v3/regions
        OpenStack tacc = os.forProject(projects.get(0).id()).forRegion("TACC");
        // end-snippet
        return new ProjectsAndRegions(projects, regions, tacc);
    }

    static OpenStack fromHorizonOpenRc(Path p, String pw) {
        // snippet:configuration-openrc-password
        OpenStack os = OpenStack.builder()
                .cloud(OpenRc.load(p).withPassword(pw).toCloudConfig("mycloud"))
                .build();
        // end-snippet
        return os;
    }

    record Deployment(String uap, UapCatalog catalog, ExosphereConfig deployment) {}

    /** Compiled only: reads cloud_configs.js and config.js from the working directory. */
    static Deployment exosphereConfigs(OpenStack os) {
        // snippet:configuration-cloud-configs
        ExosphereCloudConfigs exo = ExosphereCloudConfigs.builtIn(); // Jetstream2, Nectar, Rescloud
        ExosphereCloudConfigs mine = exo.with(ExosphereCloudConfigs.load(Path.of("cloud_configs.js")));
        ExosphereCloudConfig js2 = mine.forKeystoneUrl(os.token()
                        .execute()
                        .catalog()
                        .endpoint(ServiceType.IDENTITY, "IU", EndpointInterface.PUBLIC)
                        .orElseThrow()
                        .url())
                .orElseThrow();
        String uap = js2.uapCloud().uapHostnameFor("IU").orElseThrow(); // proxy-js2-iu.exosphere.app
        UapCatalog catalog = mine.uapCatalog(); // the exosphere-uap-urls model
        ExosphereConfig deployment = ExosphereConfigs.load(Path.of("cloud_configs.js"), Path.of("config.js"));
        // end-snippet
        return new Deployment(uap, catalog, deployment);
    }
}
