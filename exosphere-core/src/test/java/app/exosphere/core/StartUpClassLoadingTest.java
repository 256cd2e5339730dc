package app.exosphere.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a fresh JVM loads to authenticate and list servers over {@code http://}: run in a child JVM
 * ({@link StartUpProbe}) with class-load logging, so what earlier tests loaded does not count. Guards the
 * start-up work the first call does not need (docs/performance.md, "Fresh JVM"); not a timing.
 */
class StartUpClassLoadingTest {
    private final MockCloud cloud = new MockCloud();

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void authenticatingAndListingOverHttpCreatesNoTlsContextAndLoadsNoYaml() throws Exception {
        // the child runs on the system clock: the sample token must not have expired (2015) there
        MockResponse token = new MockResponse.Builder()
                .code(201)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Subject-Token", "tok-start")
                .body(cloud.pointedHere("keystone/admin__auth-password-project-scoped-response.json")
                        .replace("\"2015-11-07T02:58:43.578887Z\"", "\"2999-01-01T00:00:00Z\""))
                .build();
        MockResponse servers = MockCloud.json(
                200,
                cloud.pointedHere("nova/servers__servers-details-resp.json")
                        .replaceAll("\"servers_links\"[^\\]]*\\]", "\"servers_links\": []"));
        MockResponse novaVersion = MockCloud.json(200, cloud.pointedHere("nova/versions__v21-version-get-resp.json"));
        cloud.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                if (path.endsWith("/auth/tokens")) {
                    return token;
                }
                return path.endsWith("/servers/detail") ? servers : novaVersion;
            }
        });

        List<String> out = runProbe(cloud.authUrl(), "alice", MockCloud.PASSWORD, "a6944d763bf64ee6a275f1263fae0352");

        assertThat(out).contains("LISTED 1");
        List<String> loaded = out.stream()
                .filter(l -> l.contains("[class,load]"))
                .map(l -> l.replaceFirst(".*\\[class,load\\] (\\S+).*", "$1"))
                .toList();
        assertThat(loaded)
                .as("the probe's class-load log")
                .contains("app.exosphere.core.OpenStack", "javax.net.ssl.X509TrustManager");
        // the trust manager is loaded (OkHttp needs it to build the client); the TLS context is not
        assertThat(loaded).noneMatch(c -> c.startsWith("sun.security.ssl.SSLContextImpl"));
        assertThat(loaded)
                .noneMatch(c -> c.startsWith("org.yaml.") || c.startsWith("com.fasterxml.jackson.dataformat.yaml."));
    }

    private static List<String> runProbe(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(
                java,
                "-Xlog:class+load=info:stdout:tags",
                "-cp",
                System.getProperty("java.class.path"),
                StartUpProbe.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] all = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(all, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text.lines().toList();
    }
}
