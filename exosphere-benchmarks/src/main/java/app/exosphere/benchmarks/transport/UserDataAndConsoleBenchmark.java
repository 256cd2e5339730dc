package app.exosphere.benchmarks.transport;

import app.exosphere.cloudinit.RenderedUserData;
import app.exosphere.cloudinit.UserDataOptions;
import app.exosphere.cloudinit.WorkflowContribution;
import app.exosphere.cloudinit.console.InstanceConsoleLines;
import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.ResourceUsagePoint;
import app.exosphere.cloudinit.console.SetupState;
import app.exosphere.cloudinit.console.SetupStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure work of a launch and of a status poll: rendering Exosphere's user data (four-part MIME,
 * Base64) and reading a console log of a day-old instance (≈ 1,500 lines: a resource-usage line every
 * minute, cloud-init noise, setup status lines) for its setup status and resource-usage samples.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class UserDataAndConsoleBenchmark {
    private static final Instant BOOT = Instant.parse("2026-01-05T10:00:00Z");

    private UserDataOptions options;
    private String console;

    @Setup
    public void prepare() {
        options = UserDataOptions.builder()
                .addSshPublicKeys("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBenchmarkKeyBenchmarkKeyBenchmarkKey0 bench")
                .desktop(true)
                .workflow(WorkflowContribution.of("https://github.com/binder-examples/requirements", "main"))
                .build();
        StringBuilder log = new StringBuilder();
        log.append("[    5.012345] cloud-init[812]: Cloud-init v. 23.4 running 'init-local'\n");
        log.append(InstanceConsoleLines.kernelPrefix(12.5))
                .append(InstanceConsoleLines.setupStatus(SetupState.STARTING, BOOT.plusSeconds(12)))
                .append('\n');
        log.append(InstanceConsoleLines.kernelPrefix(20))
                .append(InstanceConsoleLines.setupStatus(SetupState.RUNNING, BOOT.plusSeconds(20)))
                .append('\n');
        for (int minute = 1; minute <= 1440; minute++) {
            if (minute % 7 == 0) {
                log.append(InstanceConsoleLines.kernelPrefix(minute * 60.0))
                        .append("systemd[1]: Started Session ")
                        .append(minute)
                        .append(" of user exouser.\n");
            }
            if (minute == 15) {
                log.append(InstanceConsoleLines.guacamoleDeployed()).append('\n');
                log.append(InstanceConsoleLines.kernelPrefix(minute * 60.0))
                        .append(InstanceConsoleLines.setupStatus(SetupState.COMPLETE, BOOT.plusSeconds(minute * 60L)))
                        .append('\n');
            }
            log.append(InstanceConsoleLines.resourceUsage(
                            ResourceUsagePoint.of(minute % 100, 20 + minute % 50, 11), BOOT.plusSeconds(minute * 60L)))
                    .append('\n');
        }
        console = log.toString();
    }

    @Benchmark
    public RenderedUserData renderUserData() {
        return options.render();
    }

    @Benchmark
    public SetupStatus setupStatusFromConsole() {
        return SetupStatus.fromConsole(SetupStatus.initial(), console, BOOT, BOOT.plus(Duration.ofDays(1)));
    }

    @Benchmark
    public List<Map.Entry<Long, ResourceUsagePoint>> resourceUsageFromConsole() {
        return ResourceUsageHistory.samplesIn(console);
    }
}
