package app.exosphere.core;

import static app.exosphere.core.MockCloud.body;
import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.config.CloudsYaml;
import app.exosphere.core.config.OpenRc;
import app.exosphere.core.http.ServiceType;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenStackFromConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockCloud cloud = new MockCloud();

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void connectsWithTheCloudsYamlExosphereWritesOntoInstances() throws Exception {
        // Exosphere's `Credentials.getCloudsYaml` layout, pointed at the mock Keystone
        String yaml = String.join(
                "\n",
                "clouds:",
                "  Project_One_RegionOne:",
                "    region_name: RegionOne",
                "    interface: public",
                "    identity_api_version: 3",
                "    auth_type: v3applicationcredential",
                "    auth:",
                "      auth_url: " + cloud.authUrl(),
                "      application_credential_id: 423f19a4ac1e4f48bbb4180756e6eb6c",
                "      application_credential_secret: rEaqvJka48mpv");
        cloud.server.enqueue(cloud.token("keystone/admin__auth-application-credential-response.json", "tok"));

        OpenStack os = cloud.builder(app.exosphere.core.auth.Credentials.token("replaced-by-cloud"))
                .cloud(CloudsYaml.parse(yaml, "clouds.yaml").cloud("Project_One_RegionOne"))
                .build();

        RecordedRequest auth = cloud.take();
        assertThat(auth.getTarget()).isEqualTo("/v3/auth/tokens");
        assertThat(JSON.readTree(body(auth)))
                .isEqualTo(JSON.readTree(
                        MockCloud.fixture("keystone/admin__auth-application-credential-id-request.json")));
        assertThat(os.region()).contains("RegionOne");
        assertThat(os.token().execute().project().orElseThrow().name()).isEqualTo("demo");
    }

    @Test
    void connectsWithAnOpenRcAndAppliesApiVersionAndEndpointOverride() throws Exception {
        String rc = String.join(
                "\n",
                "export OS_AUTH_URL=" + cloud.authUrl(),
                "export OS_USERNAME=\"alice\"",
                "export OS_PASSWORD='" + MockCloud.PASSWORD + "'",
                "export OS_USER_DOMAIN_NAME=Default",
                "export OS_PROJECT_ID=a6944d763bf64ee6a275f1263fae0352",
                "export OS_IMAGE_ENDPOINT_OVERRIDE=" + cloud.base() + "/glance",
                "export OS_COMPUTE_API_VERSION=2.27");
        cloud.server.enqueue(cloud.scopedToken("tok"));
        OpenStack os = cloud.builder(app.exosphere.core.auth.Credentials.token("x"))
                .cloud(OpenRc.parse(rc, "openrc.sh").toCloudConfig("rc"))
                .build();

        assertThat(JSON.readTree(body(cloud.take()))
                        .at("/auth/scope/project/id")
                        .asText())
                .isEqualTo("a6944d763bf64ee6a275f1263fae0352");
        assertThat(os.service(ServiceType.IMAGE).endpoint().execute()).isEqualTo(cloud.base() + "/glance/v2/");

        cloud.server.enqueue(MockCloud.json(200, cloud.pointedHere("nova/versions__v21-version-get-resp.json")));
        assertThat(os.service(ServiceType.COMPUTE).negotiatedMicroversion().toString())
                .isEqualTo("2.27");
    }
}
