package app.exosphere.core.fuzz;

import app.exosphere.core.config.OpenRc;
import app.exosphere.core.error.ConfigurationException;
import app.exosphere.fuzz.Seeds;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the OpenRC reader: any text is read without executing anything; only a
 * {@link ConfigurationException} may escape (turning it into a cloud), in under a second.
 */
class OpenRcFuzzTest {

    @BeforeAll
    static void warmUp() {
        Seeds.each(
                OpenRcFuzzTest.class,
                "openRcReaderThrowsOnlyConfigurationErrors",
                new OpenRcFuzzTest()::openRcReaderThrowsOnlyConfigurationErrors);
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // wall-clock backstop; the limit is 1 s of CPU per input
    void openRcReaderThrowsOnlyConfigurationErrors(byte[] input) {
        Seeds.withinOneCpuSecond(() -> check(input));
    }

    private void check(byte[] input) {
        OpenRc rc = OpenRc.parse(new String(input, StandardCharsets.UTF_8), "openrc.sh");
        rc.variables();
        rc.authUrl();
        rc.userDomain();
        rc.password();
        rc.toString();
        try {
            rc.toCloudConfig("fuzz").toString();
        } catch (ConfigurationException expected) {
            // the documented typed error
        }
    }
}
