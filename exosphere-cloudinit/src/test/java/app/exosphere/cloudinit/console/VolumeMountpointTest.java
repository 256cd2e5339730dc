package app.exosphere.cloudinit.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VolumeMountpointTest {

    static final ExoServerVersion V4 = new ExoServerVersion(4);
    static final ExoServerVersion V5 = new ExoServerVersion(5);

    @Test
    void versionFiveAndLaterUseTheSanitizedName() {
        assertThat(VolumeMountpoint.of(V5, "My data!", "/dev/sdb")).contains("/media/volume/My-data-");
        assertThat(VolumeMountpoint.of(ExoServerVersion.current(), "results_2024", null))
                .contains("/media/volume/results_2024");
        assertThat(VolumeMountpoint.of(V5, "a  / b..c", null)).contains("/media/volume/a-b-c");
    }

    @Test
    void olderVersionsUseTheDeviceName() {
        assertThat(VolumeMountpoint.of(V4, "My data", "/dev/sdc")).contains("/media/volume/sdc");
        assertThat(VolumeMountpoint.of(V4, "My data", null)).isEmpty();
        assertThat(VolumeMountpoint.of(V5, "", "/dev/vdb")).contains("/media/volume/vdb");
    }

    @Test
    void exosphereDisplaysAsciiWordsWhileTheInstanceKeepsUnicodeLetters() {
        assertThat(VolumeMountpoint.sanitize("café data")).isEqualTo("caf-data");
        assertThat(VolumeMountpoint.sanitizeAsInstance("café data")).isEqualTo("café-data");
        assertThat(VolumeMountpoint.sanitizeAsInstance("My data!")).isEqualTo(VolumeMountpoint.sanitize("My data!"));
    }
}
