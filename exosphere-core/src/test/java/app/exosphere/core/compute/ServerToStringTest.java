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

        assertThat(printed)
                .doesNotContain("ABE")
                .contains("passphrase=<redacted>")
                .contains("other");
        assertThat(printed).contains("exoServerVersion=6");
    }

    @Test
    void thePassphraseIsKeptOutOfTheTagsAndMetadataSoPrintingOrComparingThemNeverShowsIt() {
        Server s = server();

        assertThat(s.tags()).containsExactly("other");
        assertThat(s.metadata()).containsExactly(Map.entry("exoServerVersion", "6"));
        assertThat(s.passphraseInLegacyMetadata()).isTrue();
        assertThat(s.tags() + " " + s.metadata() + " " + s.toBuilder().build()).doesNotContain("ABE");
        // the tag wins over the legacy metadata, as Exosphere reads them; a differently cased tag is dropped
        Server mixed = Server.builder()
                .from(s)
                .tags(List.of("EXOPW:" + PASSPHRASE + " old", "other"))
                .build();
        assertThat(mixed.tags()).containsExactly("other");
        assertThat(mixed.passphrase().map(Secret::reveal)).contains(PASSPHRASE);
    }

    @Test
    void aServerReadFromNovaJsonHoldsThePassphraseOnlyAsASecret() throws Exception {
        String json = "{\"id\":\"s1\",\"status\":\"ACTIVE\",\"tags\":[\"exoPw:" + PASSPHRASE
                + "\",\"plain\"],\"metadata\":{\"exoServerVersion\":\"6\"}}";
        Server s = app.exosphere.core.internal.json.ServiceJson.convert(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), Server.class);

        assertThat(s.tags()).containsExactly("plain");
        assertThat(s.passphraseInLegacyMetadata()).isFalse();
        assertThat(s.passphrase().map(Secret::reveal)).contains(PASSPHRASE);
        assertThat(app.exosphere.core.rules.ServerOrigin.of(s).passphrase()).isEqualTo(s.passphrase());
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
