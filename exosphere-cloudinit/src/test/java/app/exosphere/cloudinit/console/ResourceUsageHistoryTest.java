package app.exosphere.cloudinit.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceUsageHistoryTest {

    static final String CONSOLE = ConsoleScannerTest.specConsole();

    @Test
    void parsesSpecConsoleIntoThreePoints() {
        ResourceUsageHistory h = ResourceUsageHistory.empty().merge(CONSOLE);
        assertThat(h.timeSeries())
                .containsExactly(
                        entry(1704067260000L, new ResourceUsagePoint(7, 21, 11, List.of())),
                        entry(1704067320000L, new ResourceUsagePoint(98, 96, 91, List.of(12, 0))),
                        entry(1704067380000L, new ResourceUsagePoint(5, 20, 11, List.of(33))));
        assertThat(h.pollingStrikes()).isZero();
        assertThat(h.gpuCount()).isEqualTo(2);
    }

    @Test
    void mergingTheSameTextAgainCountsAStrike() {
        ResourceUsageHistory once = ResourceUsageHistory.empty().merge(CONSOLE);
        ResourceUsageHistory twice = once.merge(CONSOLE);
        assertThat(twice.timeSeries()).isEqualTo(once.timeSeries());
        assertThat(twice.pollingStrikes()).isEqualTo(1);
        assertThat(twice.merge("").pollingStrikes()).isEqualTo(2);
        assertThat(twice.merge(ResourceUsagePoint.of(1, 2, 3).toConsoleLine(1704067500L))
                        .pollingStrikes())
                .isZero();
    }

    @Test
    void mergingAnEmptyLogIntoAnEmptyHistoryIsAStrike() {
        assertThat(ResourceUsageHistory.empty().merge("").pollingStrikes()).isEqualTo(1);
    }

    @Test
    void laterSampleWithSameEpochOverwritesAndNothingIsRemoved() {
        ResourceUsageHistory h = ResourceUsageHistory.empty()
                .merge("{\"epoch\": 10, \"cpuPctUsed\": 1, \"memPctUsed\": 1, \"rootfsPctUsed\": 1}\n"
                        + "{\"epoch\": 10, \"cpuPctUsed\": 2, \"memPctUsed\": 2, \"rootfsPctUsed\": 2}")
                .merge("{\"epoch\": 20, \"cpuPctUsed\": 3, \"memPctUsed\": 3, \"rootfsPctUsed\": 3}");
        assertThat(h.timeSeries())
                .containsExactly(
                        entry(10_000L, ResourceUsagePoint.of(2, 2, 2)), entry(20_000L, ResourceUsagePoint.of(3, 3, 3)));
    }

    @Test
    void rejectsMalformedSamples() {
        String bad = String.join(
                "\n",
                "{\"epoch\": 1, \"cpuPctUsed\": 5, \"memPctUsed\": 20} ",
                "{\"epoch\": 2, \"cpuPctUsed\": 5, \"memPctUsed\": 20, \"rootfsPctUsed\": 1} trailing",
                "{\"epoch\": 3, \"cpuPctUsed\": 5.5, \"memPctUsed\": 20, \"rootfsPctUsed\": 1}",
                "{\"epoch\": 4, \"cpuPctUsed\": 5, \"memPctUsed\": 20, \"rootfsPctUsed\": 1, \"gpuPctUsed\": \"x\"}",
                "{\"epoch\": 5, \"cpuPctUsed\": 5, \"memPctUsed\": 20, \"rootfsPctUsed\": 1, \"gpuPctUsed\": [1, null]}",
                "{\"epoch\": \"6\", \"cpuPctUsed\": 5, \"memPctUsed\": 20, \"rootfsPctUsed\": 1}");
        assertThat(ResourceUsageHistory.samplesIn(bad)).isEmpty();
    }

    @Test
    void acceptsKernelPrefixCarriageReturnExtraFieldsAndExponentIntegers() {
        String ok =
                "[ 2915.727779] {\"epoch\": 1e3, \"cpuPctUsed\": 5, \"memPctUsed\": 20, \"rootfsPctUsed\": 1, \"x\": {}} \r";
        assertThat(ResourceUsageHistory.samplesIn(ok))
                .containsExactly(Map.entry(1_000_000L, ResourceUsagePoint.of(5, 20, 1)));
    }

    @Test
    void recentKeepsKeysStrictlyAfterTheWindowStart() {
        ResourceUsageHistory h = ResourceUsageHistory.empty().merge(CONSOLE);
        Instant now = Instant.ofEpochMilli(1704067320000L).plus(Duration.ofMinutes(30));
        assertThat(h.recent(now, ResourceUsageHistory.CHART_WINDOW).keySet()).containsExactly(1704067380000L);
        assertThat(h.recent(now.minusMillis(1), ResourceUsageHistory.CHART_WINDOW)
                        .keySet())
                .containsExactly(1704067320000L, 1704067380000L);
    }

    @Test
    void pointRoundTripsThroughItsConsoleLine() {
        ResourceUsagePoint p = new ResourceUsagePoint(98, 96, 91, List.of(12, 0));
        assertThat(p.toConsoleLine(1704067320L))
                .isEqualTo("{\"epoch\": 1704067320, \"cpuPctUsed\": 98, \"memPctUsed\": 96, \"rootfsPctUsed\": 91,"
                        + " \"gpuPctUsed\": [12, 0]}");
        assertThat(ResourceUsageHistory.samplesIn(p.toConsoleLine(1704067320L)))
                .containsExactly(Map.entry(1704067320000L, p));
        assertThat(ResourceUsagePoint.of(1, 2, 3).toConsoleLine(5)).endsWith("\"gpuPctUsed\": null}");
    }

    @Test
    void asksForTheWholeLogWhileYoungOrAfterAStrike() {
        Instant created = Instant.parse("2024-01-01T00:00:00Z");
        ResourceUsageHistory fresh = ResourceUsageHistory.empty().merge(CONSOLE);
        assertThat(fresh.linesToRequest(created, created.plus(Duration.ofMinutes(29))))
                .isEmpty();
        assertThat(fresh.linesToRequest(created, created.plus(Duration.ofMinutes(31))))
                .hasValue(10);
        assertThat(fresh.merge(CONSOLE).linesToRequest(created, created.plus(Duration.ofMinutes(31))))
                .isEmpty();
    }
}
