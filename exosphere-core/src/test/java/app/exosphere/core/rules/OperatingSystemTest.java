package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.image.Image;
import app.exosphere.core.image.ImageStatus;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exosphere's {@code Image.detectOperatingSystem}, on the upstream test vectors and the spec's consequences. */
class OperatingSystemTest {

    @ParameterizedTest(name = "{0} / {1} / {2} → {3} {4}")
    // tests/Tests/Helpers/Image.elm imageOSDetectionSuite, then the documented consequences
    @CsvSource(
            nullValues = "null",
            value = {
                "Featured-Ubuntu24, null, null, Ubuntu, UNKNOWN",
                "Featured-Ubuntu24, ubuntu, 24.04, Ubuntu, SUPPORTED",
                "Featured-RockyLinux8, rocky, 8, Rocky Linux, SUPPORTED",
                "Windows-Server-2022-JS2-Beta, null, null, Windows, UNSUPPORTED",
                "any, windows, 3.1, Windows, UNSUPPORTED",
                "any, NeXTSTEP, 3.3, NeXTSTEP, UNKNOWN",
                "Windows-Server-2022-JS2-Beta, ubuntu, 24.04, Ubuntu, SUPPORTED",
                "Featured-Ubuntu24, Windows, 95, Windows, UNSUPPORTED",
                "unhelpful-image-name, ubuntu, 24.04, Ubuntu, SUPPORTED",
                "unhelpful-image-name, null, null, null, null",
                "not-windows-actually-ubuntu, null, null, Windows, UNSUPPORTED",
                "whatever, almalinux, 9, almalinux, UNKNOWN",
                "Featured-AlmaLinux9, null, 9, AlmaLinux, SUPPORTED",
                "ubuntu-18.04, ubuntu, 18.04, Ubuntu, UNKNOWN",
                "Featured-Debian11, DEBIAN, 11, Debian, SUPPORTED",
                "CentOS-7, centos, 7, CentOS, UNKNOWN",
                "jammy, UBUNTU, 22.04, Ubuntu, SUPPORTED"
            })
    void detectsTheDistributionAndWhetherExosphereSupportsIt(
            String name, String distro, String version, String expected, OperatingSystem.Support support) {
        Optional<OperatingSystem> os = OperatingSystem.detect(name, distro, version);
        if (expected == null) {
            assertThat(os).isEmpty();
            return;
        }
        assertThat(os).hasValueSatisfying(o -> {
            assertThat(o.distribution()).isEqualTo(expected);
            assertThat(o.version()).isEqualTo(Optional.ofNullable(version));
            assertThat(o.support()).isEqualTo(support);
        });
    }

    @org.junit.jupiter.api.Test
    void detectsFromAGlanceImagesNameAndProperties() {
        Image image = Image.builder()
                .id("img-1")
                .name("Featured-RockyLinux9")
                .status(ImageStatus.of("active"))
                .properties(Map.of("os_distro", "rocky", "os_version", "9"))
                .build();

        assertThat(OperatingSystem.detect(image))
                .hasValue(new OperatingSystem("Rocky Linux", Optional.of("9"), OperatingSystem.Support.SUPPORTED));
        assertThat(OperatingSystem.detect(image).orElseThrow().describe())
                .isEqualTo("Exosphere supports launching Rocky Linux 9 instances");
        assertThat(DefaultSshUser.forImage(image)).hasValue("rocky");
    }
}
