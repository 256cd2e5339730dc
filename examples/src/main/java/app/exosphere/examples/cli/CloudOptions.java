package app.exosphere.examples.cli;

import app.exosphere.examples.CloudSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The {@code --cloud NAME | --simulated} choice of every command that talks to a cloud. Without either,
 * {@code OS_CLOUD} names the cloud; without that, the command fails and says what to pass.
 *
 * <pre>{@code
 * @Mixin CloudOptions cloud;
 * try (CloudSession session = cloud.open(cli())) { ... }
 * }</pre>
 */
final class CloudOptions {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    static final class Choice {
        @Option(names = "--cloud", paramLabel = "NAME", description = "A cloud from clouds.yaml (default: $OS_CLOUD).")
        String cloud;

        @Option(
                names = "--simulated",
                description = "The simulated cloud of exosphere-testkit, in process (accelerated clock, no account).")
        boolean simulated;
    }

    /** Opens the session; close it when done. */
    CloudSession open(ExosphereCli cli) {
        if (cli.sessions() != null) {
            return cli.sessions().get();
        }
        if (choice != null && choice.simulated) {
            return CloudSession.simulated();
        }
        String name = choice != null ? choice.cloud : System.getenv("OS_CLOUD");
        if (name == null || name.isBlank()) {
            throw new CliFailure(
                    ExosphereCli.EXIT_USAGE,
                    "no-cloud",
                    "no cloud chosen: pass --cloud NAME (from clouds.yaml), set OS_CLOUD, or try --simulated");
        }
        return CloudSession.cloud(name);
    }

    boolean simulated() {
        return choice != null && choice.simulated;
    }
}
