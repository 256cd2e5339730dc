package app.exosphere.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretLeakScannerTest {
    private static final Set<String> SECRETS = Set.copyOf(PlantedSecrets.all());

    @Test
    void aRawSecretInTheLogIsFoundAndNotRepeatedInTheReport() {
        List<String> leaks = SecretLeakScanner.findLeaks(
                "TRACE POST /v3/auth/tokens body {\"password\": \"" + PlantedSecrets.PASSWORD + "\"}", SECRETS);

        assertThat(leaks).hasSize(1);
        assertThat(leaks.get(0)).startsWith("raw:").contains("<raw secret>").doesNotContain(PlantedSecrets.PASSWORD);
    }

    @Test
    void base64AtAnyAlignmentInsideALongerValueIsFound() {
        for (String prefix : new String[] {"", "u:", "us:", "use:"}) {
            String b64 = Base64.getEncoder()
                    .encodeToString((prefix + PlantedSecrets.APPLICATION_CREDENTIAL_SECRET + "!")
                            .getBytes(StandardCharsets.UTF_8));

            assertThat(SecretLeakScanner.findLeaks("Authorization: Basic " + b64, SECRETS))
                    .as("prefix '%s'", prefix)
                    .singleElement()
                    .asString()
                    .startsWith("Base64");
        }
    }

    @Test
    void urlEncodedAndPercentEncodedSecretsAreFound() {
        String passphrase = PlantedSecrets.PASSPHRASE;
        assertThat(SecretLeakScanner.findLeaks("PUT /servers/x/tags/exoPw:" + passphrase.replace(" ", "%20"), SECRETS))
                .singleElement()
                .asString()
                .startsWith("percent-encoded");
        assertThat(SecretLeakScanner.findLeaks(
                        "body passphrase=" + URLEncoder.encode(passphrase, StandardCharsets.UTF_8), SECRETS))
                .singleElement()
                .asString()
                .startsWith("URL-encoded");
    }

    @Test
    void cleanTextAndMaskedSecretsPass() {
        assertThat(SecretLeakScanner.findLeaks(
                        "PUT /servers/x/tags/exoPw:<redacted> X-Auth-Token: <redacted sha256:0a1b2c3d>", SECRETS))
                .isEmpty();
    }

    @Test
    void messagesOfExceptionsCaughtOnAnyThreadAreRecordedForTheScan() throws Exception {
        // not a planted value: this class itself runs under the scanner
        String secret = "thrown-Only-Secret-5e2d1c";
        ThrownMessages recording = ThrownMessages.start();
        Thread t = new Thread(() -> {
            try {
                throw new IllegalStateException("rejected token "
                        + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            } catch (IllegalStateException swallowed) {
                // never printed: only the recording sees it
            }
        });
        t.start();
        t.join();
        List<String> thrown = new java.util.ArrayList<>();
        recording.stop(thrown::add);

        List<String> leaks = SecretLeakScanner.findLeaks(String.join("\n", thrown), Set.of(secret));
        assertThat(leaks).hasSize(1);
        assertThat(leaks.get(0)).startsWith("Base64").contains("IllegalStateException: rejected token");
    }

    @Test
    void secretsOfASimulatorKeptInALocalVariableAreScannedFor() {
        CloudCredentials c;
        try (CloudSimulator local = CloudSimulator.start(Scenario.jetstream2())) {
            c = local.credentials();
        }
        Set<String> scanned = new java.util.LinkedHashSet<>();

        SecretLeakScanner.startedSecrets(scanned);

        assertThat(scanned).contains(c.password(), c.applicationCredentialSecret(), c.oidcAccessToken());
    }

    @Test
    void theSimulatorReportsTheSecretsItHandsOut() {
        try (CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2())) {
            CloudCredentials c = cloud.credentials();

            assertThat(cloud.issuedSecrets())
                    .contains(c.password(), c.applicationCredentialSecret(), c.oidcAccessToken());
        }
    }
}
