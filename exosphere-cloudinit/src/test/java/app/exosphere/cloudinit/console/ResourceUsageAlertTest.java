package app.exosphere.cloudinit.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.cloudinit.console.ResourceUsageAlert.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceUsageAlertTest {

    @Test
    void specPointRaisesDiskMemoryAndCpuAlertsInOrder() {
        assertThat(ResourceUsageAlert.forPoint(new ResourceUsagePoint(98, 96, 91, List.of(12, 0))))
                .containsExactly(
                        new ResourceUsageAlert(
                                Level.WARNING, "Root disk is nearly full. Be careful not to use up all the space."),
                        new ResourceUsageAlert(Level.WARNING, "Available memory (RAM) is nearly exhausted."),
                        new ResourceUsageAlert(Level.INFO, "CPU usage is high."));
    }

    @Test
    void thresholdsAreStrict() {
        assertThat(ResourceUsageAlert.forPoint(ResourceUsagePoint.of(95, 95, 90)))
                .isEmpty();
        assertThat(ResourceUsageAlert.forPoint(ResourceUsagePoint.of(0, 0, 95)))
                .extracting(ResourceUsageAlert::level)
                .containsExactly(Level.WARNING);
        assertThat(ResourceUsageAlert.forPoint(ResourceUsagePoint.of(0, 0, 96)))
                .containsExactly(new ResourceUsageAlert(
                        Level.DANGER,
                        "Root disk is full! Please free some space now, else instance will stop working."));
    }

    @Test
    void gpuNeverAlerts() {
        assertThat(ResourceUsageAlert.forPoint(new ResourceUsagePoint(0, 0, 0, List.of(100, 100))))
                .isEmpty();
    }

    @Test
    void usesNewestPointOfTheLastHourOnly() {
        ResourceUsageHistory h = ResourceUsageHistory.empty().merge(ConsoleScannerTest.specConsole());
        Instant newest = Instant.ofEpochMilli(1704067380000L);
        assertThat(ResourceUsageAlert.forHistory(h, newest.plus(Duration.ofMinutes(59))))
                .isEmpty(); // 5/20/11
        ResourceUsageHistory hot = h.merge(new ResourceUsagePoint(98, 96, 91, List.of()).toConsoleLine(1704067440L));
        assertThat(ResourceUsageAlert.forHistory(hot, newest.plus(Duration.ofMinutes(59))))
                .hasSize(3);
        assertThat(ResourceUsageAlert.forHistory(
                        hot, Instant.ofEpochMilli(1704067440000L).plus(Duration.ofMinutes(60))))
                .isEmpty();
        assertThat(ResourceUsageAlert.forHistory(ResourceUsageHistory.empty(), newest))
                .isEmpty();
    }
}
