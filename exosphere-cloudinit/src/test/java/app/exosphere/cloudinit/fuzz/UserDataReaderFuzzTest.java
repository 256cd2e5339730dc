package app.exosphere.cloudinit.fuzz;

import app.exosphere.cloudinit.ParsedUserData;
import app.exosphere.cloudinit.UserData;
import app.exosphere.cloudinit.UserDataException;
import app.exosphere.fuzz.Seeds;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the user-data reader (gzip, MIME multipart, cloud-init part typing and
 * Exosphere recognition). Regression mode replays {@code UserDataReaderFuzzTestInputs/} in
 * {@code mvn verify}; {@code JAZZER_FUZZ=1} fuzzes. Only {@link UserDataException}s may escape, and no
 * input may take longer than a second.
 */
class UserDataReaderFuzzTest {

    @BeforeAll
    static void warmUp() {
        Seeds.each(
                UserDataReaderFuzzTest.class,
                "userDataReaderThrowsOnlyTypedUserDataErrors",
                new UserDataReaderFuzzTest()::userDataReaderThrowsOnlyTypedUserDataErrors);
    }

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS) // wall-clock backstop; the limit is 1 s of CPU per input
    void userDataReaderThrowsOnlyTypedUserDataErrors(byte[] input) {
        Seeds.withinOneCpuSecond(() -> check(input));
    }

    private void check(byte[] input) {
        try {
            ParsedUserData parsed = UserData.parse(input);
            parsed.cloudConfig();
            parsed.scripts();
            parsed.recogniseExosphere();
            parsed.parts().forEach(p -> p.toString().length());
            UserData.parseBase64(new String(input, StandardCharsets.ISO_8859_1));
        } catch (UserDataException expected) {
            // the documented typed error for broken user data
        }
    }
}
