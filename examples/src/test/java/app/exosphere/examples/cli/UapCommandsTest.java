package app.exosphere.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UapCommandsTest {

    @Test
    void uapUrlPrintsTheReadmeMainJobUrl() {
        CliRun run = CliRun.of(
                "uap-url",
                "--uap",
                "proxy-js2-iu.exosphere.app",
                "--ip",
                "149.165.157.212",
                "--port",
                "49528",
                "--http",
                "--path",
                "guacamole/api/tokens");
        assertThat(run)
                .isEqualTo(new CliRun(
                        0, "https://http-149-165-157-212-49528.proxy-js2-iu.exosphere.app/guacamole/api/tokens\n", ""));
    }

    @Test
    void uapUrlWithoutHttpAndPathIsHttpsUpstreamRoot() {
        assertThat(CliRun.of("uap-url", "--uap", "uap.example.org", "--ip", "198.51.100.99", "--port", "12345"))
                .isEqualTo(new CliRun(0, "https://198-51-100-99-12345.uap.example.org/\n", ""));
    }

    @Test
    void uapUrlEncodesRepeatedQueryParametersInOrder() {
        CliRun run = CliRun.of(
                "uap-url",
                "--uap",
                "proxy-js2-asu.exosphere.app",
                "--ip",
                "10.0.0.1",
                "--port",
                "49528",
                "--http",
                "--path",
                "guacamole/#/client/ZGVza3RvcABjAGRlZmF1bHQ=",
                "--query",
                "token=tok/with+chars=",
                "--query",
                "x=a b");
        assertThat(run.out())
                .isEqualTo("https://http-10-0-0-1-49528.proxy-js2-asu.exosphere.app"
                        + "/guacamole/#/client/ZGVza3RvcABjAGRlZmF1bHQ=?token=tok%2Fwith%2Bchars%3D&x=a%20b\n");
    }

    @Test
    void uapUrlKeepsExosphereDoubleSlashUnlessNormalized() {
        String[] args = {
            "uap-url",
            "--uap",
            "proxy-js2-iu.exosphere.app",
            "--ip",
            "149.165.1.2",
            "--port",
            "8888",
            "--http",
            "--path",
            "/rstudio",
            "--query",
            "token=0123abcd"
        };
        assertThat(CliRun.of(args).out())
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app//rstudio?token=0123abcd\n");
        String[] normalized = java.util.Arrays.copyOf(args, args.length + 1);
        normalized[args.length] = "--normalized";
        assertThat(CliRun.of(normalized).out())
                .isEqualTo("https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/rstudio?token=0123abcd\n");
    }

    @Test
    void uapUrlJsonDescribesTheUrl() {
        CliRun run = CliRun.of(
                "--json",
                "uap-url",
                "--uap",
                "proxy-js2-iu.exosphere.app",
                "--ip",
                "149.165.1.2",
                "--port",
                "8888",
                "--http",
                "--path",
                "notebooks/a b.ipynb",
                "--query",
                "token=ff");
        assertThat(run)
                .isEqualTo(new CliRun(
                        0,
                        "{\"version\":2,\"url\":\"https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/notebooks/a b.ipynb?token=ff\","
                                + "\"normalized\":\"https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/notebooks/a%20b.ipynb?token=ff\","
                                + "\"host\":\"http-149-165-1-2-8888.proxy-js2-iu.exosphere.app\",\"protocol\":\"http\","
                                + "\"ip\":\"149.165.1.2\",\"port\":8888,\"path\":\"notebooks/a b.ipynb\","
                                + "\"query\":[{\"key\":\"token\",\"value\":\"ff\"}]}\n",
                        ""));
    }

    @Test
    void jsonOptionIsAcceptedAfterTheSubcommandToo() {
        CliRun run = CliRun.of("uap-parse", "--uap", "uap.example.org", "10-0-0-1-443.uap.example.org", "--json");
        assertThat(run)
                .isEqualTo(
                        new CliRun(0, "{\"version\":2,\"protocol\":\"https\",\"ip\":\"10.0.0.1\",\"port\":443}\n", ""));
    }

    @Test
    void uapUrlRejectsIpv6OnStderrWithoutStackTrace() {
        CliRun run =
                CliRun.of("uap-url", "--uap", "proxy-js2-iu.exosphere.app", "--ip", "2001:db8::1", "--port", "8888");
        assertThat(run)
                .isEqualTo(new CliRun(
                        2,
                        "",
                        "uap-url: '2001:db8::1' looks like an IPv6 address; the User Application Proxy supports IPv4 only"
                                + " (use the instance's floating IPv4 address)\n"));
    }

    @Test
    void uapUrlRejectsPortOutOfRange() {
        CliRun run = CliRun.of("uap-url", "--uap", "proxy-js2-iu.exosphere.app", "--ip", "10.0.0.1", "--port", "0");
        assertThat(run).isEqualTo(new CliRun(2, "", "uap-url: port 0 is out of range; expected 1-65535\n"));
    }

    @Test
    void errorsAreJsonOnStderrWithJson() {
        CliRun run = CliRun.of("--json", "uap-url", "--uap", "bad_host", "--ip", "10.0.0.1", "--port", "80");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo(
                        "{\"version\":2,\"error\":\"UAP hostname 'bad_host' is not a valid hostname: label 'bad_host' contains"
                                + " '_'; only letters a-z, digits and '-' are allowed\",\"kind\":\"malformed-hostname\","
                                + "\"exitCode\":2}\n");
    }

    @Test
    void debugPrintsTheStackTrace() {
        CliRun run = CliRun.of("--debug", "uap-url", "--uap", "uap.example.org", "--ip", "1.2.3", "--port", "80");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("uap-url: '1.2.3' is not a valid IPv4 address")
                .contains("InvalidUapValueException")
                .contains("\tat app.exosphere.uap.");
    }

    @Test
    void queryWithoutEqualsIsAUsageError() {
        CliRun run = CliRun.of(
                "uap-url", "--uap", "uap.example.org", "--ip", "10.0.0.1", "--port", "80", "--query", "token");
        assertThat(run)
                .isEqualTo(new CliRun(
                        2,
                        "",
                        "exosphere uap-url: --query expects K=V, got 'token' (no '=')\n"
                                + "Try 'exosphere uap-url --help' for more information.\n"));
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        CliRun run = CliRun.of("uap-url", "--ip", "10.0.0.1", "--port", "80");
        assertThat(run)
                .isEqualTo(new CliRun(
                        2,
                        "",
                        "exosphere uap-url: Missing required option: '--uap=HOST'\n"
                                + "Try 'exosphere uap-url --help' for more information.\n"));
    }

    @Test
    void nonNumericPortIsAUsageError() {
        CliRun run = CliRun.of("uap-url", "--uap", "uap.example.org", "--ip", "10.0.0.1", "--port", "http");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("exosphere uap-url: Invalid value for option '--port': 'http' is not an int");
    }

    @Test
    void uapParsePrintsProtocolIpAndPort() {
        CliRun run = CliRun.of(
                "uap-parse",
                "--uap",
                "proxy-js2-iu.exosphere.app",
                "http-149-165-0-5-49528.proxy-js2-iu.exosphere.app");
        assertThat(run).isEqualTo(new CliRun(0, "protocol: http\nip:       149.165.0.5\nport:     49528\n", ""));
    }

    @Test
    void uapParseRejectsBadOctet() {
        CliRun run = CliRun.of(
                "uap-parse",
                "--uap",
                "proxy-js2-iu.exosphere.app",
                "http-149-165-0-256-49528.proxy-js2-iu.exosphere.app");
        assertThat(run)
                .isEqualTo(new CliRun(
                        2,
                        "",
                        "uap-parse: request host 'http-149-165-0-256-49528.proxy-js2-iu.exosphere.app' is not a UAP host:"
                                + " '149.165.0.256' is not a valid IPv4 address: octet 256 is greater than 255\n"));
    }

    @Test
    void uapParseRejectsWrongSuffix() {
        CliRun run = CliRun.of(
                "uap-parse",
                "--uap",
                "proxy-js2-iu.exosphere.app",
                "http-149-165-0-5-49528.proxy-js2-tacc.exosphere.app");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).endsWith("does not end with '.proxy-js2-iu.exosphere.app'\n");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("exosphere: a command is required\n");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("exosphere: Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("uap-url", "uap-parse", "--json", "Exit codes:");
        assertThat(run.err()).isEmpty();
    }
}
