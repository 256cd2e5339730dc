package app.exosphere.core.fuzz;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.config.ExosphereCloudConfigs;
import app.exosphere.core.config.ExosphereConfigs;
import app.exosphere.core.error.ConfigurationException;
import app.exosphere.fuzz.Seeds;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of Exosphere's {@code cloud_configs.js} and {@code config.js} readers (the
 * JavaScript-literal parser and the upstream decoders' rules): a configuration or a
 * {@link ConfigurationException}, in under a second.
 */
class ExosphereConfigsFuzzTest {

    @BeforeAll
    static void warmUp() {
        Seeds.each(
                ExosphereConfigsFuzzTest.class,
                "exosphereConfigReadersThrowOnlyConfigurationErrors",
                new ExosphereConfigsFuzzTest()::exosphereConfigReadersThrowOnlyConfigurationErrors);
    }

    @Test
    void hundredThousandDeepNestingIsAConfigurationError() {
        String deep = "var cloud_configs = {clouds: " + "[".repeat(100_000) + "]".repeat(100_000) + "};";

        assertThatThrownBy(() -> ExosphereCloudConfigs.parse(deep, "cloud_configs.js"))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> ExosphereConfigs.parseConfig(deep.replace("cloud_configs", "config"), "config.js"))
                .isInstanceOf(ConfigurationException.class);
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // wall-clock backstop; the limit is 1 s of CPU per input
    void exosphereConfigReadersThrowOnlyConfigurationErrors(byte[] input) {
        Seeds.withinOneCpuSecond(() -> check(input));
    }

    private void check(byte[] input) {
        String js = new String(input, StandardCharsets.UTF_8);
        try {
            ExosphereCloudConfigs clouds = ExosphereCloudConfigs.parse(js, "cloud_configs.js");
            clouds.clouds().forEach(c -> c.toString());
            clouds.uapCatalog();
        } catch (ConfigurationException expected) {
            // the documented typed error
        }
        try {
            ExosphereConfigs.parseConfig(js, "config.js").toString();
        } catch (ConfigurationException expected) {
            // the documented typed error
        }
    }
}
