package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.InvalidLaunchRequestException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerNameTest {

    static Stream<Arguments> specVectors() {
        // Exosphere's `ServerNameValidator.serverNameValidator`
        return Stream.of(
                Arguments.of("my-server", List.of()),
                Arguments.of("", List.of("Instance name must not be empty")),
                Arguments.of(
                        " bad-",
                        List.of(
                                "Instance name must not start with a space",
                                "Instance name must not end with a hyphen")),
                Arguments.of(
                        "héllo",
                        List.of(
                                "Instance name must only include alphanumeric characters, hyphen, underscore and space")),
                Arguments.of("a".repeat(254), List.of()),
                Arguments.of("a".repeat(255), List.of("Instance name must be less than 255 characters long")),
                Arguments.of("ok_name 2", List.of()),
                Arguments.of(
                        "x.y",
                        List.of(
                                "Instance name must only include alphanumeric characters, hyphen, underscore and space")),
                Arguments.of("trailing ", List.of("Instance name must not end with a space")));
    }

    @ParameterizedTest
    @MethodSource("specVectors")
    void reportsBrokenRulesInExosphereOrderAndWording(String name, List<String> expected) {
        assertThat(ServerName.problems(name)).isEqualTo(expected);
        assertThat(ServerName.isValid(name)).isEqualTo(expected.isEmpty());
    }

    @Test
    void titleCasesTheLocalizedNoun() {
        assertThat(ServerName.problems("", "virtual machine"))
                .containsExactly("Virtual Machine name must not be empty");
    }

    @Test
    void requireValidNamesEveryBrokenRuleInTheException() {
        assertThatThrownBy(() -> ServerName.requireValid(" bad-"))
                .isInstanceOf(InvalidLaunchRequestException.class)
                .hasMessageContaining("not start with a space")
                .hasMessageContaining("not end with a hyphen");
        assertThat(ServerName.requireValid("web")).isEqualTo("web");
    }

    @Test
    void numbersMultipleInstancesLikeExosphere() {
        assertThat(ServerName.numbered("web", 1, 1)).isEqualTo("web");
        assertThat(ServerName.numbered("web", 1, 3)).isEqualTo("web 1 of 3");
        assertThat(ServerName.numbered("web", 3, 3)).isEqualTo("web 3 of 3");
        assertThatThrownBy(() -> ServerName.numbered("web", 4, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
