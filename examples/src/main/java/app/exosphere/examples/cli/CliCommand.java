package app.exosphere.examples.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base class of every {@code exosphere} subcommand: access to the streams and the global
 * {@code --json}/{@code --debug} options, at any nesting depth. A subcommand implements {@link #run()},
 * writes its result to {@link #out()} (as JSON when {@link #json()}), and signals failure by throwing
 * (a {@link CliFailure}, or a library exception, whose message is printed without a stack trace).
 *
 * <pre>{@code
 * @Command(name = "hello", description = "Says hello.")
 * final class HelloCommand extends CliCommand {
 *     @Override
 *     protected int run() {
 *         out().println(json() ? Json.object().put("hello", "world") : "hello world");
 *         return 0;
 *     }
 * }
 * }</pre>
 *
 * Register new commands in {@link ExosphereCli}'s {@code subcommands} list.
 */
public abstract class CliCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Runs the command; returns the exit code (0 for success). */
    protected abstract int run() throws Exception;

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    /** The root command, holding the global options and stdin. */
    protected final ExosphereCli cli() {
        CommandLine line = spec.commandLine();
        while (line.getParent() != null) {
            line = line.getParent();
        }
        return (ExosphereCli) line.getCommand();
    }

    /** This command's picocli model (e.g. to raise a usage error with {@code ParameterException}). */
    protected final CommandSpec spec() {
        return spec;
    }

    /** Standard output. */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error. */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Standard input (a console log for the reading commands). */
    protected final InputStream stdin() {
        return cli().stdin();
    }

    /** Whether {@code --json} was given: print one JSON document instead of text. */
    protected final boolean json() {
        return cli().json();
    }

    /**
     * The {@code --timeout MINUTES} to wait for, or {@code defaultMinutes} when not given. A usage error
     * (exit 2) when it was given where nothing waits ({@code waits} false: the message says {@code --timeout
     * goes with} {@code goesWith}) or is below 1 minute, so that a timeout is never dropped silently.
     */
    protected final Duration timeout(Integer givenMinutes, boolean waits, String goesWith, int defaultMinutes) {
        if (givenMinutes == null) {
            return Duration.ofMinutes(defaultMinutes);
        }
        if (!waits) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout goes with " + goesWith);
        }
        if (givenMinutes < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--timeout must be at least 1 minute, got " + givenMinutes);
        }
        return Duration.ofMinutes(givenMinutes);
    }
}
