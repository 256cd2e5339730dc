package app.exosphere.cloudinit.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VolumeMountpointTest {

    static final ExoServerVersion V4 = new ExoServerVersion(4);
    static final ExoServerVersion V5 = new ExoServerVersion(5);
    static final ExoServerVersion V6 = new ExoServerVersion(6);

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
    }

    @Test
    void theWebAppShowsNoMountpointForAnUnnamedVolumeOnANamedMountpointServer() {
        // Page.ServerDetail: Maybe.withDefault "Could not determine" (v.name |> andThen volNameToMountpoint)
        assertThat(VolumeMountpoint.of(V6, null, "/dev/sdb")).isEmpty();
        assertThat(VolumeMountpoint.of(V5, null, "/dev/sdb")).isEmpty();
    }

    @Test
    void theWebAppShowsTheBareRootForAnEmptyVolumeName() {
        assertThat(VolumeMountpoint.of(V6, "", "/dev/sdb")).contains("/media/volume/");
    }

    @Test
    void theInstanceFallsBackToTheDeviceNameOnlyWhenNoNameReachedIt() {
        assertThat(VolumeMountpoint.onInstance(null, "/dev/sdb")).contains("/media/volume/sdb");
        assertThat(VolumeMountpoint.onInstance("My data!", "/dev/sdb")).contains("/media/volume/My-data-");
        assertThat(VolumeMountpoint.onInstance("", "/dev/sdb")).contains("/media/volume");
        assertThat(VolumeMountpoint.onInstance(null, null)).isEmpty();
    }

    @Test
    void exosphereDisplaysAsciiWordsWhileTheInstanceKeepsUnicodeLetters() {
        assertThat(VolumeMountpoint.sanitize("café data")).isEqualTo("caf-data");
        assertThat(VolumeMountpoint.sanitizeAsInstance("café data")).isEqualTo("café-data");
        assertThat(VolumeMountpoint.sanitizeAsInstance("My data!")).isEqualTo(VolumeMountpoint.sanitize("My data!"));
    }

    @Test
    void theInstanceSanitisesWithPythonUnicodeWordCharacters() {
        // numbers of every kind are word characters in Python's re: ½ (No) and ² (No) stay
        assertThat(VolumeMountpoint.sanitizeAsInstance("vol½")).isEqualTo("vol½");
        assertThat(VolumeMountpoint.sanitizeAsInstance("x²")).isEqualTo("x²");
        // a combining mark is not: e + U+0301 + x
        assertThat(VolumeMountpoint.sanitizeAsInstance("e\u0301x")).isEqualTo("e-x");
        // nor is connector punctuation other than '_' (U+203F undertie)
        assertThat(VolumeMountpoint.sanitizeAsInstance("a\u203Fb")).isEqualTo("a-b");
        assertThat(VolumeMountpoint.sanitizeAsInstance("Ⅻ_日本")).isEqualTo("Ⅻ_日本");
    }
}
