package app.exosphere.core.fuzz;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.config.CloudsYaml;
import app.exosphere.core.error.ConfigurationException;
import app.exosphere.fuzz.Seeds;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of clouds.yaml and secure.yaml reading through the public parse API only
 * ({@link CloudsYaml#parse}, then every cloud it names): a cloud or a {@link ConfigurationException},
 * in under a second.
 */
class CloudsYamlFuzzTest {

    @BeforeAll
    static void warmUp() {
        Seeds.each(
                CloudsYamlFuzzTest.class,
                "cloudsYamlReaderThrowsOnlyConfigurationErrors",
                new CloudsYamlFuzzTest()::cloudsYamlReaderThrowsOnlyConfigurationErrors);
    }

    @Test
    void hundredThousandDeepNestingIsAConfigurationError() {
        String deep = "clouds: " + "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> CloudsYaml.parse(deep, "clouds.yaml")).isInstanceOf(ConfigurationException.class);
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // wall-clock backstop; the limit is 1 s of CPU per input
    void cloudsYamlReaderThrowsOnlyConfigurationErrors(byte[] input) {
        Seeds.withinOneCpuSecond(() -> check(input));
    }

    private void check(byte[] input) {
        String yaml = new String(input, StandardCharsets.UTF_8);
        for (String file : new String[] {"clouds.yaml", "secure.yaml"}) {
            try {
                CloudsYaml clouds = CloudsYaml.parse(yaml, file);
                for (String name : clouds.cloudNames()) {
                    clouds.cloud(name).toString();
                }
            } catch (ConfigurationException expected) {
                // the documented typed error
            }
        }
    }
}
