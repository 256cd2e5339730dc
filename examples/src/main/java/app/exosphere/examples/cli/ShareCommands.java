package app.exosphere.examples.cli;

import app.exosphere.core.instance.CreatedShare;
import app.exosphere.core.instance.Shares;
import app.exosphere.core.rules.ShareMount;
import app.exosphere.core.share.AccessLevel;
import app.exosphere.core.share.AccessRule;
import app.exosphere.core.share.ExportLocation;
import app.exosphere.core.share.Share;
import app.exosphere.examples.CloudSession;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The {@code exosphere share} commands: Manila shares the web app's way ({@code create}, {@code list},
 * {@code show}, {@code mount-commands}, {@code delete}). Each takes {@code --cloud NAME} or
 * {@code --simulated}.
 *
 * <pre>{@code
 * exosphere share create --cloud js2 --name lab-data --size 10
 * exosphere share mount-commands --cloud js2 lab-data --exosphere-url https://exosphere.example.org/
 * }</pre>
 */
final class ShareCommands {
    private ShareCommands() {}

    /** {@code exosphere share}: needs a subcommand. */
    @Command(
            name = "share",
            mixinStandardHelpOptions = true,
            description = "Manila shares (CephFS) the Exosphere web app's way.",
            subcommands = {Create.class, ListShares.class, Show.class, MountCommands.class, Delete.class})
    static final class ShareCommand extends CliCommand {
        @Override
        protected int run() {
            throw new ParameterException(
                    spec().commandLine(), "a share command is required: create, list, show, mount-commands or delete");
        }
    }

    /** The share named or id'd {@code key}: an id match first, then an exact name. */
    static Share find(CloudSession session, String key) {
        List<Share> all = session.exosphere().shares().list().execute();
        return all.stream()
                .filter(s -> s.id().equals(key))
                .findFirst()
                .or(() -> {
                    List<Share> named = all.stream()
                            .filter(s -> key.equals(s.nameIfSet().orElse(null)))
                            .toList();
                    if (named.size() > 1) {
                        throw new CliFailure(
                                1,
                                "ambiguous",
                                "share: " + named.size() + " shares are named " + key + "; pass the id");
                    }
                    return named.stream().findFirst();
                })
                .orElseThrow(() -> new CliFailure(
                        1, "not-found", "share: no share named or with id " + key + " in " + session.description()));
    }

    private static Json shareJson(Share s) {
        return Json.object()
                .put("id", s.id())
                .put("name", s.nameIfSet().orElse(null))
                .put("sizeGb", s.sizeGb())
                .put("status", s.status().apiValue())
                .put("protocol", s.protocol().orElse(null))
                .put("shareType", s.shareTypeName().orElse(null));
    }

    private static Json ruleJson(AccessRule r) {
        return Json.object()
                .put("id", r.id())
                .put("accessTo", r.accessTo())
                .put("accessType", r.accessType())
                .put("accessLevel", r.accessLevel())
                .put("state", r.state().apiValue())
                .put("hasKey", r.accessKey().isPresent());
    }

