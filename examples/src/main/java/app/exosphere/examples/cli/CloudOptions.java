package app.exosphere.examples.cli;

import app.exosphere.examples.CloudSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The {@code --cloud NAME | --simulated} choice (and {@code --region}) of every command that talks to a
 * cloud, with the {@code openstack} CLI's spellings {@code --os-cloud} and {@code --os-region-name} (also
 * accepted before the command: {@code exosphere --os-cloud js2 list}).
 * Without a cloud, {@code OS_CLOUD} names it; without a region, {@code OS_REGION_NAME}, else the entry's
 * default region (the first of its {@code regions}, else its {@code region_name}).
 *
 * <pre>{@code
 * @Mixin CloudOptions cloud;
 * try (CloudSession session = cloud.open(cli())) { ... }
 * }</pre>
 */
final class CloudOptions {

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    @Option(
            names = {"--region", "--os-region-name"},
            paramLabel = "REGION",
            description = "The region of the cloud (default: $OS_REGION_NAME, else the cloud's first region).")
    String region;

    static final class Choice {
        @Option(
                names = {"--cloud", "--os-cloud"},
                paramLabel = "NAME",
                description = "A cloud from clouds.yaml (default: $OS_CLOUD).")
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
        return CloudSession.cloud(cli.cloudsYaml(), cloudName(cli), regionName(cli));
    }

    /** The cloud chosen with {@code --cloud} or {@code OS_CLOUD}. */
    String cloudName(ExosphereCli cli) {
        String name = choice != null ? choice.cloud : cli.cloud() != null ? cli.cloud() : cli.env("OS_CLOUD");
        if (name == null || name.isBlank()) {
            throw new CliFailure(
                    ExosphereCli.EXIT_USAGE,
                    "no-cloud",
                    "no cloud chosen: pass --cloud NAME (from clouds.yaml), set OS_CLOUD, or try --simulated");
        }
        return name;
    }

    /** The region chosen with {@code --region} or {@code OS_REGION_NAME}, or null for the default. */
    String regionName(ExosphereCli cli) {
        String r = region != null ? region : cli.region() != null ? cli.region() : cli.env("OS_REGION_NAME");
        return r == null || r.isBlank() ? null : r;
    }

    boolean simulated() {
        return choice != null && choice.simulated;
    }
}
