package app.exosphere.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** The outcome of one in-process CLI run, for golden-output tests. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return withStdin("", args);
    }

    /** Runs against one shared (borrowed) cloud session instead of --cloud/--simulated. */
    static CliRun on(app.exosphere.examples.CloudSession session, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ExosphereCli.execute(
                session::borrowed,
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out),
                new PrintWriter(err),
                args);
        return new CliRun(
                code,
                out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    /** Runs with {@code env} as the environment variables, against {@code session} when not null. */
    static CliRun withEnv(
            java.util.Map<String, String> env, app.exosphere.examples.CloudSession session, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ExosphereCli.execute(
                env,
                session == null ? null : session::borrowed,
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out),
                new PrintWriter(err),
                args);
        return new CliRun(
                code,
                out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    static CliRun withStdin(String stdin, String... args) {
        // snippet:cli-in-process
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ExosphereCli.execute(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out),
                new PrintWriter(err),
                args);
        // end-snippet
        return new CliRun(
                code,
                out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }
}
