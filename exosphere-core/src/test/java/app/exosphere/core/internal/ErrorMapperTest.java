package app.exosphere.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {
    private final ErrorMapper mapper = new ErrorMapper(new ObjectMapper());

    @Test
    void anHtmlErrorPageGivesAShortSecretFreeExcerpt() {
        String html = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title>"
                + "<style>body{font:12px}</style><script>var t='gAAAAABscriptToken0123456789abcdefghijkl';</script>"
                + "</head><body><h1>Bad Gateway</h1><p>The proxy could not handle "
                + "<a href=\"/v2.1/servers/s1/tags/exoPw:correct%20horse%20battery\">PUT /servers/s1/tags/exoPw:correct"
                + " horse battery</a> token=QWERTY123 X-Auth-Token gAAAAABlongOpaqueTokenValue0123456789abcdef</p>"
                + "<p>" + "filler text ".repeat(500) + "</p></body></html>";

        String message = mapper.parse(502, html.getBytes(StandardCharsets.UTF_8), "text/html")
                .message();

        assertThat(message).startsWith("502 Bad Gateway: Bad Gateway The proxy could not handle");
        assertThat(message.length()).isLessThanOrEqualTo(203);
        assertThat(message)
                .doesNotContain("correct")
                .doesNotContain("horse")
                .doesNotContain("QWERTY123")
                .doesNotContain("gAAAAAB")
                .doesNotContain("<script")
                .doesNotContain("font:12px");
    }

    @Test
    void aJsonErrorMessageEchoingAPassphraseTagIsMasked() {
        String body = "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid tag exoPw:ABE ACE YOGA/x\"}}";

        String message = mapper.parse(400, body.getBytes(StandardCharsets.UTF_8), "application/json")
                .message();

        assertThat(message).isEqualTo("Invalid tag exoPw:<redacted>");
    }
}
