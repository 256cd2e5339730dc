package app.exosphere.examples.cli;

import app.exosphere.cloudinit.console.ResourceUsageAlert;
import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.chart.ResourceUsageChart;
import app.exosphere.core.compute.RebootType;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerActionApi;
import app.exosphere.core.rules.Interactions;
import app.exosphere.core.volume.Volume;
import app.exosphere.examples.ClockPause;
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
            usageHelpAutoWidth = true,
            description = {
                "List the project's servers with their Exosphere status (Building, Running Setup, Ready, ...).",
                "",
                "Examples:",
                "  exosphere list --cloud js2",
                "  exosphere list --cloud js2 -f csv -c id -c name -c uiStatus"
            })
    static final class ListCommand extends CliCommand {
        static final List<String> COLUMNS = List.of("id", "name", "status", "uiStatus", "setup", "floatingIp");

        @Mixin
        CloudOptions cloud;

        @Mixin
        OutputOptions output;

        @Override
        protected int run() {
            output.format(this);
            try (CloudSession session = cloud.open(cli())) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Server s : session.servers()) {
                    rows.add(InteractionPrinter.serverJson(session, s));
                }
                if (!output.text(this)) {
                    output.printRows(this, "servers", COLUMNS, rows);
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
            usageHelpAutoWidth = true,
            description = {
                "Show a server with its status, setup, image, flavor, creation time and addresses.",
                "Also prints its interactions and resource-usage alerts.",
                "",
                "Examples:",
                "  exosphere show --cloud js2 my-instance",
                "  exosphere show --cloud js2 my-instance -f value -c status"
            })
    static final class ShowCommand extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Mixin
        OutputOptions output;

        @Parameters(paramLabel = "SERVER", description = "Server name or id.")
        String server;

        @Override
        protected int run() {
            output.format(this);
            try (CloudSession session = cloud.open(cli())) {
                Server s = session.refresh(session.server(server).id());
                Interactions interactions = session.interactions(s);
                ResourceUsageHistory usage = session.resourceUsage(s);
                List<ResourceUsageAlert> alerts =
                        ResourceUsageAlert.forHistory(usage, session.clock().instant());
                Map<String, Object> m = InteractionPrinter.serverJson(session, s);
                m.put("image", imageOf(session, s));
                m.put(
                        "flavor",
                        s.flavor()
                                .flatMap(f -> f.originalName())
                                .or(() -> session.flavorOf(s).map(f -> f.name()))
                                .orElse(null));
                m.put("created", s.created().orElse(null));
                m.put("addresses", addresses(s));
                if (!output.text(this)) {
                    m.put("interactions", InteractionPrinter.interactionsJson(interactions));
                    m.put("alerts", ResourceUsageCommand.alertsJson(alerts));
                    output.printRecord(this, "server", m);
                } else {
                    out().println("name:        " + m.get("name"));
                    out().println("id:          " + m.get("id"));
                    out().println("status:      " + m.get("status") + " (" + m.get("uiStatus") + ")");
                    out().println("setup:       " + m.get("setup"));
                    out().println("image:       " + orDash(m.get("image")));
                    out().println("flavor:      " + orDash(m.get("flavor")));
                    out().println("created:     " + orDash(m.get("created")));
                    out().println("addresses:   " + orDash(OutputOptions.cell(m.get("addresses"))));
                    out().println("floating IP: " + orDash(m.get("floatingIp")));
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

        private static String orDash(Object o) {
            return o == null || String.valueOf(o).isEmpty() ? "-" : String.valueOf(o);
        }

        /** The image's name (or its id when Glance no longer has it); null when booted from a volume. */
        private static String imageOf(CloudSession session, Server s) {
            return s.image()
                    .id()
                    .map(id -> {
                        try {
                            String name = session.openStack()
                                    .image()
                                    .get(id)
                                    .execute()
                                    .name();
                            return name == null ? id : name;
                        } catch (app.exosphere.core.error.NotFoundException gone) {
                            return id;
                        }
                    })
                    .orElse(null);
        }

        /** Network name → addresses, as {@code openstack server show} lists them. */
        private static List<String> addresses(Server s) {
            List<String> out = new ArrayList<>();
            s.addresses()
                    .forEach((network, list) -> out.add(network + "="
                            + String.join(
                                    ", ", list.stream().map(a -> a.address()).toList())));
            return out;
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
                    out().println(Json.document()
                            .put("server", InteractionPrinter.serverRef(s))
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

        @Option(
                names = "--fail-on",
                paramLabel = "LEVEL",
                description = "Exit 1 when an alert of this level or worse is active: warning or danger.")
        String failOn;

        @Override
        protected int run() throws IOException {
            var threshold = ResourceUsageCommand.failOnLevel(this, failOn);
            try (CloudSession session = cloud.open(cli())) {
                Server s = session.server(server);
                ResourceUsageHistory usage = session.resourceUsage(s);
                var now = session.clock().instant();
                if (svg != null) {
                    ResourceUsageChart.Builder chart = ResourceUsageChart.builder();
                    // Exosphere's `Page.ServerResourceUsageCharts` subtitles: flavor vCPUs and RAM (MB // 1024)
                    session.flavorOf(s).ifPresent(f -> {
                        chart.cpuCores(f.vcpus());
                        chart.ramGigabytes(f.ramMb() / 1024);
                        if (f.diskGb() > 0) {
                            chart.rootDiskGigabytes(f.diskGb());
                        }
                    });
                    Files.writeString(svg, chart.build().render(usage, now), StandardCharsets.UTF_8);
                }
                List<ResourceUsageAlert> alerts = ResourceUsageAlert.forHistory(usage, now);
                ResourceUsageCommand.print(this, usage, alerts, svg);
                return ResourceUsageCommand.exitFor(this, alerts, threshold);
            }
        }
    }

    /** {@code exosphere action SERVER ACTION [--release-floating-ips] [--timeout MINUTES]}. */
    @Command(
            name = "action",
            mixinStandardHelpOptions = true,
            usageHelpAutoWidth = true,
            description = {
                "Run a server action such as start, stop or reboot.",
                "Actions: start, stop, reboot, hard-reboot, pause, unpause, suspend, resume, shelve, unshelve,",
                "lock, unlock. Nova refuses actions the server's state does not allow (exit 1).",
                "shelve --release-floating-ips also releases the floating IPs the SDK created for the server",
                "(and their DNS records). unshelve follows the server until it is ACTIVE again with its",
                "floating IP decided again from its metadata, as the Exosphere web app does: one is created",
                "when it was released; a floating IP that cannot be restored exits 1, one not wanted is said."
            },
            footer = {
                "%nExamples:",
                "  exosphere action --cloud js2 lab shelve --release-floating-ips",
                "  exosphere action --cloud js2 lab unshelve --timeout 20"
            })
    static final class ActionCommand extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(index = "0", paramLabel = "SERVER", description = "Server name or id.")
        String server;

        @Parameters(index = "1", paramLabel = "ACTION", description = "The action.")
        String action;

        @Option(
                names = "--release-floating-ips",
                description = "With shelve: release the floating IPs the SDK created for the server"
                        + " (unshelve gives it one again).")
        boolean releaseFloatingIps;

        @Option(
                names = "--timeout",
                paramLabel = "MINUTES",
                description = "With unshelve: how long it waits for the server to be ACTIVE with its floating IP,"
                        + " in real (wall-clock) minutes (default 15).")
        Integer timeoutMinutes;

        @Override
        protected int run() {
            String name = action.toLowerCase(Locale.ROOT);
            if (releaseFloatingIps && !name.equals("shelve")) {
                throw new picocli.CommandLine.ParameterException(
                        spec().commandLine(), "--release-floating-ips goes with shelve only, not " + action);
            }
            Duration timeout = timeout(timeoutMinutes, name.equals("unshelve"), "unshelve only, not " + action, 15);
            try (CloudSession session = cloud.open(cli())) {
                Server s = session.server(server);
                ServerActionApi actions =
                        session.openStack().compute().servers().actions(s);
                switch (name) {
                    case "start" -> actions.start().execute();
                    case "stop" -> actions.stop().execute();
                    case "reboot" -> actions.reboot(RebootType.SOFT).execute();
                    case "hard-reboot" -> actions.reboot(RebootType.HARD).execute();
                    case "pause" -> actions.pause().execute();
                    case "unpause" -> actions.unpause().execute();
                    case "suspend" -> actions.suspend().execute();
                    case "resume" -> actions.resume().execute();
                    // the SDK's shelve: with the web app's option to release the floating IPs
                    case "shelve" -> {
                        return shelve(session, s);
                    }
                    // the SDK's unshelve: the web app re-runs the floating-IP step (GoalServer, Unshelve)
                    case "unshelve" -> {
                        return unshelve(session, s, timeout);
                    }
                    case "lock" -> actions.lock().execute();
                    case "unlock" -> actions.unlock().execute();
                    default ->
                        throw new picocli.CommandLine.ParameterException(
                                spec().commandLine(),
                                "unknown action '" + action + "'; expected one of start, stop, reboot, hard-reboot,"
                                        + " pause, unpause, suspend, resume, shelve, unshelve, lock, unlock");
                }
                if (json()) {
                    out().println(Json.document()
                            .put("server", InteractionPrinter.serverRef(s))
                            .put("action", action)
                            .put("accepted", true));
                } else {
                    out().println(action + " requested for " + s.name());
                }
                return 0;
            }
        }

        /** Shelves with exosphere-core's {@code Instance.shelve(boolean)}; says which floating IPs stay. */
        private int shelve(CloudSession session, Server s) {
            var instance = session.exosphere().instance(s.id()).execute();
            instance.shelve(releaseFloatingIps).execute();
            List<String> left = releaseFloatingIps
                    ? instance.fetchFloatingIps().execute().stream()
                            .map(f -> f.floatingIpAddress())
                            .toList()
                    : List.of();
            if (json()) {
                out().println(Json.document()
                        .put("server", InteractionPrinter.serverRef(s))
                        .put("action", "shelve")
                        .put("accepted", true)
                        .put("releaseFloatingIps", releaseFloatingIps)
                        .put("floatingIpsLeft", left));
            } else if (!releaseFloatingIps) {
                out().println("shelve requested for " + s.name());
            } else {
                out().println("shelve requested for " + s.name() + "; the floating IPs the SDK created for it are"
                        + " released");
                if (!left.isEmpty()) {
                    // not created by the SDK (assigned by choice), or their release failed: never silent
                    out().println("still attached (not released): " + String.join(", ", left));
                }
            }
            return 0;
        }

        /**
         * Unshelves with exosphere-core's {@code Instance.unshelve} and follows its watch until the server is
         * ACTIVE with its floating-IP step settled; printing as {@code launch --wait} does, plus every event
         * about the floating IP (attached, or not and why). A floating IP that could not be restored, ERROR or
         * the timeout fail the command (exit 1).
         */
        private int unshelve(CloudSession session, Server s, Duration timeout) {
            List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
            ProgressLines lines = ProgressLines.start(this, session, s);
            Server back;
            try {
                back = session.unshelve(s, timeout, lines, note -> {
                    notes.add(note);
                    lines.note(note);
                });
            } finally {
                lines.end();
            }
            Map<String, Object> m = InteractionPrinter.serverJson(session, back);
            if (json()) {
                out().println(Json.document()
                        .put("server", InteractionPrinter.serverRef(s))
                        .put("action", "unshelve")
                        .put("accepted", true)
                        .put("status", back.status().raw())
                        .put("floatingIp", m.get("floatingIp"))
                        .put("notes", notes));
            } else {
                Object fip = m.get("floatingIp");
                out().println(back.name() + " is " + back.status().raw() + " again ("
                        + session.uiStatus(back).display() + "), floating IP "
                        + (fip == null ? "none" : fip));
            }
            return 0;
        }
    }

    /** {@code exosphere delete SERVER... [--wait]}. */
    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            usageHelpAutoWidth = true,
            description = {
                "Delete servers; with --wait, wait until Nova no longer lists them.",
                "",
                "Example:",
                "  exosphere delete --cloud js2 lab-1 lab-2 --wait"
            })
    static final class DeleteCommand extends CliCommand {
        /** Between two looks at the deleted servers, on the session's clock (the simulator's is accelerated). */
        private static final Duration DELETE_POLL_INTERVAL = Duration.ofSeconds(2);

        @Mixin
        CloudOptions cloud;

        @Parameters(arity = "1..*", paramLabel = "SERVER", description = "Server names or ids.")
        List<String> servers;

        @Option(names = "--wait", description = "Wait until every server is gone.")
        boolean waitForGone;

        @Option(
                names = "--timeout",
                paramLabel = "MINUTES",
                description = "With --wait: how long it waits, in minutes (default 10).")
        Integer timeoutMinutes;

        @Override
        protected int run() throws InterruptedException {
            Duration timeout = timeout(timeoutMinutes, waitForGone, "--wait only", 10);
            try (CloudSession session = cloud.open(cli())) {
                // every name is looked up before anything is deleted
                List<Server> found = new ArrayList<>();
                for (String name : servers) {
                    Server s = session.server(name);
                    if (found.stream().noneMatch(f -> f.id().equals(s.id()))) {
                        found.add(s);
                    }
                }
                for (Server s : found) {
                    session.openStack().compute().servers().delete(s).execute();
                    if (!json()) {
                        out().println("deleting " + s.name() + " (" + s.id() + ")");
                        out().flush();
                    }
                }
                if (waitForGone) {
                    java.time.Clock clock = session.clock();
                    ClockPause pause = new ClockPause(clock);
                    java.time.Instant deadline = clock.instant().plus(timeout);
                    List<Server> left = new ArrayList<>(found);
                    while (!left.isEmpty()) {
                        left.removeIf(s -> isGone(session, s));
                        if (left.isEmpty()) {
                            break;
                        }
                        if (!clock.instant().isBefore(deadline)) {
                            throw new CliFailure(
                                    ExosphereCli.EXIT_FAILURE,
                                    "timeout",
                                    "still there after " + timeout.toMinutes() + " min: "
                                            + left.stream().map(Server::name).toList());
                        }
                        pause.pause(DELETE_POLL_INTERVAL);
                    }
                    if (!json()) {
                        out().println("deleted " + found.size() + " server" + (found.size() == 1 ? "" : "s"));
                    }
                }
                if (json()) {
                    List<Map<String, Object>> refs = new ArrayList<>();
                    found.forEach(s -> refs.add(InteractionPrinter.serverRef(s)));
                    out().println(Json.document().put("deleted", refs).put("waited", waitForGone));
                }
                return 0;
            }
        }

        private static boolean isGone(CloudSession session, Server s) {
            try {
                Server now = session.openStack().compute().servers().get(s.id()).execute();
                return now.status().raw().equalsIgnoreCase("DELETED");
            } catch (app.exosphere.core.error.NotFoundException gone) {
                return true;
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
                    out().println(Json.document()
                            .put("server", InteractionPrinter.serverRef(s))
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
                    out().println(Json.document()
                            .put("server", InteractionPrinter.serverRef(s))
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
            description = "Launch Binder workflows on Exosphere instances.",
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
