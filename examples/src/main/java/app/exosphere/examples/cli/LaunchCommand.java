package app.exosphere.examples.cli;

import app.exosphere.core.compute.Server;
import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.core.rules.FloatingIpChoice;
import app.exosphere.core.rules.Interactions;
import app.exosphere.examples.CloudSession;
import app.exosphere.examples.LaunchOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code exosphere launch}: launches Exosphere-style instances and, with {@code --wait}, follows them to
 * ready and prints every interaction (web shell, desktop, SSH, workflow URLs).
 *
 * <pre>{@code
 * exosphere launch --simulated --name demo --desktop --wait
 * }</pre>
 */
@Command(
        name = "launch",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Launch Exosphere-style instances (web shell through the UAP, optional desktop and Binder workflow).",
            "With --wait, follow each one until its setup is complete and print its interactions.",
            "Every option is checked (name, image, flavor, network, floating IP) before anything is created."
        },
        footer = {
            "%nNetwork: without --network, Exosphere's rule applies (auto-allocated topology, else a network",
            "named auto_allocated_network or after the project); when that finds none and exactly one usable",
            "tenant network exists, that one is used and the output says so (an extension, as Nova's 'auto').",
            "%nExamples:",
            "  exosphere launch --simulated --name demo --desktop --wait",
            "  exosphere launch --cloud js2 --name lab --network private --wait",
            "  exosphere launch --cloud js2 --name lab --workflow-path rstudio \\",
            "      --workflow-repo https://github.com/binder-examples/r_with_python --wait"
        })
final class LaunchCommand extends CliCommand {

    @Mixin
    CloudOptions cloud;

    @Option(names = "--name", required = true, paramLabel = "N", description = "The instance name.")
    String name;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Image name or id (default: a featured image).")
    String image;

    @Option(names = "--flavor", paramLabel = "FLAVOR", description = "Flavor name or id (default: smallest 2-vCPU).")
    String flavor;

    @Option(
            names = "--guacamole",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Deploy Guacamole for the web shell (default on).")
    boolean guacamole;

    @Option(names = "--desktop", description = "Deploy a graphical desktop (web desktop).")
    boolean desktop;

    @Option(names = "--no-os-updates", description = "Do not upgrade OS packages at first boot.")
    boolean noOsUpdates;

    @Option(names = "--ssh-key", paramLabel = "KEY", description = "An OpenSSH public key for exouser (repeatable).")
    List<String> sshKeys = new ArrayList<>();

    @Option(
            names = "--floating-ip",
            paramLabel = "CHOICE",
            defaultValue = "automatic",
            description = "automatic (default), create, none, or the id of an existing floating IP.")
    String floatingIp;

    @Option(
            names = "--network",
            paramLabel = "NAME|ID",
            description = "The network (default: Exosphere's choice, see below).")
    String network;

    @Option(names = "--volume-size", paramLabel = "GB", description = "Boot from a new volume of this size.")
    Integer volumeSize;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "How many instances.")
    int count;

    @Option(names = "--workflow-repo", paramLabel = "R", description = "A Binder repository to build and serve.")
    String workflowRepo;

    @Option(names = "--workflow-ref", paramLabel = "REF", description = "Its branch, tag or commit.")
    String workflowRef;

    @Option(names = "--workflow-path", paramLabel = "P", description = "The path to open in Jupyter.")
    String workflowPath;

    @Option(names = "--wait", description = "Follow the instances until ready and print their interactions.")
    boolean waitForReady;

    @Option(
            names = "--timeout",
            paramLabel = "MINUTES",
            description = "With --wait: how long it waits, in real (wall-clock) minutes (default 60).")
    Integer timeoutMinutes;

    @Override
    protected int run() {
        Duration timeout = timeout(timeoutMinutes, waitForReady, "--wait only", 60);
        LaunchOptions options = options();
        try (CloudSession session = cloud.open(cli())) {
            return launch(this, session, options, waitForReady, timeout);
        }
    }

    /** The options, validated; invalid values are usage errors (exit 2), nothing is created. */
    LaunchOptions options() {
        try {
            return buildOptions();
        } catch (IllegalArgumentException | InvalidLaunchRequestException e) {
            throw new ParameterException(spec().commandLine(), e.getMessage());
        }
    }

    private LaunchOptions buildOptions() {
        FloatingIpChoice fip =
                switch (floatingIp.toLowerCase(Locale.ROOT)) {
                    case "automatic" -> FloatingIpChoice.automatic();
                    case "create" -> FloatingIpChoice.createNew();
                    case "none" -> FloatingIpChoice.none();
                    default -> FloatingIpChoice.useExisting(floatingIp);
                };
        LaunchOptions.Builder b = LaunchOptions.builder()
                .name(name)
                .image(image)
                .flavor(flavor)
                .guacamole(guacamole)
                .desktop(desktop)
                .osUpdates(!noOsUpdates)
                .floatingIp(fip)
                .volumeSizeGb(volumeSize)
                .count(count)
                .workflowRepository(workflowRepo)
                .workflowReference(workflowRef)
                .workflowPath(workflowPath)
                .network(network);
        sshKeys.forEach(b::addSshPublicKey);
        return b.build();
    }

    /** Launches, optionally waits, prints; shared with {@code quickstart} and {@code workflow launch}. */
    static int launch(CliCommand cmd, CloudSession session, LaunchOptions options, boolean wait, Duration timeout) {
        Instant wallStart = Instant.now();
        if (!cmd.json()) {
            cmd.out()
                    .println("Launching " + options.count() + " instance" + (options.count() > 1 ? "s" : "") + " on "
                            + session.description() + " ...");
            cmd.out().flush();
        }
        List<String> notes = new ArrayList<>();
        List<Server> servers = session.launch(options, note -> {
            notes.add(note);
            if (!cmd.json()) {
                cmd.out().println(note);
                cmd.out().flush();
            }
        });
        List<Map<String, Object>> results = new ArrayList<>();
        int exit = 0;
        for (Server created : servers) {
            Server server = created;
            if (!cmd.json()) {
                cmd.out().println(created.name() + " (" + created.id() + ") created");
                cmd.out().flush();
            }
            if (wait) {
                ProgressLines lines = ProgressLines.start(cmd, session, created);
                server = session.waitUntilReady(created.id(), timeout, lines);
                lines.end();
                if (server.status().raw().equalsIgnoreCase("ERROR")
                        || !session.uiStatus(server).name().equals("READY")) {
                    exit = ExosphereCli.EXIT_FAILURE;
                }
            }
            Map<String, Object> m = InteractionPrinter.serverJson(session, server);
            Interactions interactions = wait ? session.interactions(server) : null;
            if (interactions != null) {
                m.put("interactions", InteractionPrinter.interactionsJson(interactions));
            }
            results.add(m);
            if (!cmd.json()) {
                cmd.out()
                        .println(server.name() + ": " + session.uiStatus(server).display());
                if (interactions != null) {
                    InteractionPrinter.printInteractions(cmd, interactions);
                }
            }
        }
        if (cmd.json()) {
            cmd.out().println(Json.document().put("servers", results).put("notes", notes));
        } else if (wait) {
            cmd.out()
                    .println(String.format(
                            Locale.ROOT,
                            "Done in %.1f s wall time.",
                            Duration.between(wallStart, Instant.now()).toMillis() / 1000.0));
        }
        if (exit != 0) {
            throw new CliFailure(exit, "not-ready", "an instance did not become ready (see its setup status above)");
        }
        return 0;
    }
}
