package app.exosphere.uap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.uap.InvalidUapValueException.Reason;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UapTargetTest {
    private static final String UAP = "proxy-js2-iu.exosphere.app";

    @Test
    void derivesHttpPrefixedLabelWithoutZeroPadding() {
        assertThat(UapTarget.http("149.165.0.5", 49528).label()).isEqualTo("http-149-165-0-5-49528");
        assertThat(UapTarget.https("149.165.0.5", 443).label()).isEqualTo("149-165-0-5-443");
        assertThat(UapTarget.http("0.0.0.0", 1).requestHost(UAP)).isEqualTo("http-0-0-0-0-1." + UAP);
    }

    @Test
    void parsesHttpRequestHost() {
        assertThat(UapTarget.parseRequestHost(UAP, "http-149-165-0-5-49528.proxy-js2-iu.exosphere.app"))
                .isEqualTo(new UapTarget(UpstreamProtocol.HTTP, "149.165.0.5", 49528));
    }

    @Test
    void parsesRequestHostWithoutPrefixAsHttps() {
        assertThat(UapTarget.parseRequestHost("uap.example.org", "198-51-100-99-12345.uap.example.org"))
                .isEqualTo(UapTarget.https("198.51.100.99", 12345));
    }

    @Test
    void parsesExplicitHttpsPrefixLikeTheUapNginx() {
        assertThat(UapTarget.parseRequestHost("uap.example.org", "https-198-51-100-99-443.uap.example.org"))
                .isEqualTo(UapTarget.https("198.51.100.99", 443));
    }

    @Test
    void parsingIsCaseInsensitiveLikeDns() {
        assertThat(UapTarget.parseRequestHost("Proxy.Example.org", "HTTP-10-0-0-1-8888.PROXY.EXAMPLE.ORG"))
                .isEqualTo(UapTarget.http("10.0.0.1", 8888));
    }

    @Test
    void parsingIgnoresHostHeaderPort() {
        assertThat(UapTarget.parseRequestHost(UAP, "http-10-0-0-1-8888." + UAP + ":443"))
                .isEqualTo(UapTarget.http("10.0.0.1", 8888));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http-256-165-0-5-49528.proxy-js2-iu.exosphere.app | greater than 255",
                "http-149-165-0-005-49528.proxy-js2-iu.exosphere.app | leading zero",
                "http-149-165-0-5-0.proxy-js2-iu.exosphere.app | out of range",
                "http-149-165-0-5-65536.proxy-js2-iu.exosphere.app | out of range",
                "http-149-165-0-5-08888.proxy-js2-iu.exosphere.app | leading zero",
                "http-149-165-0-5-123456.proxy-js2-iu.exosphere.app | not a decimal number",
                "http-149-165-0-5-http.proxy-js2-iu.exosphere.app | not a decimal number",
                "http-149-165-0-5-49528.proxy-js2-tacc.exosphere.app | does not end with",
                "http-149-165-0-5-49528.evilproxy-js2-iu.exosphere.app | does not end with",
                "http-149-165-0-5-49528.proxy-js2-iu.exosphere.app.evil.com | does not end with",
                "proxy-js2-iu.exosphere.app | does not end with",
                ".proxy-js2-iu.exosphere.app | expected '[http-]",
                "a.http-149-165-0-5-49528.proxy-js2-iu.exosphere.app | exactly one label",
                "http-149-165-0-49528.proxy-js2-iu.exosphere.app | expected '[http-]",
                "ftp-149-165-0-5-49528.proxy-js2-iu.exosphere.app | expected '[http-]",
                "http-149-165--5-49528.proxy-js2-iu.exosphere.app | not a valid IPv4",
                "[::1]:443 | not a DNS name",
            })
    void rejectsMalformedRequestHostsSayingWhy(String host, String why) {
        assertThatThrownBy(() -> UapTarget.parseRequestHost(UAP, host))
                .isInstanceOfSatisfying(InvalidUapValueException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_REQUEST_HOST);
                    assertThat(e.value()).isEqualTo(host);
                })
                .hasMessageContaining("'" + host + "'")
                .hasMessageContaining(why);
    }

    @Test
    void rejectsEmptyRequestHost() {
        assertThatThrownBy(() -> UapTarget.parseRequestHost(UAP, ""))
                .isInstanceOf(InvalidUapValueException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> UapTarget.parseRequestHost(UAP, null)).isInstanceOf(InvalidUapValueException.class);
    }

    @Test
    void rejectsMalformedUapHostnameWhenParsing() {
        assertThatThrownBy(() -> UapTarget.parseRequestHost("", "http-1-2-3-4-80."))
                .isInstanceOfSatisfying(
                        InvalidUapValueException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HOSTNAME));
    }

    @Test
    void rejectsIpv6SayingUapIsIpv4Only() {
        assertThatThrownBy(() -> UapTarget.http("2001:db8::1", 8888))
                .isInstanceOfSatisfying(InvalidUapValueException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.IPV6_NOT_SUPPORTED);
                    assertThat(e.value()).isEqualTo("2001:db8::1");
                })
                .hasMessageContaining("'2001:db8::1'")
                .hasMessageContaining("IPv4 only");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "149.165.157",
                "149.165.157.212.1",
                "149.165.157.",
                "256.1.1.1",
                "1.2.3.-4",
                "1.2.3.4 ",
                " 1.2.3.4",
                "01.2.3.4",
                "1.2.3.004",
                "a.b.c.d",
                "1.2.3.1e2",
                "",
                "1..3.4",
                "１.2.3.4",
                "1234.1.1.1"
            })
    void rejectsMalformedIpv4NamingIt(String ip) {
        assertThatThrownBy(() -> UapTarget.http(ip, 8888))
                .isInstanceOfSatisfying(InvalidUapValueException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_IPV4);
                    assertThat(e.value()).isEqualTo(ip);
                })
                .hasMessageContaining("'" + ip + "' is not a valid IPv4 address");
    }

    @Test
    void rejectsNullIp() {
        assertThatThrownBy(() -> UapTarget.http(null, 8888))
                .isInstanceOfSatisfying(
                        InvalidUapValueException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_IPV4));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void rejectsPortsOutside1To65535(int port) {
        assertThatThrownBy(() -> UapTarget.http("10.0.0.1", port))
                .isInstanceOfSatisfying(InvalidUapValueException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.PORT_OUT_OF_RANGE);
                    assertThat(e.value()).isEqualTo(Integer.toString(port));
                })
                .hasMessageContaining("port " + port)
                .hasMessageContaining("1-65535");
    }

    @Test
    void acceptsBoundaryPortsAndAddresses() {
        assertThat(UapTarget.http("255.255.255.255", 65535).label()).isEqualTo("http-255-255-255-255-65535");
        assertThat(UapTarget.https("0.0.0.0", 1).label()).isEqualTo("0-0-0-0-1");
    }

    @Test
    void rejectsUapHostnameThatMakesTheDerivedHostTooLong() {
        String label = "a".repeat(63);
        String uap = String.join(".", label, label, label, "b".repeat(40)); // 232 characters: valid alone
        assertThat(UapEntry.catchAll(uap).hostname()).hasSize(232);
        assertThatThrownBy(() -> UapTarget.http("255.255.255.255", 65535).requestHost(uap))
                .isInstanceOf(InvalidUapValueException.class)
                .hasMessageContaining("exceeds 253");
    }

    @Test
    void randomDerivedHostsParseBackToTheSameTarget() {
        Random random = new Random(20261121L);
        String[] uaps = {UAP, "uap.example.org", "Proxy-Rescloud.Exosphere.App", "localhost-uap.test"};
        for (int i = 0; i < 20_000; i++) {
            String ip = random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + random.nextInt(256);
            int port = 1 + random.nextInt(65535);
            UpstreamProtocol protocol = random.nextBoolean() ? UpstreamProtocol.HTTP : UpstreamProtocol.HTTPS;
            String uap = uaps[random.nextInt(uaps.length)];
            UapTarget target = new UapTarget(protocol, ip, port);

            UapUrl url =
                    UapUrl.builder().uapHostname(uap).target(target).path("x").build();
            assertThat(UapTarget.parseRequestHost(uap, url.host())).isEqualTo(target);
            assertThat(UapTarget.parseRequestHost(uap, url.toUri().getHost())).isEqualTo(target);
        }
    }

    @Test
    void edgeTargetsRoundTrip() {
        for (String ip : new String[] {"0.0.0.0", "255.255.255.255", "10.0.0.1", "100.64.0.1"}) {
            for (int port : new int[] {1, 9, 10, 99, 100, 8888, 49528, 65535}) {
                for (UpstreamProtocol p : UpstreamProtocol.values()) {
                    UapTarget t = new UapTarget(p, ip, port);
                    assertThat(UapTarget.parseRequestHost(UAP, t.requestHost(UAP)))
                            .isEqualTo(t);
                }
            }
        }
    }
}
