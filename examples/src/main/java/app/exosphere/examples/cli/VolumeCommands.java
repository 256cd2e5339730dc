package app.exosphere.examples.cli;

import app.exosphere.core.volume.Volume;
import app.exosphere.examples.CloudSession;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The {@code exosphere volume} commands: Cinder volumes the web app's way on top of {@code
 * exosphere.volumes()} ({@code list}, {@code create} exactly once, {@code rename}, {@code delete} refused
 * while the volume backs an instance), plus {@code attach} and {@code detach} ({@link ServerCommands}). Each
 * takes {@code --cloud NAME} or {@code --simulated}.
 *
 * <pre>{@code
 * exosphere volume create --cloud js2 --size 100 results
 * exosphere volume delete --cloud js2 results
 * }</pre>
 */
final class VolumeCommands {
    private VolumeCommands() {}

    /** {@code exosphere volume}: needs a subcommand. */
    @Command(
            name = "volume",
            mixinStandardHelpOptions = true,
            description = "Create, list, rename and delete volumes; attach them to servers (mounted under"
                    + " /media/volume/ by Exosphere).",
            subcommands = {
                ListVolumes.class,
                Create.class,
                Rename.class,
                Delete.class,
                ServerCommands.VolumeAttach.class,
                ServerCommands.VolumeDetach.class
            })
    static final class VolumeCommand extends CliCommand {
        @Override
        protected int run() {
            throw new ParameterException(
                    spec().commandLine(),
                    "a volume command is required: list, create, rename, delete, attach or detach");
        }
    }

    static Json volumeJson(Volume v) {
        return Json.object()
                .put("id", v.id())
                .put("name", v.nameIfSet().orElse(null))
                .put("sizeGb", v.sizeGb())
                .put("status", v.status().raw())
                .put("attachedTo", v.attachedServerIds());
    }

    /** {@code exosphere volume list}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the project's volumes with the servers they are attached to.")
    static final class ListVolumes extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                List<Volume> volumes =
                        session.openStack().volume().volumes().list().toList();
                if (json()) {
                    out().println(Json.document()
                            .put(
                                    "volumes",
                                    volumes.stream()
                                            .map(VolumeCommands::volumeJson)
                                            .toList()));
                } else if (volumes.isEmpty()) {
                    out().println("no volumes in " + session.description());
                } else {
                    out().println(String.format(
                            Locale.ROOT,
                            "%-36s  %-24s  %7s  %-10s  %s",
                            "ID",
                            "NAME",
                            "SIZE",
                            "STATUS",
                            "ATTACHED TO"));
                    for (Volume v : volumes) {
                        List<String> servers = v.attachedServerIds();
                        out().println(String.format(
                                Locale.ROOT,
                                "%-36s  %-24s  %4d GB  %-10s  %s",
                                v.id(),
                                v.nameIfSet().orElse("(unnamed)"),
                                v.sizeGb(),
                                v.status().raw(),
                                servers.isEmpty() ? "-" : String.join(", ", servers)));
                    }
                }
                return 0;
            }
        }
    }

    /** {@code exosphere volume create --size GB NAME} (or {@code --name NAME}). */
    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Create a blank volume exactly once and wait until it is available.",
                "",
                "A lost answer never makes a second volume: the project's volumes of that name are looked up",
                "before another create."
            })
    static final class Create extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "The volume name.")
        String positionalName;

        @Option(names = "--name", paramLabel = "N", description = "The volume name (instead of NAME).")
        String name;

        @Option(names = "--size", required = true, paramLabel = "GB", description = "The size in GB.")
        int size;

        @Override
        protected int run() {
            if ((positionalName == null) == (name == null)) {
                throw new ParameterException(spec().commandLine(), "give the volume name once: NAME or --name N");
            }
            if (size < 1) {
                throw new ParameterException(spec().commandLine(), "--size must be at least 1 GB, got " + size);
            }
            String wanted = name != null ? name : positionalName;
            try (CloudSession session = cloud.open(cli())) {
                Volume v = session.createVolume(wanted, size);
                if (json()) {
                    out().println(Json.document().put("volume", volumeJson(v)));
                } else {
                    out().println("volume " + v.name() + " (" + v.id() + "), " + v.sizeGb() + " GB, "
                            + v.status().raw());
                }
                return 0;
            }
        }
    }

    /** {@code exosphere volume rename VOLUME NEW}. */
    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a volume.")
    static final class Rename extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(index = "0", paramLabel = "VOLUME", description = "Volume id or name.")
        String volume;

        @Parameters(index = "1", paramLabel = "NEW", description = "The new name.")
        String newName;

        @Override
        protected int run() {
            if (newName.isBlank()) {
                throw new ParameterException(spec().commandLine(), "the new name must not be blank");
            }
            try (CloudSession session = cloud.open(cli())) {
                Volume before = session.volume(volume);
                Volume after = session.exosphere()
                        .volumes()
                        .rename(before.id(), newName)
                        .execute();
                if (json()) {
                    out().println(Json.document().put("volume", volumeJson(after)));
                } else {
                    out().println("volume " + before.name() + " (" + before.id() + ") renamed to " + newName);
                }
                return 0;
            }
        }
    }

    /** {@code exosphere volume delete VOLUME}. */
    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = {
                "Delete a volume; refused (exit 1, nothing sent) while it is attached to or reserved by an instance."
            })
    static final class Delete extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(paramLabel = "VOLUME", description = "Volume id or name.")
        String volume;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                Volume v = session.volume(volume);
                // VolumeInUseException (exit 1, kind volume-in-use) says which instance holds it
                session.exosphere().volumes().delete(v.id()).execute();
                if (json()) {
                    out().println(Json.document().put("deleted", v.id()));
                } else {
                    out().println("volume " + v.name() + " (" + v.id() + ") deleted");
                }
                return 0;
            }
        }
    }
}
