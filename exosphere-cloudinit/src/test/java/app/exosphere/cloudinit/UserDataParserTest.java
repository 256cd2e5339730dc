package app.exosphere.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserDataParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            #cloud-config\\npackages: [git]\\n     | text/cloud-config
            #!/bin/bash\\necho hi\\n             | text/x-shellscript
            #cloud-boothook\\necho early\\n      | text/cloud-boothook
            #include\\nhttps://example.org/ud\\n | text/x-include-url
            #include-once\\nhttps://x\\n        | text/x-include-once-url
            #cloud-config-archive\\n- type: x\\n | text/cloud-config-archive
            ## template: jinja\\n#cloud-config\\n | text/jinja2
            just some text\\n                    | text/plain
            """)
    void typesSinglePartUserDataByItsFirstLine(String text, String type) {
        String body = text.replace("\\n", "\n");
        ParsedUserData p = UserData.parse(body);
        assertThat(p.multipart()).isFalse();
        assertThat(p.compressed()).isFalse();
        assertThat(p.parts()).singleElement().satisfies(part -> {
            assertThat(part.contentType()).isEqualTo(type);
            assertThat(part.body()).isEqualTo(body);
            assertThat(part.filename()).isEmpty();
        });
    }

    @Test
    void readsCrlfMultipartWithQuotedAndUnquotedBoundaries() {
        String crlf = String.join(
                "\r\n",
                "Content-Type: multipart/mixed; boundary=XYZ",
                "MIME-Version: 1.0",
                "",
                "preamble is ignored",
                "--XYZ",
                "Content-Type: text/x-shellscript; charset=\"us-ascii\"",
                "Content-Disposition: attachment;",
                "  filename=\"a.sh\"",
                "",
                "#!/bin/sh",
                "echo a",
                "--XYZ",
                "Content-Type: text/cloud-config",
                "",
                "#cloud-config",
                "packages: [git]",
                "--XYZ--",
                "epilogue");
        ParsedUserData p = UserData.parse(crlf);
        assertThat(p.multipart()).isTrue();
        assertThat(p.parts()).hasSize(2);
        assertThat(p.parts().get(0).filename()).contains("a.sh");
        assertThat(p.parts().get(0).body()).isEqualTo("#!/bin/sh\r\necho a");
        assertThat(p.cloudConfig().orElseThrow().body()).isEqualTo("#cloud-config\r\npackages: [git]");
        assertThat(p.scripts()).hasSize(1);
    }

    @Test
    void decodesBase64AndQuotedPrintablePartsAndRedetectsPlainText() {
        String b64 =
                Base64.getMimeEncoder().encodeToString("#!/bin/bash\necho héllo\n".getBytes(StandardCharsets.UTF_8));
        String doc = "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
                + "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n" + b64 + "\n--b\n"
                + "Content-Type: text/cloud-config; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "#cloud-config\nruncmd: [\"echo caf=C3=A9\"]=\n\n--b--";
        ParsedUserData p = UserData.parse(doc);
        assertThat(p.parts().get(0).contentType()).isEqualTo("text/x-shellscript");
        assertThat(p.parts().get(0).body()).isEqualTo("#!/bin/bash\necho héllo\n");
        assertThat(p.parts().get(1).body()).isEqualTo("#cloud-config\nruncmd: [\"echo café\"]");
    }

    @Test
    void flattensNestedMultipart() {
        String doc = "Content-Type: multipart/mixed; boundary=outer\n\n--outer\n"
                + "Content-Type: multipart/alternative; boundary=inner\n\n--inner\n"
                + "Content-Type: text/x-shellscript\n\n#!/bin/sh\n--inner--\n--outer\n"
                + "Content-Type: text/cloud-config\n\n#cloud-config\n--outer--";
        assertThat(UserData.parse(doc).parts())
                .extracting(UserDataPart::contentType)
                .containsExactly("text/x-shellscript", "text/cloud-config");
    }

    @Test
    void readsGzipAndBase64() throws Exception {
        byte[] plain = "#cloud-config\npackages: [git]\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(plain);
        }
        ParsedUserData p = UserData.parseBase64(Base64.getMimeEncoder().encodeToString(bytes.toByteArray()));
        assertThat(p.compressed()).isTrue();
        assertThat(p.cloudConfig().orElseThrow().asCloudConfig().toMap()).containsKey("packages");
    }

    @Test
    void reportsBrokenInputWithTypedErrors() {
        assertThatThrownBy(() -> UserData.parseBase64("not base64!"))
                .isInstanceOf(UserDataParseException.class)
                .hasMessageContaining("Base64");
        assertThatThrownBy(() -> UserData.parse(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}))
                .isInstanceOf(UserDataParseException.class)
                .hasMessageContaining("gzip");
        assertThatThrownBy(() -> UserData.parse("Content-Type: multipart/mixed\n\n--x\n\n--x--"))
                .isInstanceOf(UserDataParseException.class)
                .hasMessageContaining("boundary");
        assertThatThrownBy(() -> UserData.parse("Content-Type: multipart/mixed; boundary=q\n\nno delimiters"))
                .isInstanceOf(UserDataParseException.class);
    }

    @Test
    void refusesGzipBombs() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                gz.write(zeros);
            }
        }
        assertThatThrownBy(() -> UserData.parse(bytes.toByteArray()))
                .isInstanceOf(UserDataParseException.class)
                .hasMessageContaining("refusing");
    }

    @Test
    void renderedPartsParseBackToTheirBodies() {
        RenderedUserData ud = UserDataOptions.builder()
                .addExtraShellParts(ShellPart.of("95-x.sh", "#!/bin/sh\necho x\n"))
                .build()
                .render();
        ParsedUserData p = UserData.parseBase64(ud.base64());
        // the blank line Exosphere writes after each body becomes part of it, as in any MIME reader
        assertThat(p.part("95-x.sh").orElseThrow().body()).isEqualTo("#!/bin/sh\necho x\n\n");
        assertThat(p.part("00-exosphere-setup-running.sh").orElseThrow().body()).startsWith("#!/bin/bash\n");
    }

    @Test
    void cloudConfigPartCanBeReusedAsFragment() {
        ParsedUserData existing = UserData.parse("#cloud-config\nruncmd: [[touch, /tmp/x]]\n");
        CloudConfigFragment f = existing.cloudConfig().orElseThrow().asCloudConfig();
        String merged = UserDataOptions.builder()
                .addExtraCloudConfig(f)
                .build()
                .render()
                .text();
        assertThat(merged).contains("touch");
    }
}
