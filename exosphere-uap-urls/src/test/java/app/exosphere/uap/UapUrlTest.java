package app.exosphere.uap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.uap.InvalidUapValueException.Reason;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UapUrlTest {
    private static final String UAP = "proxy-js2-iu.exosphere.app";

    private static UapUrl.Builder jupyter() {
        return UapUrl.builder().uapHostname(UAP).target(JupyterUrls.target("149.165.1.2"));
    }

    /** Expected values are what JavaScript's encodeURIComponent returns for the same input. */
    static Stream<Arguments> encodeUriComponentVectors() {
        return Stream.of(
                Arguments.of("abcXYZ019", "abcXYZ019"),
                Arguments.of("-_.!~*'()", "-_.!~*'()"),
                Arguments.of("a b", "a%20b"),
                Arguments.of("tok/with+chars=", "tok%2Fwith%2Bchars%3D"),
                Arguments.of("?&#%@:;,$[]{}|\"<>\\^`", "%3F%26%23%25%40%3A%3B%2C%24%5B%5D%7B%7D%7C%22%3C%3E%5C%5E%60"),
                Arguments.of("\u00e9", "%C3%A9"),
                Arguments.of("\u4e2d", "%E4%B8%AD"),
                Arguments.of("\uD83D\uDE00", "%F0%9F%98%80"),
                Arguments.of("\n\t\u0000", "%0A%09%00"),
                Arguments.of("", ""));
    }

    @ParameterizedTest
    @MethodSource("encodeUriComponentVectors")
    void encodesQueryValuesLikeEncodeUriComponent(String value, String encoded) {
        assertThat(UapUrl.encodeUriComponent(value, "k")).isEqualTo(encoded);
        assertThat(jupyter().path("").addQueryParameter("token", value).build().toUriString())
                .endsWith("/?token=" + encoded);
    }

    @Test
    void encodesQueryKeysTooAndKeepsParameterOrder() {
        UapUrl url = jupyter()
                .path("lab")
                .addQueryParameter("b key", "1")
                .addQueryParameter("a", "2")
                .build();
        assertThat(url)
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888." + UAP + "/lab?b%20key=1&a=2");
        assertThat(url.queryParameters()).containsExactly(Map.entry("b key", "1"), Map.entry("a", "2"));
    }

    @Test
    void noQueryParametersMeansNoQuestionMark() {
        assertThat(jupyter().path("lab").build())
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888." + UAP + "/lab");
        assertThat(jupyter().build())
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888." + UAP + "/");
    }

    @Test
    void pathSegmentsAreJoinedRawWithSlashes() {
        UapUrl url =
                jupyter().pathSegments("a b", "", "c?d").addPathSegment("e").build();
        assertThat(url)
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888." + UAP + "/a b//c?d/e");
        assertThat(url.pathSegments()).containsExactly("a b", "", "c?d", "e");
    }

    @Test
    void normalizedCollapsesSlashesAndEncodesWhatCannotAppearInAPath() {
        UapUrl url = jupyter()
                .path("//notebooks//a b/é%2F%zz\"<>")
                .addQueryParameter("token", "ff")
                .build();
        assertThat(url.normalized())
                .isEqualTo(
                        "https://http-149-165-1-2-8888." + UAP + "/notebooks/a%20b/%C3%A9%2F%25zz%22%3C%3E?token=ff");
        assertThat(url.toUri()).isEqualTo(URI.create(url.normalized()));
        assertThat(url.toUri().getPath()).isEqualTo("/notebooks/a b/é%2F%zz\"<>".replace("%2F", "/"));
    }

    @Test
    void normalizedEncodesQuestionMarkInPathSoTheTokenStillReachesTheService() {
        UapUrl url = jupyter().path("lab?x=1").addQueryParameter("token", "ff").build();
        assertThat(url)
                .extracting(UapUrl::toUriString)
                .isEqualTo("https://http-149-165-1-2-8888." + UAP + "/lab?x=1?token=ff");
        assertThat(url.normalized()).isEqualTo("https://http-149-165-1-2-8888." + UAP + "/lab%3Fx=1?token=ff");
        assertThat(url.toUri().getQuery()).isEqualTo("token=ff");
    }

    @Test
    void normalizedKeepsGuacamoleFragmentRoute() {
        UapUrl url = GuacamoleUrls.terminal(UAP, "10.0.0.1", "abc");
        assertThat(url.normalized()).isEqualTo(url.toUriString());
        assertThat(url.toUri().getFragment()).isEqualTo("/client/c2hlbGwAYwBkZWZhdWx0?token=abc");
    }

    @Test
    void redactedStringHidesQueryValues() {
        UapUrl url = GuacamoleUrls.desktop(UAP, "10.0.0.1", "secret-token");
        assertThat(url.toRedactedString())
                .isEqualTo("https://http-10-0-0-1-49528." + UAP
                        + "/guacamole/#/client/ZGVza3RvcABjAGRlZmF1bHQ=?token=REDACTED")
                .doesNotContain("secret-token");
    }

    @Test
    void toStringMasksGuacamoleAndJupyterTokensWhileToUriStringKeepsTheLink() {
        UapUrl shell = GuacamoleUrls.terminal(UAP, "10.0.0.1", "guac-T0ken/+=");
        UapUrl lab = JupyterUrls.workflow(UAP, "149.165.1.2", JupyterInterface.LAB, "jupyter-t0ken");
        assertThat(shell.toString())
                .isEqualTo(shell.toRedactedString())
                .doesNotContain("guac-T0ken")
                .doesNotContain(UapUrl.encodeUriComponent("guac-T0ken/+=", "token"));
        assertThat(lab.toString()).isEqualTo(lab.toRedactedString()).doesNotContain("jupyter-t0ken");
        assertThat(String.valueOf(List.of(shell, lab))).doesNotContain("T0ken").doesNotContain("t0ken");
        assertThat(shell.toUriString()).endsWith("?token=guac-T0ken%2F%2B%3D");
        assertThat(lab.toUriString()).endsWith("/lab?token=jupyter-t0ken");
    }

    @Test
    void rejectsControlCharactersInPath() {
        assertThatThrownBy(() -> jupyter().path("lab\r\nX-Injected: 1").build())
                .isInstanceOfSatisfying(
                        InvalidUapValueException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PATH))
                .hasMessageContaining("U+000D");
    }

    @Test
    void rejectsEmptyQueryKey() {
        assertThatThrownBy(() -> jupyter().addQueryParameter("", "v"))
                .isInstanceOfSatisfying(
                        InvalidUapValueException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_QUERY));
    }

    @Test
    void rejectsUnpairedSurrogateWithoutEchoingTheValue() {
        assertThatThrownBy(() ->
                        jupyter().addQueryParameter("token", "secret\uD800").build())
                .isInstanceOfSatisfying(InvalidUapValueException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_QUERY);
                    assertThat(e.value()).isEqualTo("token");
                })
                .hasMessageContaining("'token'")
                .hasMessageNotContaining("secret");
    }

    @Test
    void rejectsMalformedUapHostnames() {
        for (String bad : new String[] {
            "",
            "-proxy.example.org",
            "proxy-.example.org",
            "proxy..example.org",
            ".example.org",
            "example.org.",
            "proxy example.org",
            "proxy_x.example.org",
            "prøxy.example.org",
            "a".repeat(64) + ".org",
            "10.0.0.1",
            "proxy.example.org:443",
            "https://proxy.example.org"
        }) {
            assertThatThrownBy(() -> jupyter().uapHostname(bad).build())
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidUapValueException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HOSTNAME);
                        assertThat(e.value()).isEqualTo(bad);
                    })
                    .hasMessageContaining("'" + bad + "' is not a valid hostname");
        }
    }

    @Test
    void acceptsSingleLabelAndUppercaseUapHostnames() {
        assertThat(jupyter().uapHostname("localhost").build().host()).isEqualTo("http-149-165-1-2-8888.localhost");
        assertThat(jupyter().uapHostname("UAP.Example.org").build().host())
                .isEqualTo("http-149-165-1-2-8888.UAP.Example.org");
    }

    @Test
    void builderNamesTheMissingPart() {
        assertThatThrownBy(() -> UapUrl.builder().ip("10.0.0.1").port(80).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("uapHostname");
        assertThatThrownBy(() -> UapUrl.builder().uapHostname(UAP).port(80).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ip(");
        assertThatThrownBy(
                        () -> UapUrl.builder().uapHostname(UAP).ip("10.0.0.1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port(");
    }

    @Test
    void builderValidatesIpAndPortAtBuild() {
        assertThatThrownBy(() ->
                        UapUrl.builder().uapHostname(UAP).ip("fe80::1").port(80).build())
                .isInstanceOfSatisfying(
                        InvalidUapValueException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.IPV6_NOT_SUPPORTED));
        assertThatThrownBy(() -> UapUrl.builder()
                        .uapHostname(UAP)
                        .ip("10.0.0.1")
                        .port(70000)
                        .build())
                .isInstanceOfSatisfying(
                        InvalidUapValueException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PORT_OUT_OF_RANGE));
    }

    @Test
    void toBuilderRoundTripsAndValueSemantics() {
        UapUrl url = GuacamoleUrls.terminal(UAP, "10.0.0.1", "abc");
        assertThat(url.toBuilder().build()).isEqualTo(url).hasSameHashCodeAs(url);
        assertThat(url.toBuilder().path("other").build()).isNotEqualTo(url);
        assertThat(url.uapHostname()).isEqualTo(UAP);
        assertThat(url.target()).isEqualTo(UapTarget.http("10.0.0.1", 49528));
    }
}
