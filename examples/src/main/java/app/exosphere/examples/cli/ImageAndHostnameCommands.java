package app.exosphere.examples.cli;

import app.exosphere.core.dns.RecordSet;
import app.exosphere.core.image.Image;
import app.exosphere.core.image.ImageVisibility;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.Images;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.examples.CloudSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code exosphere image create-from} and {@code exosphere hostname} commands: an image of an instance
 * the web app's way, and the DNS hostnames of an instance's floating IPs.
 *
 * <pre class="shell">{@code
 * exosphere image create-from --cloud js2 my-instance --wait
 * exosphere hostname --cloud js2 my-instance --create
 * }</pre>
 */
final class ImageAndHostnameCommands {

    private ImageAndHostnameCommands() {}

    /** {@code exosphere image create-from SERVER}. */
    @Command(
            name = "image",
            mixinStandardHelpOptions = true,
            description = "Create images of instances, the Exosphere web app's way.",
            subcommands = {ImageCreateFrom.class})
    static final class ImageCommand extends CliCommand {
        @Override
        protected int run() {
            throw new picocli.CommandLine.ParameterException(
                    spec().commandLine(), "an image command is required: create-from");
        }
    }

    /** {@code exosphere image create-from SERVER [--name N] [--wait] [--visibility V]}. */
    @Command(
            name = "create-from",
            mixinStandardHelpOptions = true,
            usageHelpAutoWidth = true,
            description = {
                "Create an image of an instance exactly once, with the web app's metadata and default name.",
                "",
                "The image carries from-exosphere=true; its default name is '<instance name>-image', as the web",
                "app pre-fills it.",
                "",
                "Examples:",
                "  exosphere image create-from --cloud js2 my-instance --wait",
                "  exosphere image create-from --cloud js2 my-instance --name golden --wait",
                "  exosphere image create-from --cloud js2 my-instance --visibility community"
            })
    static final class ImageCreateFrom extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(paramLabel = "SERVER", description = "Server name or id.")
        String server;

        @Option(names = "--name", paramLabel = "N", description = "The image name (default: <server name>-image).")
        String name;

        @Option(names = "--wait", description = "Follow the image until it is active.")
        boolean waitActive;

        @Option(
                names = "--visibility",
                paramLabel = "V",
                description = "Once active, set the visibility: public, community, shared or private (implies --wait).")
        String visibility;

        @Option(
                names = "--timeout",
                paramLabel = "MINUTES",
                defaultValue = "60",
                description = "How long --wait follows the image (default ${DEFAULT-VALUE}).")
        long timeoutMinutes;

        @Override
        protected int run() {
            ImageVisibility wanted;
            try {
                wanted = visibility == null ? null : ImageVisibility.of(visibility);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec().commandLine(), e.getMessage());
            }
            try (CloudSession session = cloud.open(cli())) {
                Exosphere exo = session.exosphere();
                Instance vm = exo.instance(session.server(server).id()).execute();
                String imageName = name == null ? Images.defaultName(vm.server()) : name;
                Image image = exo.images().createFrom(vm, imageName).execute();
                if (!json()) {
                    out().println("image " + image.name() + " (" + image.id() + ") of " + vm.name() + ": "
                            + image.status().raw());
                    out().flush();
                }
                if (waitActive || wanted != null) {
                    image = exo.images()
                            .awaitActive(image.id(), Duration.ofMinutes(timeoutMinutes))
                            .execute();
                    if (!json()) {
                        out().println(image.name() + ": " + image.status().raw());
                    }
                }
                if (wanted != null) {
                    image = exo.images().setVisibility(image.id(), wanted).execute();
                    if (!json()) {
                        out().println(image.name() + ": visibility "
                                + image.visibility().orElse("?"));
                    }
                }
                if (json()) {
                    out().println(Json.document()
                            .put("id", image.id())
                            .put("name", image.name())
                            .put("server", InteractionPrinter.serverRef(vm.server()))
                            .put("status", image.status().raw())
                            .put("visibility", image.visibility().orElse(null)));
                }
                return 0;
            }
        }
    }

    /** {@code exosphere hostname SERVER [--create | --delete]}. */
    @Command(
            name = "hostname",
            mixinStandardHelpOptions = true,
            usageHelpAutoWidth = true,
            description = {
                "Show, create or delete the DNS hostnames of an instance's floating IPs, the web app's way.",
                "",
                "Each is a Designate A record named <sanitised instance name>.<project zone>.",
                "",
                "Examples:",
                "  exosphere hostname --cloud js2 my-instance",
                "  exosphere hostname --cloud js2 my-instance --create"
            })
    static final class HostnameCommand extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(paramLabel = "SERVER", description = "Server name or id.")
        String server;

        @Option(names = "--create", description = "Create the hostname of each floating IP that has none.")
        boolean create;

        @Option(names = "--delete", description = "Delete the A records holding the instance's floating IPs.")
        boolean delete;

        @Override
        protected int run() {
            if (create && delete) {
                throw new picocli.CommandLine.ParameterException(
                        spec().commandLine(), "choose one of --create and --delete");
            }
            try (CloudSession session = cloud.open(cli())) {
                Exosphere exo = session.exosphere();
                Instance vm = exo.instance(session.server(server).id()).execute();
                List<String> ips = vm.fetchFloatingIps().execute().stream()
                        .map(FloatingIp::floatingIpAddress)
                        .toList();
                if (ips.isEmpty()) {
                    throw new CliFailure(1, "no-floating-ip", vm.name() + " has no floating IP, so no hostname");
                }
                List<String> changed = new ArrayList<>();
                for (String ip : ips) {
                    if (create) {
                        RecordSet rs = exo.hostnames().create(vm, ip).execute();
                        changed.add(rs.hostname());
                    } else if (delete) {
                        exo.hostnames().deleteFor(ip).execute().forEach(r -> changed.add(r.hostname()));
                    }
                }
                List<String> names = delete ? List.of() : vm.fetchHostnames().execute();
                if (json()) {
                    out().println(Json.document()
                            .put("server", InteractionPrinter.serverRef(vm.server()))
                            .put("floatingIps", ips)
                            .put("hostnames", names)
                            .put(create ? "created" : delete ? "deleted" : "changed", changed));
                } else if (delete) {
                    out().println(
                                    changed.isEmpty()
                                            ? vm.name() + ": no hostname to delete"
                                            : vm.name() + ": deleted " + String.join(", ", changed));
                } else if (names.isEmpty()) {
                    out().println(vm.name() + ": no hostname (create one with --create)");
                } else {
                    out().println(vm.name() + ": " + String.join(", ", names));
                }
                return 0;
            }
        }
    }
}
