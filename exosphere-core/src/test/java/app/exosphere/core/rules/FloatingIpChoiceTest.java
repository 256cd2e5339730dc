package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.InvalidLaunchRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FloatingIpChoiceTest {

    @ParameterizedTest(name = "option={0} reuse={1} → {2}")
    // Exosphere's `Helpers.decodeFloatingIpOption`
    @CsvSource(
            nullValues = "null",
            value = {
                "null, null, NONE",
                "useFloatingIp, null, CREATE_NEW",
                "useFloatingIp, create, CREATE_NEW",
                "useFloatingIp, 9d1c-uuid, USE_EXISTING(9d1c-uuid)",
                "automatic, null, AUTOMATIC",
                "doNotUseFloatingIp, null, NONE",
                "somethingElse, null, AUTOMATIC",
                "Automatic, null, AUTOMATIC"
            })
    void decodesMetadataLikeExosphere(String option, String reuse, String expected) {
        assertThat(FloatingIpChoice.fromMetadata(option, reuse).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {"AUTOMATIC, automatic, null", "NONE, doNotUseFloatingIp, null", "CREATE_NEW, useFloatingIp, create"
            })
    void encodesOptionAndReuseValues(FloatingIpChoice.Kind kind, String option, String reuse) {
        FloatingIpChoice choice =
                switch (kind) {
                    case AUTOMATIC -> FloatingIpChoice.automatic();
                    case NONE -> FloatingIpChoice.none();
                    default -> FloatingIpChoice.createNew();
                };
        assertThat(choice.optionValue()).isEqualTo(option);
        assertThat(choice.reuseOptionValue().orElse(null)).isEqualTo(reuse);
        assertThat(FloatingIpChoice.fromMetadata(option, reuse)).isEqualTo(choice);
    }

    @org.junit.jupiter.api.Test
    void useExistingRefusesBlankAndTheCreateWord() {
        assertThatThrownBy(() -> FloatingIpChoice.useExisting(" ")).isInstanceOf(InvalidLaunchRequestException.class);
        assertThatThrownBy(() -> FloatingIpChoice.useExisting("create")).hasMessageContaining("createNew()");
    }
}
