package app.exosphere.core;

import static app.exosphere.core.MockCloud.fixture;
import static app.exosphere.core.MockCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.auth.ApplicationCredentialRequest;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.http.ServiceType;
import app.exosphere.testkit.PlantedSecrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plants secrets in every place the SDK handles them, runs real flows with the SDK logger at TRACE
 * (see simplelogger.properties), and scans everything that was printed.
 */
class LogRedactionTest {
    private static final String TOKEN = PlantedSecrets.TOKEN;
    private static final String TOKEN_2 = "gAAAAABsecondPlantedTokenValue999888777666555444";
    private static final String APP_SECRET = "rEaqvJka48mpv"; // the sample's secret
    private static final String USER_DATA = "I2Nsb3VkLWNvbmZpZyBwbGFudGVkLXVzZXItZGF0YQ==";
    private static final String PASSPHRASE = PlantedSecrets.PASSPHRASE;
    private static final String OIDC = PlantedSecrets.OIDC_ACCESS_TOKEN;

    private final MockCloud cloud = new MockCloud();

    @AfterEach
    void close() {
        cloud.close();
    }

    private String captureStderr(Runnable flows) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            flows.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noSecretEverReachesALogLineOrExceptionMessage() {
        List<String> exceptionMessages = new java.util.ArrayList<>();
        String log = captureStderr(() -> {
            cloud.server.enqueue(cloud.scopedToken(TOKEN));
            OpenStack os = cloud.builder(MockCloud.ALICE)
                    .project("a6944d763bf64ee6a275f1263fae0352")
                    .build();

            cloud.server.enqueue(json(202, "{\"server\": {\"id\": \"s1\", \"adminPass\": \"" + PASSPHRASE + "\"}}"));
            os.service(ServiceType.COMPUTE)
                    .post("servers")
                    .body(Map.of(
                            "server",
                            Map.of("name", "vm", "user_data", USER_DATA, "metadata", Map.of("exoPw", PASSPHRASE))))
                    .execute();

            cloud.server.enqueue(json(200, "{\"tags\": [\"exoPw:" + PASSPHRASE + "\"]}"));
            os.service(ServiceType.COMPUTE)
                    .put("servers/{id}/tags/{tag}", "s1", "exoPw:" + PASSPHRASE)
                    .execute();

            cloud.server.enqueue(json(200, "{\"output\": \"exouser passphrase " + PASSPHRASE + "\"}"));
            os.service(ServiceType.COMPUTE)
                    .post("servers/{id}/action", "s1")
                    .body(Map.of("os-getConsoleOutput", Map.of("length", 50)))
                    .execute();

            cloud.server.enqueue(json(201, fixture("keystone/admin__application-credential-create-response.json")));
            os.identity()
                    .createApplicationCredential(ApplicationCredentialRequest.named("monitoring"))
                    .execute();

            // a 401 triggers re-authentication (password again) and a replay
            cloud.server.enqueue(
                    json(401, "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"x\"}}"));
            cloud.server.enqueue(cloud.scopedToken(TOKEN_2));
            cloud.server.enqueue(json(200, "{\"password\": \"" + PASSPHRASE + "\"}"));
            os.service(ServiceType.COMPUTE)
                    .get("servers/{id}/os-server-password", "s1")
                    .execute();

            // an error whose body echoes a secret-looking value
            cloud.server.enqueue(new MockResponse.Builder()
                    .code(500)
                    .addHeader("Content-Type", "text/html")
                    .body("<html><body>proxy error for token " + TOKEN_2 + "</body></html>")
                    .build());
            try {
                os.service(ServiceType.IMAGE)
                        .post("images")
                        .body(Map.of("name", "x"))
                        .execute();
            } catch (RuntimeException e) {
                exceptionMessages.add(e.toString());
            }

            // application credential and OIDC logins
            cloud.server.enqueue(cloud.token("keystone/admin__auth-application-credential-response.json", TOKEN));
            cloud.builder(Credentials.applicationCredential("423f19a4ac1e4f48bbb4180756e6eb6c", APP_SECRET))
                    .build();
            cloud.server.enqueue(cloud.token("keystone/OS-FEDERATION__auth__unscoped-token-response.json", TOKEN));
            cloud.builder(Credentials.oidcAccessToken("idp", "openid", OIDC)).build();
        });

        assertThat(log).contains("identity POST").contains("compute PUT").contains("request id req-");
        assertThat(log).contains("<redacted");
        // bodies really are logged at TRACE (so the scan below is meaningful), with secrets masked
        assertThat(log).contains("\"name\":\"vm\"").contains("\"user_data\":\"<redacted>\"");
        assertThat(log).contains("exoPw:<redacted>").contains("<catalog: 13 services>");
        for (String secret : List.of(MockCloud.PASSWORD, TOKEN, TOKEN_2, APP_SECRET, USER_DATA, PASSPHRASE, OIDC)) {
            assertThat(log).as("log output must not contain %s", secret).doesNotContain(secret);
            assertThat(exceptionMessages).allSatisfy(m -> assertThat(m).doesNotContain(secret));
        }
        assertThat(exceptionMessages).hasSize(1);
    }

    @Test
    void badCredentialsFailWithoutEchoingThem() {
        cloud.server.enqueue(json(
                401,
                "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\","
                        + " \"message\": \"The request you have made requires authentication.\"}}"));
        assertThatThrownBy(() -> cloud.builder(MockCloud.ALICE).project("p").build())
                .isInstanceOf(app.exosphere.core.error.UnauthorizedException.class)
                .hasMessageContaining("identity POST /v3/auth/tokens failed with HTTP 401")
                .hasMessageNotContaining(MockCloud.PASSWORD);
    }
}
