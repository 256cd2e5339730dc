package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.core.error.PrivateKeyDetectedException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exosphere's {@code SshKeyTypeGuesser.guessKeyType}: upstream's four vectors and the edges of its grammar. */
class SshKeyTypeTest {

    static final String PRIVATE_BLOCK = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";

    static Stream<Arguments> vectors() {
        return Stream.of(
                // tests/Tests/Helpers/SshKeyTypeGuesser.elm
                Arguments.of(PRIVATE_BLOCK, SshKeyType.PRIVATE_KEY),
                Arguments.of("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 cmart@foobar", SshKeyType.PUBLIC_KEY),
                Arguments.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIprivate my private laptop", SshKeyType.PUBLIC_KEY),
                Arguments.of("this is not an ssh key", SshKeyType.UNKNOWN),
                // every public key type word, then the grammar's edges
                Arguments.of("ecdsa-sha2-nistp256 AAAAE2VjZHNh", SshKeyType.PUBLIC_KEY),
                Arguments.of("ecdsa-sha2-nistp384 AAAAE2VjZHNh", SshKeyType.PUBLIC_KEY),
                Arguments.of("ecdsa-sha2-nistp512 AAAAE2VjZHNh", SshKeyType.PUBLIC_KEY),
                Arguments.of("rsa-sha2-512 AAAAB3Nza", SshKeyType.PUBLIC_KEY),
                Arguments.of("rsa-sha2-256 AAAAB3Nza", SshKeyType.PUBLIC_KEY),
                Arguments.of("ssh-dss AAAAB3NzaC1kc3M", SshKeyType.PUBLIC_KEY),
                Arguments.of("ssh-dsa AAAAB3NzaC1kc3M", SshKeyType.PUBLIC_KEY),
                Arguments.of("ssh-rsa\nAAAAB3Nza", SshKeyType.PUBLIC_KEY),
                Arguments.of("ssh-rsaAAAAB3Nza", SshKeyType.UNKNOWN),
                Arguments.of("ssh-rsa_x AAAAB3Nza", SshKeyType.UNKNOWN),
                Arguments.of("ssh-rsa ", SshKeyType.UNKNOWN),
                Arguments.of(" ssh-rsa AAAAB3Nza", SshKeyType.UNKNOWN),
                Arguments.of("ssh-rsa\tAAAAB3Nza", SshKeyType.UNKNOWN),
                Arguments.of("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA", SshKeyType.PRIVATE_KEY),
                Arguments.of("-----END PRIVATE KEY----- MIIE", SshKeyType.PRIVATE_KEY),
                Arguments.of("--- BEGIN EC PRIVATE KEY---\r\nMHcCAQEE", SshKeyType.PRIVATE_KEY),
                Arguments.of("-----BEGIN OPENSSH PRIVATEKEY-----\nb3Bl", SshKeyType.UNKNOWN),
                Arguments.of("-----BEGIN PUBLIC KEY-----\nMIIBIjAN", SshKeyType.UNKNOWN),
                Arguments.of("-----BEGIN OPENSSH PRIVATE KEY-----\n", SshKeyType.UNKNOWN),
                Arguments.of("", SshKeyType.UNKNOWN),
                Arguments.of(null, SshKeyType.UNKNOWN));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("vectors")
    void guessesWhetherPastedTextIsAPublicOrPrivateKey(String text, SshKeyType expected) {
        assertThat(SshKeyType.guess(text)).isEqualTo(expected);
    }

    @Test
    void aPrivateKeyIsRefusedWithTheWebAppsMessageAndWithoutTheKey() {
        assertThatThrownBy(() -> SshKeyType.requireNotPrivate(PRIVATE_BLOCK))
                .isInstanceOf(PrivateKeyDetectedException.class)
                .isInstanceOf(InvalidLaunchRequestException.class)
                .hasMessage("Private key detected! Enter a public key instead. Public keys are usually found in a"
                        + " .pub file")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("b3BlbnNzaC1rZXkt"));
    }

    @Test
    void unknownTextsAndPublicKeysPassAsTheWebAppLetsThemThrough() {
        assertThat(SshKeyType.requireNotPrivate("this is not an ssh key")).isEqualTo("this is not an ssh key");
        assertThat(SshKeyType.requireNotPrivate("ssh-rsa AAAA x")).isEqualTo("ssh-rsa AAAA x");
    }
}
