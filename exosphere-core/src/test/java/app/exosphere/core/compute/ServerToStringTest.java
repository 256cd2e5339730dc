package app.exosphere.core.compute;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.auth.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerToStringTest {
    private static final String PASSPHRASE = "ABE ACE YOGA YELL AMID";

    private static Server server() {
        return Server.builder()
                .id("s1")
                .name("vm")
                .status(ServerStatus.of("ACTIVE"))
                .tags(List.of("other", "exoPw:" + PASSPHRASE))
                .metadata(Map.of("exoServerVersion", "6", "exouserPassword", PASSPHRASE))
                .build();
    }

    @Test
    void toStringNeverPrintsThePassphraseTagOrMetadata() {
        String printed = server().toString();

        assertThat(printed).doesNotContain("ABE").contains("exoPw:<redacted>").contains("other");
        assertThat(printed).contains("exoServerVersion=6");
    }

    @Test
    void thePassphraseIsReadAsASecretThatPrintsMasked() {
        Secret pw = server().passphrase().orElseThrow();

        assertThat(pw.reveal()).isEqualTo(PASSPHRASE);
        assertThat(pw).hasToString("<redacted>");
        assertThat("pw=" + pw).doesNotContain("ABE");
    }

    @Test
    void aCreateRequestNeverPrintsUserDataOrPassphraseTags() {
        ServerCreateRequest req = ServerCreateRequest.builder()
                .name("vm")
                .imageRef("img")
                .flavorRef("f")
                .userData("#cloud-config\npassword: " + PASSPHRASE)
                .tags(List.of("exoPw:" + PASSPHRASE))
                .build();

        assertThat(req.toString()).doesNotContain("ABE").doesNotContain("cloud-config");
    }
}
