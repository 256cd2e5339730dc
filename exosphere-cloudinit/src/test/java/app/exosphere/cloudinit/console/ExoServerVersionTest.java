package app.exosphere.cloudinit.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExoServerVersionTest {

    @Test
    void readsVersionFromMetadata() {
        assertThat(ExoServerVersion.fromMetadata(Map.of("exoServerVersion", "6")))
                .contains(ExoServerVersion.current());
        assertThat(ExoServerVersion.fromMetadata(Map.of("exoServerVersion", "x", "exouserPassword", "p")))
                .contains(new ExoServerVersion(0));
        assertThat(ExoServerVersion.fromMetadata(Map.of("exouserPassword", "p")))
                .contains(new ExoServerVersion(0));
        assertThat(ExoServerVersion.fromMetadata(Map.of("exoServerVersion", "x")))
                .isEmpty();
        assertThat(ExoServerVersion.fromMetadata(Map.of())).isEmpty();
    }

    @Test
    void gatesFeaturesAtTheDocumentedVersions() {
        ExoServerVersion v0 = new ExoServerVersion(0),
                v1 = new ExoServerVersion(1),
                v2 = new ExoServerVersion(2),
                v3 = new ExoServerVersion(3),
                v4 = new ExoServerVersion(4),
                v5 = new ExoServerVersion(5),
                v6 = new ExoServerVersion(6);
        assertThat(v0.hasLegacyPassphraseMetadata()).isTrue();
        assertThat(v1.hasLegacyPassphraseMetadata()).isFalse();
        assertThat(v0.passphraseViaServerPassword()).isFalse();
        assertThat(v1.passphraseViaServerPassword()).isTrue();
        assertThat(v1.reportsResourceUsage()).isFalse();
        assertThat(v2.reportsResourceUsage()).isTrue();
        assertThat(v2.supportsGuacamole()).isFalse();
        assertThat(v3.supportsGuacamole()).isTrue();
        assertThat(v3.reportsSetupStatus()).isFalse();
        assertThat(v4.reportsSetupStatus()).isTrue();
        assertThat(v4.namedMountpoints()).isFalse();
        assertThat(v5.namedMountpoints()).isTrue();
        assertThat(v5.volumeNamesInMetadata()).isTrue();
        assertThat(v6.volumeNamesInMetadata()).isFalse();
        assertThat(v5.volumeNameInDeviceTag()).isFalse();
        assertThat(v6.volumeNameInDeviceTag()).isTrue();
        assertThat(v6.toMetadataValue()).isEqualTo("6");
        assertThat(v4).isLessThan(v5);
    }

    @Test
    void rejectsNegativeVersions() {
        assertThatThrownBy(() -> new ExoServerVersion(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