    /** {@code exosphere share create --name N --size GB}. */
    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Create a CephFS share the web app's way and give it its <name>-rw and <name>-ro access rules.",
                "",
                "Share type cephfsnativetype, exoClientUuid metadata and a quota check first; waits until the",
                "share is available and its rules are applied."
            })
    static final class Create extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Option(
                names = "--name",
                required = true,
                paramLabel = "N",
                description = "The share name (letters, digits, . - _).")
        String name;

        @Option(names = "--size", required = true, paramLabel = "GB", description = "The size in GB.")
        int size;

        @Option(names = "--description", paramLabel = "TEXT", description = "An optional description.")
        String description;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                CreatedShare c = session.exosphere()
                        .shares()
                        .create(name, description, size)
                        .execute();
                if (json()) {
                    out().println(Json.document()
                            .put("share", shareJson(c.share()))
                            .put(
                                    "accessRules",
                                    c.accessRules().stream()
                                            .map(ShareCommands::ruleJson)
                                            .toList()));
                } else {
                    out().println("share " + c.share().name() + " (" + c.share().id() + "), "
                            + c.share().sizeGb()
                            + " GB, " + c.share().status().apiValue() + "; access rules: "
                            + String.join(
                                    ", ",
                                    c.accessRules().stream()
                                            .map(AccessRule::accessTo)
                                            .toList()));
                }
                return 0;
            }
        }
    }

    /** {@code exosphere share list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the project's shares.")
    static final class ListShares extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                List<Share> shares = session.exosphere().shares().list().execute();
                if (json()) {
                    out().println(Json.document()
                            .put(
                                    "shares",
                                    shares.stream()
                                            .map(ShareCommands::shareJson)
                                            .toList()));
                } else if (shares.isEmpty()) {
                    out().println("no shares in " + session.description());
                } else {
                    out().println(String.format(
                            Locale.ROOT, "%-36s  %-24s  %7s  %-10s  %s", "ID", "NAME", "SIZE", "STATUS", "PROTOCOL"));
                    for (Share s : shares) {
                        out().println(String.format(
                                Locale.ROOT,
                                "%-36s  %-24s  %4d GB  %-10s  %s",
                                s.id(),
                                s.nameIfSet().orElse("(unnamed)"),
                                s.sizeGb(),
                                s.status().apiValue(),
                                s.protocol().orElse("-")));
                    }
                }
                return 0;
            }
        }
    }

    /** {@code exosphere share show SHARE}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Show a share with its export locations and access rules (keys are not printed).")
    static final class Show extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(paramLabel = "SHARE", description = "Share name or id.")
        String share;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                Share s = find(session, share);
                var manila = session.openStack().share().shares();
                List<ExportLocation> locations = manila.exportLocations(s.id()).execute();
                List<AccessRule> rules = manila.accessRules(s.id()).execute();
                if (json()) {
                    out().println(Json.document()
                            .put("share", shareJson(s))
                            .put(
                                    "exportLocations",
                                    locations.stream().map(ExportLocation::path).toList())
                            .put(
                                    "accessRules",
                                    rules.stream().map(ShareCommands::ruleJson).toList()));
                } else {
                    out().println("name:        " + s.nameIfSet().orElse("(unnamed)"));
                    out().println("id:          " + s.id());
                    out().println("size:        " + s.sizeGb() + " GB");
                    out().println("status:      " + s.status().apiValue());
                    out().println("protocol:    " + s.protocol().orElse("-"));
                    out().println("share type:  " + s.shareTypeName().orElse("-"));
                    for (ExportLocation l : locations) {
                        out().println("export:      " + l.path());
                    }
                    for (AccessRule r : rules) {
                        out().println("access rule: " + r.accessTo() + " ("
                                + r.level().map(AccessLevel::label).orElse(r.accessLevel())
                                + ", " + r.accessType() + ", " + r.state().apiValue()
                                + (r.accessKey().isPresent() ? ", key set" : ", no key yet")
                                + ")");
                    }
                }
                return 0;
            }
        }
    }

    /** {@code exosphere share mount-commands SHARE}. */
    @Command(
            name = "mount-commands",
            mixinStandardHelpOptions = true,
            description = {
                "Print the web app's mount and unmount commands for a CephFS share, values shell-quoted.",
                "",
                "The mount command holds the access key. With --cloud-init, print instead the cloud-config that",
                "mounts the share at first boot with the key in a root-only file."
            })
    static final class MountCommands extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(paramLabel = "SHARE", description = "Share name or id.")
        String share;

        @Option(
                names = "--level",
                paramLabel = "rw|ro",
                defaultValue = "rw",
                description = "Which automatic rule: rw (default) or ro.")
        String level;

        @Option(
                names = "--exosphere-url",
                paramLabel = "URL",
                description = "The Exosphere deployment serving assets/scripts/mount_ceph.py.")
        String exosphereUrl;

        @Option(names = "--cloud-init", description = "Print the cloud-config fragment instead of the commands.")
        boolean cloudInit;

        @Override
        protected int run() {
            AccessLevel wanted =
                    switch (level.toLowerCase(Locale.ROOT)) {
                        case "rw" -> AccessLevel.RW;
                        case "ro" -> AccessLevel.RO;
                        default ->
                            throw new ParameterException(
                                    spec().commandLine(), "--level must be rw or ro, got " + level);
                    };
            if (!cloudInit && exosphereUrl == null) {
                throw new ParameterException(
                        spec().commandLine(),
                        "pass --exosphere-url URL (the web app deployment that serves the mount helper) or --cloud-init");
            }
            try (CloudSession session = cloud.open(cli())) {
                Shares shares = session.exosphere().shares();
                ShareMount m = shares.mount(find(session, share).id(), wanted).execute();
                if (cloudInit) {
                    out().println("#cloud-config");
                    out().print(m.cloudConfig().toYaml());
                } else if (json()) {
                    String script = ShareMount.scriptUrl(exosphereUrl);
                    out().println(Json.document()
                            .put("mountPoint", m.mountPoint())
                            .put("mount", m.mountCommand(script).reveal())
                            .put("unmount", m.unmountCommand(script)));
                } else {
                    String script = ShareMount.scriptUrl(exosphereUrl);
                    out().println("# mount at " + m.mountPoint() + " ("
                            + m.level().label() + ")");
                    out().println(m.mountCommand(script).reveal());
                    out().println("# unmount");
                    out().println(m.unmountCommand(script));
                }
                return 0;
            }
        }
    }

    /** {@code exosphere share delete SHARE}. */
    @Command(
            name = "delete",
            mixinStandardHelpOptions = true,
            description = "Delete a share (its access rules go with it).")
    static final class Delete extends CliCommand {
        @Mixin
        CloudOptions cloud;

        @Parameters(paramLabel = "SHARE", description = "Share name or id.")
        String share;

        @Override
        protected int run() {
            try (CloudSession session = cloud.open(cli())) {
                Share s = find(session, share);
                session.exosphere().shares().delete(s.id()).execute();
                if (json()) {
                    out().println(Json.document().put("deleted", s.id()));
                } else {
                    out().println("share " + s.name() + " (" + s.id() + ") deleted");
                }
                return 0;
            }
        }
    }
}
