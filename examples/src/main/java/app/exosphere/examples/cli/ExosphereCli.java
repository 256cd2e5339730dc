package app.exosphere.examples.cli;

import app.exosphere.uap.InvalidUapValueException;
import app.exosphere.workflow.InvalidWorkflowSourceException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code exosphere} command-line tool: Exosphere's logic (UAP URLs, workflow tokens, …) from a
 * shell, as a demo and an operator tool. Every command takes {@code --json} for machine-readable output;
 * errors go to stderr with a non-zero exit code (1 = failed, 2 = bad usage) and a stack trace only with
 * {@code --debug}.
 *
 * <pre>{@code
 * java -jar examples/target/exosphere-cli.jar uap-url --uap proxy-js2-iu.exosphere.app \
 *     --ip 149.165.157.212 --port 49528 --http --path guacamole/api/tokens
 * }</pre>
 *
 * <p>Tests and other programs run it in process with {@link #execute(InputStream, PrintWriter,
 * PrintWriter, String...)}.
 */
@Command(
        name = "exosphere",
        mixinStandardHelpOptions = true,
        versionProvider = ExosphereCli.Version.class,
        description =
                "Exosphere for science gateways: launch and follow instances, UAP URLs, workflow tokens and more.",
        subcommands = {
            UapUrlCommand.class,
            UapParseCommand.class,
            WorkflowTokenCommand.class,
            UserDataCommand.class,
            SetupStatusCommand.class,
            ResourceUsageCommand.class,
            CloudConfigCommand.class,
            ConfigCommand.class,
            SimulatorCommand.class,
            QuickstartCommand.class,
            LaunchCommand.class,
            ServerCommands.ListCommand.class,
            ServerCommands.ShowCommand.class,
            ServerCommands.InteractionsCommand.class,
            ServerCommands.UsageCommand.class,
            ServerCommands.ActionCommand.class,
            ServerCommands.DeleteCommand.class,
            VolumeCommands.VolumeCommand.class,
            ShareCommands.ShareCommand.class,
            ServerCommands.WorkflowCommand.class,
            ImageAndHostnameCommands.ImageCommand.class,
            ImageAndHostnameCommands.HostnameCommand.class,
            AllocationCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        usageHelpAutoWidth = true,
        exitCodeList = {
            "0:success",
            "1:the command failed (message on stderr)",
            "2:bad usage or an invalid value (nothing was changed)"
        })
public final class ExosphereCli implements Runnable {

    /** The {@code version} member of every JSON document the CLI prints (bumped on incompatible changes). */
    public static final int JSON_VERSION = 2;

    /** Exit code of a failed command. */
    public static final int EXIT_FAILURE = 1;

    /** Exit code of a usage error. */
    public static final int EXIT_USAGE = 2;

    private final InputStream stdin;
    private final java.util.function.Supplier<app.exosphere.examples.CloudSession> sessions;
    private final java.util.Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "Print machine-readable JSON (errors too, on stderr).")
    private boolean json;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    private boolean debug;

    @Option(
            names = {"--os-cloud", "--cloud"},
            paramLabel = "NAME",
            description = "The cloud from clouds.yaml for the command that follows, as in the openstack CLI"
                    + " (default: $OS_CLOUD).")
    private String cloud;

    @Option(
            names = {"--os-region-name", "--region"},
            paramLabel = "REGION",
            description = "The region for the command that follows (default: $OS_REGION_NAME).")
    private String region;

    private ExosphereCli(
            InputStream stdin,
            java.util.function.Supplier<app.exosphere.examples.CloudSession> sessions,
            java.util.Map<String, String> environment) {
        this.stdin = stdin;
        this.sessions = sessions;
        this.environment = java.util.Map.copyOf(environment);
    }

    /** Runs the CLI on the process's streams and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = execute(System.in, out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the CLI in process.
     *
     * @param stdin what the reading commands read (a console log)
     * @param out standard output
     * @param err standard error
     * @param args the arguments, without the program name
     * @return the exit code
     */
    public static int execute(InputStream stdin, PrintWriter out, PrintWriter err, String... args) {
        return execute(null, stdin, out, err, args);
    }

    /**
     * Runs the CLI in process with the cloud commands bound to sessions from {@code sessions} instead of
     * {@code --cloud}/{@code --simulated} (e.g. {@code session::borrowed}, to run several commands against
     * one simulated cloud).
     */
    public static int execute(
            java.util.function.Supplier<app.exosphere.examples.CloudSession> sessions,
            InputStream stdin,
            PrintWriter out,
            PrintWriter err,
            String... args) {
        return execute(System.getenv(), sessions, stdin, out, err, args);
    }

    /**
     * Runs the CLI in process with {@code environment} instead of the process's environment variables
     * ({@code OS_CLOUD}, {@code OS_REGION_NAME}, {@code OS_CLIENT_CONFIG_FILE}, {@code HOME}, ...).
     */
    static int execute(
            java.util.Map<String, String> environment,
            java.util.function.Supplier<app.exosphere.examples.CloudSession> sessions,
            InputStream stdin,
            PrintWriter out,
            PrintWriter err,
            String... args) {
        ExosphereCli root = new ExosphereCli(Objects.requireNonNull(stdin, "stdin"), sessions, environment);
        CommandLine line = new CommandLine(root);
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parseResult) -> root.reportFailure(e, cmd));
        line.setParameterExceptionHandler(root::reportUsageError);
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Convenience for {@link #execute(InputStream, PrintWriter, PrintWriter, String...)} on print streams. */
    public static int execute(InputStream stdin, PrintStream out, PrintStream err, String... args) {
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        return execute(stdin, o, e, args);
    }

    /** The command tree (for help checks), bound to this process's streams and environment. */
    static CommandLine commandLine() {
        return new CommandLine(new ExosphereCli(System.in, null, System.getenv()));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    java.util.function.Supplier<app.exosphere.examples.CloudSession> sessions() {
        return sessions;
    }

    InputStream stdin() {
        return stdin;
    }

    /** {@code exosphere --os-cloud NAME <command>}: the cloud given before the command, or null. */
    String cloud() {
        return cloud;
    }

    /** {@code exosphere --os-region-name R <command>}: the region given before the command, or null. */
    String region() {
        return region;
    }

    /** An environment variable (of the process, or of the in-process run), or null. */
    String env(String name) {
        String v = environment.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** clouds.yaml as openstacksdk finds it with this run's environment. */
    app.exosphere.core.config.CloudsYaml cloudsYaml() {
        String home = env("HOME") != null ? env("HOME") : System.getProperty("user.home");
        return app.exosphere.core.config.CloudsYaml.load(new app.exosphere.core.config.CloudsYaml.Environment(
                environment,
                java.nio.file.Path.of("").toAbsolutePath(),
                java.nio.file.Path.of(home),
                java.nio.file.Path.of("/etc")));
    }

    boolean json() {
        return json;
    }

    boolean debug() {
        return debug;
    }

    private int reportFailure(Exception e, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        int code;
        String kind;
        String message;
        if (e instanceof CliFailure failure) {
            code = failure.exitCode();
            kind = failure.kind();
            message = failure.getMessage();
        } else if (e instanceof InvalidUapValueException invalid) {
            code = EXIT_USAGE;
            kind = kebab(invalid.reason().name());
            message = invalid.getMessage();
        } else if (e instanceof InvalidWorkflowSourceException invalid) {
            code = EXIT_USAGE;
            kind = kebab(invalid.problems().get(0).kind().name());
            message = invalid.getMessage();
        } else if (e instanceof app.exosphere.core.error.InvalidLaunchRequestException) {
            // input that can never succeed; nothing was created
            code = EXIT_USAGE;
            kind = "invalid-launch-request";
            message = e.getMessage();
        } else if (e instanceof java.util.NoSuchElementException) {
            code = EXIT_FAILURE;
            kind = "not-found";
            message = e.getMessage();
        } else if (e.getClass().getName().startsWith("app.exosphere.")) {
            // the SDK's typed exceptions say what to do and never carry secrets: print them as they are;
            // Invalid*Exception means a value given can never work: a usage error, nothing was changed
            code = e.getClass().getSimpleName().startsWith("Invalid") ? EXIT_USAGE : EXIT_FAILURE;
            kind = kindOf(e);
            message = e.getMessage();
        } else if (e instanceof IllegalArgumentException) {
            code = EXIT_FAILURE;
            kind = "invalid-argument";
            message = e.getMessage();
        } else {
            code = EXIT_FAILURE;
            kind = "internal-error";
            message = "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (debug ? "" : " (run with --debug for the stack trace)");
        }
        if (json) {
            err.println(Json.document().put("error", message).put("kind", kind).put("exitCode", code));
        } else {
            err.println(cmd.getCommandName() + ": " + message);
        }
        if (debug) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return code;
    }

    /** {@code MISSING_PORT} → {@code missing-port}: every error kind is lower-case, dash-separated. */
    static String kebab(String enumName) {
        return enumName.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** {@code InvalidUserDataOptionException} → {@code invalid-user-data-option}. */
    static String kindOf(Exception e) {
        String name = e.getClass().getSimpleName().replaceFirst("Exception$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private int reportUsageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String help = "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.";
        if (json) {
            err.println(Json.document()
                    .put("error", e.getMessage())
                    .put("kind", "usage")
                    .put("exitCode", EXIT_USAGE));
        } else {
            err.println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            err.println(help);
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_USAGE;
    }

    /** The version from the jar manifest ({@code Implementation-Version}), or "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ExosphereCli.class.getPackage().getImplementationVersion();
            return new String[] {"exosphere-java CLI " + (v == null ? "(development build)" : v)};
        }
    }
}
