package app.exosphere.examples.cli;

import app.exosphere.cloudinit.console.ResourceUsageAlert;
import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.chart.ResourceUsageChart;
import app.exosphere.core.compute.RebootType;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerActions;
import app.exosphere.core.instance.Interactions;
import app.exosphere.core.volume.Volume;
import app.exosphere.examples.CloudSession;
import app.exosphere.examples.LaunchOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code exosphere} commands that read or change existing servers: {@code list}, {@code show},
 * {@code interactions}, {@code usage}, {@code action}, {@code delete}, {@code volume} and
 * {@code workflow}. Each takes {@code --cloud NAME} or {@code --simulated}.
 *
 * <pre>{@code
 * exosphere list --cloud js2
 * exosphere show --cloud js2 my-instance --json
 * }</pre>
 */
final class ServerCommands {

    private ServerCommands() {}

    /** {@code exosphere list}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "List the project's servers with their Exosphere status (Building, Running Setup, Ready, ...).")
    static final class ListCommand extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Server s : session.servers()) {
                    rows.add(InteractionPrinter.serverJson(session, s));
                }
                if (json()) {
                    out().println(Json.object().put("servers", rows));
                } else if (rows.isEmpty()) {
                    out().println("no servers in " + session.description());
                } else {
                    out().println(String.format(
                            Locale.ROOT,
                            "%-36s  %-24s  %-8s  %-14s  %s",
                            "ID",
                            "NAME",
                            "STATUS",
                            "UI STATUS",
                            "FLOATING IP"));
                    for (Map<String, Object> r : rows) {
                        out().println(String.format(
                                        Locale.ROOT,
                                        "%-36s  %-24s  %-8s  %-14s  %s",
                                        r.get("id"),
                                        r.get("name"),
                                        r.get("status"),
                                        r.get("uiStatus"),
                                        r.get("floatingIp") == null ? "-" : r.get("floatingIp"))
                                .stripTrailing());
                    }
                }
                return 0;
            }
        }
    }

    /** {@code exosphere show SERVER}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Show a server: status, setup, addresses, interactions and resource-usage alerts.")
    static final class ShowCommand extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(paramLabel = "SERVER", description = "Server name or id.")
        String server;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                Server s = session.refresh(session.server(server).id());
                Interactions interactions = session.interactions(s);
                ResourceUsageHistory usage = session.resourceUsage(s);
                List<ResourceUsageAlert> alerts =
                        ResourceUsageAlert.forHistory(usage, session.clock().instant());
                if (json()) {
                    Map<String, Object> m = InteractionPrinter.serverJson(session, s);
                    m.put("flavor", s.flavor().flatMap(f -> f.originalName()).orElse(null));
                    m.put("created", s.created().orElse(null));
                    m.put("interactions", InteractionPrinter.interactionsJson(interactions));
                    m.put("alerts", ResourceUsageCommand.alertsJson(alerts));
                    out().println(Json.object().put("server", m));
                } else {
                    Map<String, Object> m = InteractionPrinter.serverJson(session, s);
                    out().println("name:        " + m.get("name"));
                    out().println("id:          " + m.get("id"));
                    out().println("status:      " + m.get("status") + " (" + m.get("uiStatus") + ")");
                    out().println("setup:       " + m.get("setup"));
                    out().println("floating IP: " + (m.get("floatingIp") == null ? "-" : m.get("floatingIp")));
                    out().println("interactions:");
                    InteractionPrinter.printInteractions(this, interactions);
                    out().println("alerts:" + (alerts.isEmpty() ? " none" : ""));
                    for (ResourceUsageAlert a : alerts) {
                        out().println("  " + a.level().name().toLowerCase(Locale.ROOT) + ": " + a.message());
                    }
                }
                return 0;
            }
        }
    }

    /** {@code exosphere interactions SERVER}. */
    @Command(
            name = "interactions",
            mixinStandardHelpOptions = true,
            description =
                    "Print a server's interactions (web shell, desktop, SSH, console, workflow) with status and URL.")
    static final class InteractionsCommand extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(paramLabel = "SERVER", description = "Server name or id.")
        String server;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                Server s = session.refresh(session.server(server).id());
                Interactions interactions = session.interactions(s);
                if (json()) {
                    out().println(Json.object()
                            .put("server", s.name())
                            .put("interactions", InteractionPrinter.interactionsJson(interactions)));
                } else {
                    out().println(s.name() + ":");
                    InteractionPrinter.printInteractions(this, interactions);
                }
                return 0;
            }
        }
    }

    /** {@code exosphere usage SERVER [--svg FILE]}. */
    @Command(
            name = "usage",
            mixinStandardHelpOptions = true,
            description = "Print a server's resource usage from its console log; optionally write the chart as SVG.")
    static final class UsageCommand extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(paramLabel = "SERVER", description = "Server name or id.")
        String server;

        @Option(names = "--svg", paramLabel = "FILE", description = "Write the last 30 minutes as an SVG chart.")
        Path svg;

        @Override
        protected int run() throws IOException {
            try (CloudSession session = cloud.open(cli())) {
                Server s = session.server(server);
                ResourceUsageHistory usage = session.resourceUsage(s);
                var now = session.clock().instant();
                if (svg != null) {
                    ResourceUsageChart.Builder chart = ResourceUsageChart.builder();
                    // exosphere-spec §6.3 subtitles: flavor vCPUs and RAM (MB // 1024)
                    session.flavorOf(s).ifPresent(f -> {
                        chart.cpuCores(f.vcpus());
                        chart.ramGigabytes(f.ramMb() / 1024);
                        if (f.diskGb() > 0) {
                            chart.rootDiskGigabytes(f.diskGb());
                        }
                    });
                    Files.writeString(svg, chart.build().render(usage, now), StandardCharsets.UTF_8);
                }
                ResourceUsageCommand.print(this, usage, ResourceUsageAlert.forHistory(usage, now), svg);
                return 0;
            }
        }
    }

    /** {@code exosphere action SERVER ACTION}. */
    @Command(
            name = "action",
            mixinStandardHelpOptions = true,
            description = {
                "Run a server action: start, stop, reboot, hard-reboot, pause, unpause, suspend, resume, shelve,",
                "unshelve, lock, unlock. Nova refuses actions the server's state does not allow (exit 1)."
            })
    static final class ActionCommand extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(index = "0", paramLabel = "SERVER", description = "Server name or id.")
        String server;

        @Parameters(index = "1", paramLabel = "ACTION", description = "The action.")
        String action;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                Server s = session.server(server);
                ServerActions actions = session.openStack().compute().servers().actions(s);
                switch (action.toLowerCase(Locale.ROOT)) {
                    case "start" -> actions.start();
                    case "stop" -> actions.stop();
                    case "reboot" -> actions.reboot(RebootType.SOFT);
                    case "hard-reboot" -> actions.reboot(RebootType.HARD);
                    case "pause" -> actions.pause();
                    case "unpause" -> actions.unpause();
                    case "suspend" -> actions.suspend();
                    case "resume" -> actions.resume();
                    case "shelve" -> actions.shelve();
                    case "unshelve" -> actions.unshelve();
                    case "lock" -> actions.lock();
                    case "unlock" -> actions.unlock();
                    default ->
                        throw new picocli.CommandLine.ParameterException(
                                spec().commandLine(),
                                "unknown action '" + action + "'; expected one of start, stop, reboot, hard-reboot,"
                                        + " pause, unpause, suspend, resume, shelve, unshelve, lock, unlock");
                }
                if (json()) {
                    out().println(Json.object()
                            .put("server", s.id())
                            .put("action", action)
                            .put("accepted", true));
                } else {
                    out().println(action + " requested for " + s.name());
                }
                return 0;
            }
        }
    }

    /** {@code exosphere delete SERVER}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a server.")
    static final class DeleteCommand extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(paramLabel = "SERVER", description = "Server name or id.")
        String server;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                Server s = session.server(server);
                session.openStack().compute().servers().delete(s);
                if (json()) {
                    out().println(Json.object().put("deleted", s.id()).put("name", s.name()));
                } else {
                    out().println("deleting " + s.name() + " (" + s.id() + ")");
                }
                return 0;
            }
        }
    }

    /** {@code exosphere volume create|attach|detach}. */
    @Command(
            name = "volume",
            mixinStandardHelpOptions = true,
            description = "Create volumes and attach them to servers (mounted under /media/volume/ by Exosphere).",
            subcommands = {VolumeCreate.class, VolumeAttach.class, VolumeDetach.class})
    static final class VolumeCommand extends CliCommand {
        @Override
        protected int run() {
            throw new picocli.CommandLine.ParameterException(
                    spec().commandLine(), "a volume command is required: create, attach or detach");
        }
    }

    /** {@code exosphere volume create --name N --size GB}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a volume.")
    static final class VolumeCreate extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Option(names = "--name", required = true, paramLabel = "N", description = "The volume name.")
        String name;

        @Option(names = "--size", required = true, paramLabel = "GB", description = "The size in GB.")
        int size;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                Volume v = session.createVolume(name, size);
                if (json()) {
                    out().println(Json.object()
                            .put("id", v.id())
                            .put("name", v.name())
                            .put("sizeGb", v.sizeGb())
                            .put("status", v.status().raw()));
                } else {
                    out().println("volume " + v.name() + " (" + v.id() + "), " + v.sizeGb() + " GB, "
                            + v.status().raw());
                }
                return 0;
            }
        }
    }

    /** {@code exosphere volume attach SERVER VOLUME}. */
    @Command(
            name = "attach",
            mixinStandardHelpOptions = true,
            description = "Attach a volume to a server and print where the instance mounts it.")
    static final class VolumeAttach extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(index = "0", paramLabel = "SERVER", description = "Server name or id.")
        String server;

        @Parameters(index = "1", paramLabel = "VOLUME", description = "Volume name or id.")
        String volume;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                Server s = session.server(server);
                Volume v = session.volume(volume);
                String mountpoint = session.attachVolume(s, v);
                if (json()) {
                    out().println(Json.object()
                            .put("server", s.id())
                            .put("volume", v.id())
                            .put("mountpoint", mountpoint));
                } else {
                    out().println(v.name() + " attached to " + s.name() + ", mounted at " + mountpoint);
                }
                return 0;
            }
        }
    }

    /** {@code exosphere volume detach SERVER VOLUME}. */
    @Command(name = "detach", mixinStandardHelpOptions = true, description = "Detach a volume from a server.")
    static final class VolumeDetach extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(index = "0", paramLabel = "SERVER", description = "Server name or id.")
        String server;

        @Parameters(index = "1", paramLabel = "VOLUME", description = "Volume name or id.")
        String volume;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                Server s = session.server(server);
                Volume v = session.volume(volume);
                session.detachVolume(s, v);
                if (json()) {
                    out().println(Json.object()
                            .put("server", s.id())
                            .put("volume", v.id())
                            .put("detached", true));
                } else {
                    out().println(v.name() + " detached from " + s.name());
                }
                return 0;
            }
        }
    }

    /** {@code exosphere workflow launch --repo R}. */
    @Command(
            name = "workflow",
            mixinStandardHelpOptions = true,
            description = "Binder workflows on Exosphere instances.",
            subcommands = {WorkflowLaunch.class})
    static final class WorkflowCommand extends CliCommand {
        @Override
        protected int run() {
            throw new picocli.CommandLine.ParameterException(
                    spec().commandLine(), "a workflow command is required: launch");
        }
    }

    /** {@code exosphere workflow launch --repo R [--ref REF] [--path P]}. */
    @Command(
            name = "launch",
            mixinStandardHelpOptions = true,
            description = "Launch an instance that builds a Binder repository and serves it; wait and print its URL.")
    static final class WorkflowLaunch extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Option(names = "--repo", required = true, paramLabel = "R", description = "The Binder repository.")
        String repo;

        @Option(names = "--ref", paramLabel = "REF", description = "Its branch, tag or commit.")
        String ref;

        @Option(names = "--path", paramLabel = "P", description = "The path to open (e.g. rstudio, lab).")
        String path;

        @Option(names = "--name", paramLabel = "N", defaultValue = "workflow", description = "The instance name.")
        String name;

        @Option(names = "--flavor", paramLabel = "FLAVOR", description = "Flavor name or id.")
        String flavor;

        @Option(names = "--no-wait", description = "Return once the instance is created.")
        boolean noWait;

        @Override
        protected int run() {
            LaunchOptions options = LaunchOptions.builder()
                    .name(name)
                    .flavor(flavor)
                    .workflowRepository(repo)
                    .workflowReference(ref)
                    .workflowPath(path)
                    .build();
            try (CloudSession session = cloud.open(cli())) {
                return LaunchCommand.launch(this, session, options, !noWait, Duration.ofMinutes(60));
            }
        }
    }
}
