package app.exosphere.cloudinit.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SetupStatusTest {

    static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z"); // 1704067200000
    static final String CONSOLE = ConsoleScannerTest.specConsole();
    static final String FIRST_SEVEN =
            Arrays.stream(CONSOLE.split("\n")).limit(7).collect(Collectors.joining("\n"));

    static Instant minutes(long m) {
        return CREATED.plus(Duration.ofMinutes(m));
    }

    @Test
    void wholeSpecConsoleEndsComplete() {
        assertThat(SetupStatus.fromConsole(SetupStatus.unknown(), CONSOLE, CREATED, minutes(31)))
                .isEqualTo(SetupStatus.of(SetupState.COMPLETE, 1704069000000L));
    }

    @Test
    void firstSevenLinesAreRunning() {
        assertThat(SetupStatus.fromConsole(SetupStatus.unknown(), FIRST_SEVEN, CREATED, minutes(31)))
                .isEqualTo(SetupStatus.of(SetupState.RUNNING, 1704067220000L));
    }

    @Test
    void runningTimesOutAfterTwoHours() {
        assertThat(SetupStatus.fromConsole(SetupStatus.unknown(), FIRST_SEVEN, CREATED, minutes(121)))
                .isEqualTo(SetupStatus.of(SetupState.TIMEOUT, 1704074460000L));
    }

    @Test
    void emptyConsoleKeepsWaitingUntilTwentyMinutesThenTimesOut() {
        assertThat(SetupStatus.fromConsole(SetupStatus.initial(), "", CREATED, minutes(19)))
                .isEqualTo(SetupStatus.initial());
        assertThat(SetupStatus.fromConsole(SetupStatus.initial(), "", CREATED, minutes(21)))
                .isEqualTo(SetupStatus.of(SetupState.TIMEOUT, 1704068460000L));
    }

    @Test
    void timeoutsAreStrictlyGreaterThan() {
        assertThat(SetupStatus.initial().timedOut(CREATED, minutes(20))).isEqualTo(SetupStatus.initial());
        assertThat(SetupStatus.initial()
                        .timedOut(CREATED, minutes(20).plusMillis(1))
                        .state())
                .isEqualTo(SetupState.TIMEOUT);
        SetupStatus starting = SetupStatus.of(SetupState.STARTING, 5);
        assertThat(starting.timedOut(CREATED, minutes(120))).isEqualTo(starting);
        assertThat(starting.timedOut(CREATED, minutes(120).plusMillis(1)).state())
                .isEqualTo(SetupState.TIMEOUT);
    }

    @Test
    void finishedAndUnknownStatesNeverTimeOut() {
        for (SetupState s :
                new SetupState[] {SetupState.COMPLETE, SetupState.ERROR, SetupState.TIMEOUT, SetupState.UNKNOWN}) {
            assertThat(SetupStatus.of(s).timedOut(CREATED, minutes(100_000))).isEqualTo(SetupStatus.of(s));
        }
    }

    @Test
    void legacyConsoleFieldNameIsUnderstood() {
        assertThat(SetupStatus.fromConsole(SetupStatus.unknown(), "{\"exoSetup\":\"complete\"}", CREATED, minutes(1)))
                .isEqualTo(SetupStatus.of(SetupState.COMPLETE));
    }

    @Test
    void legacyFieldWinsOverStatusAndNonStringFallsThrough() {
        assertThat(SetupStatus.linesIn(
                        "{\"status\":\"running\",\"exoSetup\":\"error\"}\n{\"exoSetup\":1,\"status\":\"running\"}"))
                .containsExactly(SetupStatus.of(SetupState.ERROR), SetupStatus.of(SetupState.RUNNING));
    }

    @Test
    void unrecognisedWordIsUnknownWithItsEpoch() {
        assertThat(SetupStatus.fromConsole(
                        SetupStatus.unknown(), "{\"status\":\"bogus\",\"epoch\":7}", CREATED, minutes(1)))
                .isEqualTo(SetupStatus.of(SetupState.UNKNOWN, 7));
    }

    @Test
    void textBeforeTheJsonIsIgnored() {
        assertThat(SetupStatus.fromConsole(
                        SetupStatus.unknown(),
                        "x {\"status\":\"error\", \"epoch\": 1704070000000}",
                        CREATED,
                        minutes(1)))
                .isEqualTo(SetupStatus.of(SetupState.ERROR, 1704070000000L));
    }

    @Test
    void nonIntegerEpochStillCountsWithoutTimestamp() {
        assertThat(SetupStatus.linesIn(
                        "{\"status\":\"running\",\"epoch\":1.5}\n{\"status\":\"running\",\"epoch\":\"1\"}"))
                .containsExactly(SetupStatus.of(SetupState.RUNNING), SetupStatus.of(SetupState.RUNNING));
    }

    @Test
    void caseMatters() {
        assertThat(SetupState.fromWire("Complete")).isEqualTo(SetupState.UNKNOWN);
        assertThat(SetupState.fromWire(null)).isEqualTo(SetupState.UNKNOWN);
        assertThat(SetupState.lookup("timeout")).contains(SetupState.TIMEOUT);
    }

    @Test
    void completeIsStickyInTheUpdateLoop() {
        SetupStatus complete = SetupStatus.of(SetupState.COMPLETE, 1);
        assertThat(complete.next("{\"status\":\"error\", \"epoch\": 2}", CREATED, minutes(300)))
                .isSameAs(complete);
    }

    @Test
    void errorAndTimeoutAreReDerivedInTheUpdateLoop() {
        assertThat(SetupStatus.of(SetupState.ERROR)
                        .next(CONSOLE, CREATED, minutes(31))
                        .state())
                .isEqualTo(SetupState.COMPLETE);
        assertThat(SetupStatus.of(SetupState.TIMEOUT, 9).next(FIRST_SEVEN, CREATED, minutes(60)))
                .isEqualTo(SetupStatus.of(SetupState.RUNNING, 1704067220000L));
        assertThat(SetupStatus.of(SetupState.ERROR, 9).next("", CREATED, minutes(60)))
                .isEqualTo(SetupStatus.of(SetupState.ERROR, 9));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"status":"waiting","epoch":null}            | WAITING  |
            {"status":"running","epoch":1704067220000}   | RUNNING  | 1704067220000
            {"exoSetup":"complete"}                      | COMPLETE |
            waiting                                      | WAITING  |
            complete                                     | COMPLETE |
            Complete                                     | UNKNOWN  |
            {"foo":1}                                    | UNKNOWN  |
            '{ "status" : "error" , "epoch" : 5 } '      | ERROR    | 5
            """)
    void decodesMetadataValuesIncludingLegacyForms(String value, SetupState state, Long epoch) {
        SetupStatus expected = epoch == null ? SetupStatus.of(state) : SetupStatus.of(state, epoch);
        assertThat(SetupStatus.fromMetadataValue(value)).isEqualTo(expected);
    }

    @Test
    void missingMetadataIsUnknown() {
        assertThat(SetupStatus.fromMetadata(Map.of())).isEqualTo(SetupStatus.unknown());
        assertThat(SetupStatus.fromMetadataValue(null)).isEqualTo(SetupStatus.unknown());
    }

    @Test
    void encodesMetadataCompactly() {
        assertThat(SetupStatus.initial().toMetadataValue()).isEqualTo("{\"status\":\"waiting\",\"epoch\":null}");
        assertThat(SetupStatus.of(SetupState.COMPLETE, 1704069000000L).toMetadataValue())
                .isEqualTo("{\"status\":\"complete\",\"epoch\":1704069000000}");
        for (SetupState s : SetupState.values()) {
            SetupStatus st = SetupStatus.of(s, 42);
            assertThat(SetupStatus.fromMetadataValue(st.toMetadataValue())).isEqualTo(st);
        }
    }

    @Test
    void consoleLineMatchesTheInstanceFormatAndParsesBack() {
        SetupStatus running = SetupStatus.of(SetupState.RUNNING, 1704067220000L);
        assertThat(running.toConsoleLine()).isEqualTo("{\"status\":\"running\", \"epoch\": 1704067220000}");
        assertThat(SetupStatus.linesIn("[   20.000000] " + running.toConsoleLine() + "\r\n"))
                .containsExactly(running);
    }
}
