package app.exosphere.uap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.fuzz.Seeds;
import app.exosphere.uap.InvalidUapValueException;
import app.exosphere.uap.UapCatalog;
import app.exosphere.uap.UapTarget;
import app.exosphere.uap.UapUrl;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of UAP URL parse-back ({@link UapTarget#parseRequestHost}, the Keystone
 * hostname of a URL). Only {@link InvalidUapValueException} may escape; whatever parses back builds
 * the same request host again.
 */
class UapUrlParseBackFuzzTest {
    private static final String UAP = "proxy-js2-iu.exosphere.app";

    @BeforeAll
    static void warmUp() {
        UapTarget.parseRequestHost(UAP, "http-149-165-0-5-49528." + UAP);
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // wall-clock backstop; the limit is 1 s of CPU per input
    void parseBackThrowsOnlyTypedErrorsAndRoundTrips(FuzzedDataProvider data) {
        Seeds.withinOneCpuSecond(() -> check(data));
    }

    private void check(FuzzedDataProvider data) {
        String uap = data.consumeBoolean() ? UAP : data.consumeString(80);
        String requestHost = data.consumeRemainingAsString();
        UapCatalog.keystoneHostname(requestHost);
        UapTarget target;
        try {
            target = UapTarget.parseRequestHost(uap, requestHost);
        } catch (InvalidUapValueException expected) {
            return;
        }
        String rebuilt = UapUrl.of(uap, target, "/").toUriString();
        String host = rebuilt.substring(rebuilt.indexOf("://") + 3, rebuilt.indexOf('/', rebuilt.indexOf("://") + 3));
        assertThat(UapTarget.parseRequestHost(uap, host)).isEqualTo(target);
    }
}
