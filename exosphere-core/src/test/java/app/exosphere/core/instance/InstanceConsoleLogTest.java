package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.rules.ConsoleLogView;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.JournalEntry;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The web app's console-log page lengths (Exosphere's {@code Page.ServerConsoleLog}) on the simulated Nova. */
class InstanceConsoleLogTest {

    private final CloudSimulator cloud = CloudSimulator.builder()
            .scenario(Scenario.jetstream2())
            .clock(SimulatedClock.accelerated(Instant.parse("2024-01-01T00:00:00Z"), 60))
            .seed(1819)
            .start();

    @AfterEach
    void close() {
        cloud.close();
    }

    private List<String> consoleBodies() {
        return cloud.journal().entries().stream()
                .filter(e -> e.service() == Service.COMPUTE
                        && e.method().equals("POST")
                        && e.requestBody().contains("os-getConsoleOutput"))
                .map(JournalEntry::requestBody)
                .toList();
    }

    private static int lines(String log) {
        return log.split("\r\n", -1).length - 1;
    }

    @Test
    void eachLengthOfTheWebAppsConsolePageAsksNovaForThatManyLinesAndAllAsksForEveryLine() {
        try (Exosphere exo = SimulatedGateway.connect(cloud, s -> s.automaticHostnames(false))) {
            Instance vm =
                    exo.launch(SimulatedGateway.small("i18-console").build()).execute();
            vm.watch().awaitReady(Duration.ofSeconds(120));
            cloud.advance(Duration.ofHours(24)); // a resource-usage line a minute: well over 1000 lines
            cloud.journal().clear();

            assertThat(lines(vm.fetchConsoleLog(ConsoleLogView.Length.LINES_50).execute()))
                    .isEqualTo(50);
            assertThat(lines(vm.fetchConsoleLog(ConsoleLogView.Length.DEFAULT).execute()))
                    .isEqualTo(200);
            assertThat(lines(vm.fetchConsoleLog(ConsoleLogView.Length.LINES_500).execute()))
                    .isEqualTo(500);
            assertThat(lines(
                            vm.fetchConsoleLog(ConsoleLogView.Length.LINES_1000).execute()))
                    .isEqualTo(1000);
            assertThat(lines(vm.fetchConsoleLog(ConsoleLogView.Length.ALL).execute()))
                    .isGreaterThan(1000);

            assertThat(consoleBodies())
                    .containsExactly(
                            "{\"os-getConsoleOutput\":{\"length\":50}}",
                            "{\"os-getConsoleOutput\":{\"length\":200}}",
                            "{\"os-getConsoleOutput\":{\"length\":500}}",
                            "{\"os-getConsoleOutput\":{\"length\":1000}}",
                            "{\"os-getConsoleOutput\":{}}");
        }
    }

    @Test
    void aMissingLengthIsRefusedBeforeAnyRequestSayingWhichIsTheDefault() {
        try (Exosphere exo = SimulatedGateway.connect(cloud, s -> s.automaticHostnames(false))) {
            Instance vm = exo.launch(SimulatedGateway.small("i18-console-null").build())
                    .execute();
            cloud.journal().clear();
            assertThatThrownBy(() ->
                            vm.fetchConsoleLog((ConsoleLogView.Length) null).execute())
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("ConsoleLogView.Length.DEFAULT");
            assertThat(consoleBodies()).isEmpty();
        }
    }
}
