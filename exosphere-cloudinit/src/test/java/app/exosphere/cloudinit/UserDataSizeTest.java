package app.exosphere.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UserDataSizeTest {

    static ShellPart compressible(int bytes) {
        return ShellPart.of("95-big.sh", "#!/bin/sh\n" + "echo 'the same line again and again'\n".repeat(bytes / 36));
    }

    static ShellPart incompressible(int bytes) {
        byte[] random = new byte[bytes * 3 / 4];
        new Random(42).nextBytes(random);
        return ShellPart.of(
                "95-random.sh", "#!/bin/sh\n: " + Base64.getEncoder().encodeToString(random) + "\n");
    }

    @Test
    void reportsTheBase64SizeNovaSees() {
        RenderedUserData ud = UserDataOptions.builder().build().render();
        assertThat(ud.encodedSize()).isEqualTo(ud.base64().length());
        assertThat(ud.encodedSize()).isEqualTo(4 * ((ud.textSize() + 2) / 3));
        assertThat(ud.isCompressed()).isFalse();
        assertThat(ud.encodedSize()).isBetween(3000, 6000); // Exosphere's is ~4.4-4.8 KB
    }

    @Test
    void oversizedCompressibleUserDataSaysGzipWouldFit() {
        UserDataOptions o = UserDataOptions.builder()
                .addExtraShellParts(compressible(70_000))
                .build();
        UserDataTooLargeException e = catchThrowableOfType(UserDataTooLargeException.class, o::render);
        assertThat(e.encodedSize()).isGreaterThan(65_535);
        assertThat(e.limit()).isEqualTo(65_535);
        assertThat(e.gzipWouldFit()).isTrue();
        assertThat(e.gzipEncodedSize().getAsInt()).isLessThan(65_535);
        assertThat(e.getMessage())
                .contains(Integer.toString(e.encodedSize()))
                .contains("65535")
                .contains("Compression.GZIP")
                .doesNotContain("same line");
        RenderedUserData auto = o.render(Compression.AUTO);
        assertThat(auto.isCompressed()).isTrue();
        assertThat(auto.encodedSize()).isEqualTo(e.gzipEncodedSize().getAsInt());
        assertThat(UserData.parseBase64(auto.base64()).part("95-big.sh")).isPresent();
    }

    @Test
    void oversizedIncompressibleUserDataCannotBeRescued() {
        UserDataOptions o = UserDataOptions.builder()
                .addExtraShellParts(incompressible(70_000))
                .build();
        UserDataTooLargeException e = catchThrowableOfType(UserDataTooLargeException.class, o::render);
        assertThat(e.gzipWouldFit()).isFalse();
        assertThat(e.getMessage()).contains("even gzip-compressed");
        assertThatThrownBy(() -> o.render(Compression.GZIP))
                .isInstanceOfSatisfying(
                        UserDataTooLargeException.class,
                        g -> assertThat(g.gzipEncodedSize()).isEmpty());
    }

    @Test
    void autoKeepsPlainTextWhenItFits() {
        RenderedUserData ud = UserDataOptions.builder().build().render(Compression.AUTO);
        assertThat(ud.isCompressed()).isFalse();
        assertThat(new String(ud.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(ud.text());
    }

    @Test
    void gzipAlwaysCompressesAndRoundTrips() {
        RenderedUserData ud =
                UserDataOptions.builder().compression(Compression.GZIP).build().render();
        assertThat(ud.isCompressed()).isTrue();
        assertThat(ud.bytes()[0]).isEqualTo((byte) 0x1f);
        assertThat(ud.encodedSize())
                .isLessThan(UserDataOptions.builder().build().render().encodedSize());
        assertThat(ud.parse().compressed()).isTrue();
        assertThat(ud.parse().parts()).hasSize(4);
    }

    @Test
    void exactlyAtTheLimitIsAccepted() {
        // find a compressible payload whose plain Base64 is just at or below the limit
        RenderedUserData base = UserDataOptions.builder().build().render();
        int room = (65_535 / 4) * 3 - base.textSize();
        String filler = (": " + "x".repeat(77) + "\n").repeat((room - 400) / 80);
        String script = "#!/bin/sh\n" + filler;
        RenderedUserData ud = null;
        for (int extra = 0; extra < 400; extra++) {
            try {
                ud = UserDataOptions.builder()
                        .addExtraShellParts(ShellPart.of("95-fill.sh", script + "#".repeat(extra) + "\n"))
                        .build()
                        .render();
            } catch (UserDataTooLargeException e) {
                break;
            }
        }
        assertThat(ud).isNotNull();
        assertThat(ud.encodedSize()).isBetween(65_530, 65_535);
    }
}
