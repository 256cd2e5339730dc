package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.rules.FloatingIpDecision.Action;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatingIpDecisionTest {

    @Test
    void serverThatAlreadyHasAFloatingIpNeedsNothingWhateverTheIntent() {
        assertThat(FloatingIpDecision.decide(FloatingIpChoice.createNew(), "ACTIVE", true, true, List.of("10.0.0.5"))
                        .action())
                .isEqualTo(Action.NOTHING);
    }

    @Test
    void waitsWhileBuildingOrWithoutPort() {
        assertThat(FloatingIpDecision.decide(FloatingIpChoice.automatic(), "BUILD", true, false, List.of())
                        .action())
                .isEqualTo(Action.WAIT);
        assertThat(FloatingIpDecision.decide(FloatingIpChoice.createNew(), "ACTIVE", false, false, List.of())
                        .action())
                .isEqualTo(Action.WAIT);
    }

    @Test
    void automaticCreatesOnlyWithoutPublicFixedAddress() {
        assertThat(FloatingIpDecision.decide(
                                FloatingIpChoice.automatic(), "ACTIVE", true, false, List.of("10.0.0.5", "fd00::5"))
                        .action())
                .isEqualTo(Action.CREATE);
        assertThat(FloatingIpDecision.decide(
                                FloatingIpChoice.automatic(), "ACTIVE", true, false, List.of("10.0.0.5", "149.165.1.2"))
                        .action())
                .isEqualTo(Action.NOTHING);
    }

    @Test
    void explicitChoicesCreateOrAssignAndNoneNeverActs() {
        assertThat(FloatingIpDecision.decide(
                                FloatingIpChoice.createNew(), "ACTIVE", true, false, List.of("149.165.1.2"))
                        .action())
                .isEqualTo(Action.CREATE);
        FloatingIpDecision assign =
                FloatingIpDecision.decide(FloatingIpChoice.useExisting("fip-9"), "ACTIVE", true, false, List.of());
        assertThat(assign.action()).isEqualTo(Action.ASSIGN_EXISTING);
        assertThat(assign.existingFloatingIpId()).contains("fip-9");
        assertThat(FloatingIpDecision.decide(FloatingIpChoice.none(), "BUILD", false, false, List.of())
                        .action())
                .isEqualTo(Action.NOTHING);
    }

    @Test
    void whileBuildingThePortsFixedIpsDecideAsNovasAddressesDoOnceBuilt() {
        for (List<String> fixed : List.of(List.of("10.0.0.5"), List.of("10.0.0.5", "149.165.1.2"))) {
            for (FloatingIpChoice intent : List.of(
                    FloatingIpChoice.automatic(),
                    FloatingIpChoice.createNew(),
                    FloatingIpChoice.useExisting("fip-9"),
                    FloatingIpChoice.none())) {
                assertThat(FloatingIpDecision.decideWhileBuilding(intent, false, fixed))
                        .as("%s with %s", intent, fixed)
                        .isEqualTo(FloatingIpDecision.decide(intent, "ACTIVE", true, false, fixed));
            }
        }
    }

    @Test
    void whileBuildingAPortWithoutFixedIpWaitsAndOneWithAFloatingIpNeedsNothing() {
        assertThat(FloatingIpDecision.decideWhileBuilding(FloatingIpChoice.createNew(), false, List.of())
                        .action())
                .isEqualTo(Action.WAIT);
        assertThat(FloatingIpDecision.decideWhileBuilding(FloatingIpChoice.none(), false, List.of())
                        .action())
                .isEqualTo(Action.NOTHING);
        assertThat(FloatingIpDecision.decideWhileBuilding(FloatingIpChoice.createNew(), true, List.of("10.0.0.5"))
                        .action())
                .isEqualTo(Action.NOTHING);
    }

    @ParameterizedTest(name = "{0} public={1}")
    // Exosphere's `Helpers.ipv4AddressInRfc1918Space`; 172.32.0.1 deliberately public (its 172/8 quirk fixed)
    @CsvSource({
        "10.1.2.3, false",
        "172.16.0.1, false",
        "172.31.255.255, false",
        "172.32.0.1, true",
        "172.15.0.1, true",
        "192.168.5.5, false",
        "192.169.1.1, true",
        "100.64.0.1, true",
        "2001:db8::1, false",
        "256.1.1.1, false",
        "1.2.3, false"
    })
    void classifiesPublicIpv4(String ip, boolean expected) {
        assertThat(FloatingIpDecision.isPublicIpv4(ip)).isEqualTo(expected);
    }
}
