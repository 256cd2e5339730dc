package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.auth.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class GuacamoleAuthTest {

    private static final String UAP = "proxy-js2-iu.exosphere.app";
    private static final String IP = "149.165.1.2";
    private static final Secret PASSPHRASE = Secret.of("ABE ACE YOGA YELL YOKE A BE CAT DOG EGG FIG");

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));

    /** Sends the UAP URL to the mock server, keeping the original host in a header for assertions. */
    private OkHttpClient client() {
        return new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    HttpUrl original = chain.request().url();
                    HttpUrl local = original.newBuilder()
                            .scheme("http")
                            .host(server.getHostName())
                            .port(server.getPort())
                            .build();
                    return chain.proceed(chain.request()
                            .newBuilder()
                            .url(local)
                            .header("X-Original-Url", original.toString())
                            .build());
                })
                .build();
    }

    private static MockResponse token(String t) {
        return new MockResponse.Builder()
                .code(200)
                .body(
                        "{\"authToken\":\"" + t
                                + "\",\"username\":\"exouser\",\"dataSource\":\"default\",\"availableDataSources\":[\"default\"]}")
                .build();
    }

    @Test
    void logsInAsExouserWithFormEncodedPassphraseAtTheUapTokenApi() throws Exception {
        server.enqueue(token("A1B2C3"));
        GuacamoleAuth auth = new GuacamoleAuth(client(), clock);

        assertThat(auth.token(UAP, IP, PASSPHRASE).executeAsync().join()).isEqualTo(Secret.of("A1B2C3"));

        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getHeaders().get("X-Original-Url"))
                .isEqualTo("https://http-149-165-1-2-49528.proxy-js2-iu.exosphere.app/guacamole/api/tokens");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(r.getBody().utf8())
                .isEqualTo("username=exouser&password=ABE+ACE+YOGA+YELL+YOKE+A+BE+CAT+DOG+EGG+FIG");
        assertThat(auth.state(UAP, IP).token()).contains(Secret.of("A1B2C3"));
    }

    @Test
    void reusesTheTokenFor55MinutesThenRefreshes() throws Exception {
        server.enqueue(token("first"));
        server.enqueue(token("second"));
        GuacamoleAuth auth = new GuacamoleAuth(client(), clock);

        assertThat(auth.token(UAP, IP, PASSPHRASE).executeAsync().join()).isEqualTo(Secret.of("first"));
        clock.advance(Duration.ofMinutes(55));
        assertThat(auth.token(UAP, IP, PASSPHRASE).executeAsync().join()).isEqualTo(Secret.of("first"));
        assertThat(server.getRequestCount()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(auth.token(UAP, IP, PASSPHRASE).executeAsync().join()).isEqualTo(Secret.of("second"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void failedLoginIsRetriedOnlyAfter15SecondsAndNeverLeaksThePassphrase() {
        server.enqueue(new MockResponse.Builder()
                .code(403)
                .body("{\"message\":\"Permission Denied.\"}")
                .build());
        server.enqueue(token("Tok3nValue"));
        GuacamoleAuth auth = new GuacamoleAuth(client(), clock);

        assertThatThrownBy(() -> auth.token(UAP, IP, PASSPHRASE).executeAsync().join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(GuacamoleAuthException.class)
                .hasMessageContaining("Bad status: 403")
                .hasMessageNotContaining("YOGA");
        assertThat(auth.state(UAP, IP).error()).contains("Bad status: 403");

        clock.advance(Duration.ofSeconds(15));
        assertThatThrownBy(() -> auth.token(UAP, IP, PASSPHRASE).executeAsync().join())
                .hasCauseInstanceOf(GuacamoleAuthException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(auth.token(UAP, IP, PASSPHRASE).executeAsync().join()).isEqualTo(Secret.of("Tok3nValue"));
        assertThat(auth.state(UAP, IP).toString()).doesNotContain("Tok3nValue");
    }

    @Test
    void aChangedPassphraseLogsInAgain() {
        server.enqueue(token("one"));
        server.enqueue(token("two"));
        GuacamoleAuth auth = new GuacamoleAuth(client(), clock);
        assertThat(auth.token(UAP, IP, PASSPHRASE).executeAsync().join()).isEqualTo(Secret.of("one"));
        assertThat(auth.token(UAP, IP, Secret.of("OTHER WORDS")).executeAsync().join())
                .isEqualTo(Secret.of("two"));
    }
}
