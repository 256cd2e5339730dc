package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.auth.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerOriginTest {

    @Test
    void serverWithoutExosphereMarkersIsNotFromExosphere() {
        ServerOrigin origin = ServerOrigin.read(Map.of("foo", "bar"), List.of());
        assertThat(origin.fromExosphere()).isFalse();
        assertThat(origin.version()).isEmpty();
        assertThat(origin.guacamole()).isEmpty();
        assertThat(origin.floatingIp()).isEqualTo(FloatingIpChoice.none());
    }

    @Test
    void legacyPasswordMetadataMeansVersionZeroAndProvidesThePassphrase() {
        ServerOrigin origin = ServerOrigin.read(Map.of("exouserPassword", "OLD PASS"), List.of());
        assertThat(origin.version()).hasValue(0);
        assertThat(origin.passphrase().map(Secret::reveal)).contains("OLD PASS");
    }

    @Test
    void unparseableVersionWithoutLegacyKeyIsNotFromExosphere() {
        assertThat(ServerOrigin.read(Map.of("exoServerVersion", "six"), List.of())
                        .fromExosphere())
                .isFalse();
    }

    @Test
    void passphraseTagWinsOverLegacyMetadataAndIsNeverPrinted() {
        ServerOrigin origin = ServerOrigin.read(
                Map.of("exoServerVersion", "6", "exouserPassword", "legacy"),
                List.of("other", "exoPw:ABE ACE YOGA YELL A", "exoPw:second"));
        assertThat(origin.passphrase().map(Secret::reveal)).contains("ABE ACE YOGA YELL A");
        assertThat(origin.toString()).doesNotContain("ABE").contains("passphrase=present");
    }

    @ParameterizedTest(name = "exoGuac {0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"v\":1,\"ssh\":true,\"vnc\":false}|true|false",
                "{\"ssh\":true,\"vnc\":true}|true|true",
                "{\"v\":1,\"ssh\":true}|absent|",
                "{\"v\":1,\"ssh\":\"true\",\"vnc\":false}|absent|",
                "not json|absent|"
            })
    void decodesExoGuacRequiringBooleanSshAndVnc(String raw, String ssh, String vnc) {
        ServerOrigin origin = ServerOrigin.read(Map.of("exoServerVersion", "6", "exoGuac", raw), List.of());
        if (ssh.equals("absent")) {
            assertThat(origin.guacamole()).isEmpty();
        } else {
            assertThat(origin.guacamole())
                    .contains(new ServerOrigin.Guacamole(Boolean.parseBoolean(ssh), Boolean.parseBoolean(vnc)));
        }
    }

    @Test
    void workflowNeedsRepoRefAndPathStrings() {
        assertThat(ServerOrigin.read(
                                Map.of(
                                        "exoServerVersion",
                                        "6",
                                        "exoCustomWorkflow",
                                        "{\"v\":1,\"repo\":\"r\",\"ref\":\"x\"}"),
                                List.of())
                        .workflow())
                .isEmpty();
    }
}
