package app.exosphere.examples.cli;

import app.exosphere.examples.CloudSession;
import app.exosphere.examples.LaunchOptions;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exosphere quickstart}: the whole product in one command, no cloud account needed — launches an
 * instance with web shell, desktop and a Binder workflow on the simulated cloud, follows it from building
 * to ready, and prints its interactions.
 *
 * <pre>{@code
 * ./exosphere quickstart
 * }</pre>
 */
@Command(
        name = "quickstart",
        mixinStandardHelpOptions = true,
        description = {
            "Launch a demo instance and print its web shell, desktop, SSH and workflow URLs.",
            "The instance (web shell, desktop, RStudio workflow) runs on the simulated cloud (or --cloud NAME);",
            "the command follows it from building to ready."
        })
final class QuickstartCommand extends CliCommand {

    /** The demo workflow: Binder's R + Python example, opened in RStudio. */
    static final String DEMO_REPOSITORY = "https://github.com/binder-examples/r_with_python";

    @Option(names = "--cloud", paramLabel = "NAME", description = "Use a real cloud from clouds.yaml instead.")
    String cloudName;

    @Option(
            names = "--name",
            paramLabel = "N",
            defaultValue = "demo",
            description = "The instance name (default demo).")
    String name;

    @Override
    protected int run() {
        LaunchOptions options = LaunchOptions.builder()
                .name(name)
                .desktop(true)
                .workflowRepository(DEMO_REPOSITORY)
                .workflowPath("rstudio")
                .build();
        try (CloudSession session = cli().sessions() != null
                ? cli().sessions().get()
                : cloudName == null ? CloudSession.simulated() : CloudSession.cloud(cloudName)) {
            return LaunchCommand.launch(this, session, options, true, Duration.ofMinutes(60));
        }
    }
}
