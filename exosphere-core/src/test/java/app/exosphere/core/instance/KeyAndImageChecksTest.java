package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.error.PrivateKeyDetectedException;
import app.exosphere.core.http.ExosphereListener;
import app.exosphere.core.http.TransportOptions;
import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Launch validation from the image and key checks of the web app: a private key pasted as a public key
 * is refused before anything is sent (Exosphere's {@code SshKeyTypeGuesser.guessKeyType}), and an image
 * detected as unsupported is launched with a WARN event saying why it will not become ready
 * ({@code Image.detectOperatingSystem}).
 */
class KeyAndImageChecksTest {
    private static final String PRIVATE_KEY =
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAE\n-----END OPENSSH PRIVATE KEY-----";
    private static final String MESSAGE =
            "Private key detected! Enter a public key instead. Public keys are usually found in a .pub file";

    private final CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2());

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void aPrivateKeyPastedAsTheKeypairToImportIsRefusedWithTheWebAppsMessage() {
        assertThatThrownBy(() -> KeypairChoice.importKey("laptop", "  " + PRIVATE_KEY + "\n"))
                .isInstanceOf(PrivateKeyDetectedException.class)
                .hasMessage(MESSAGE);
        assertThat(KeypairChoice.importKey("laptop", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 me@laptop ")
                        .publicKey())
                .hasValue("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 me@laptop");
    }

    @Test
    void aPrivateKeyAmongTheSshKeysOfALaunchRequestIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> LaunchRequest.builder()
                        .name("i18d-key")
                        .addSshPublicKeys("ssh-rsa AAAAB3NzaC1yc2E me@a", PRIVATE_KEY)
                        .build())
                .isInstanceOf(PrivateKeyDetectedException.class)
                .hasMessage(MESSAGE)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("b3BlbnNzaC1rZXkt"));
        assertThat(cloud.servers()).isEmpty();
    }

    @Test
    void anImageExosphereDoesNotSupportIsLaunchedWithAWarningEventSayingWhy() {
        List<ExosphereListener.Milestone> milestones = new CopyOnWriteArrayList<>();
        ExosphereListener listener = new ExosphereListener() {
            @Override
            public void milestone(Milestone milestone) {
                milestones.add(milestone);
            }
        };
        try (Exosphere exo = connect(listener)) {
            exo.launch(SimulatedGateway.small("i18d-windows")
                            .image(ImageChoice.name("Windows-Server-2022-JS2-Beta"))
                            .build())
                    .execute();
            exo.launch(SimulatedGateway.small("i18d-ubuntu").build()).execute();
        }

        assertThat(milestones)
                .filteredOn(m -> m.kind().equals("IMAGE_OS_UNSUPPORTED"))
                .singleElement()
                .satisfies(m -> assertThat(m.detail())
                        .contains("Windows-Server-2022-JS2-Beta")
                        .contains("Exosphere does not support launching Windows 2022 instances")
                        .contains("ImageChoice.featured()"));
        assertThat(cloud.servers()).hasSize(2);
    }

    private Exosphere connect(ExosphereListener listener) {
        CloudCredentials c = cloud.credentials();
        Clock clock = cloud.clock().asClock();
        OpenStack os = OpenStack.builder()
                .authUrl(c.authUrl())
                .credentials(
                        Credentials.applicationCredential(c.applicationCredentialId(), c.applicationCredentialSecret()))
                .region("IU")
                .httpClient(cloud.newHttpClient())
                .clock(clock)
                .transport(TransportOptions.builder().listener(listener).build())
                .build();
        return Exosphere.builder()
                .openStack(os)
                .settings(ExosphereSettings.builder()
                        .clientUuid(SimulatedGateway.CLIENT)
                        .uapHostname(cloud.uapHostname("IU").orElseThrow())
                        .build())
                .clock(clock)
                .build();
    }
}
