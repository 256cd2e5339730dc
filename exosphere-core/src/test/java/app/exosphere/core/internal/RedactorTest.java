package app.exosphere.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private final Redactor redactor = new Redactor(new ObjectMapper());

    @Test
    void locationHeaderCarryingAPercentEncodedPassphraseTagIsMasked() {
        String location = "http://nova.example/v2.1/servers/abc/tags/exoPw:correct%20horse%20battery%20staple";
        String line = redactor.headers(Headers.of("Location", location, "Content-Type", "application/json"));

        assertThat(line).doesNotContain("correct").doesNotContain("horse").contains("exoPw:<redacted>");
        assertThat(line).contains("Content-Type: application/json");
    }

    @Test
    void relativeLocationAndContentLocationAreMaskedToo() {
        String line = redactor.headers(Headers.of(
                "Location", "/v2.1/servers/abc/tags/exoPw%3Asecret%2Fpart",
                "Content-Location", "/guacamole/#/?token=ABCDEF0123456789"));

        assertThat(line).doesNotContain("secret").doesNotContain("ABCDEF0123456789");
        assertThat(line).contains("Location: /v2.1/servers/abc/tags/exoPw:<redacted>");
    }

    @Test
    void cookiesAndTokensAreNeverPrintedAndUnknownHeadersAreDeniedByDefault() {
        String line = redactor.headers(Headers.of(
                "Set-Cookie", "session=s3cr3tcookie",
                "X-Subject-Token", "gAAAAABsubjecttoken",
                "X-Auth-Token", "gAAAAABauthtoken",
                "X-Custom-Thing", "whatever"));

        assertThat(line)
                .doesNotContain("s3cr3tcookie")
                .doesNotContain("gAAAAABsubjecttoken")
                .doesNotContain("gAAAAABauthtoken")
                .doesNotContain("whatever")
                .contains("X-Subject-Token: <redacted sha256:")
                .contains("Set-Cookie: <redacted>");
    }

    @Test
    void aBodyLinkCarryingATokenUnderAHarmlessKeyIsMaskedRawOrPercentEncoded() {
        String body = "{\"remote_console\":{\"protocol\":\"vnc\",\"type\":\"novnc\",\"url\":"
                + "\"http://nova.example:6080/vnc_lite.html?path=%3Ftoken%3D5f1a9c2e-console\"},"
                + "\"link\":\"https://uap.example/guacamole/#/client/c2g?token=ABCDEF0123456789\"}";

        String logged = redactor.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");

        assertThat(logged)
                .doesNotContain("5f1a9c2e-console")
                .doesNotContain("ABCDEF0123456789")
                .contains("vnc_lite.html?path=%3Ftoken%3D<redacted>")
                .contains("\"protocol\":\"vnc\"");
    }

    @Test
    void anAllowedHeaderWhoseValueCarriesAMaskedPathIsMasked() {
        String line = redactor.headers(Headers.of("Vary", "exoPw%3A" + "hunter2"));

        assertThat(line).isEqualTo("Vary: <redacted>");
    }

    @Test
    void guacamoleTokenPathSegmentsAndFragmentsAreMaskedInUrls() {
        String url = redactor.url(HttpUrl.get("http://uap.example/guacamole/api/tokens/ABCDEF0123?x=1#/?token=QWERTY"));

        assertThat(url).doesNotContain("ABCDEF0123").doesNotContain("QWERTY");
    }
}
