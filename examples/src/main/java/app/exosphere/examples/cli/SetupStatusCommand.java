package app.exosphere.examples.cli;

import app.exosphere.cloudinit.console.SetupState;
import app.exosphere.cloudinit.console.SetupStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code exosphere setup-status}: an instance's setup status derived from its console log on stdin with
 * Exosphere's rules and timeouts ({@code ExoSetupStatus.parseConsoleLogExoSetupStatus} and {@code GoalServer.stepServerPollConsoleLog}).
 *
 * <pre>{@code
 * openstack console log show my-instance | exosphere setup-status --created 2024-01-01T00:00:00Z --now 2024-01-01T00:30:00Z
 * }</pre>
 */
@Command(
        name = "setup-status",
        mixinStandardHelpOptions = true,
        description = {
            "Print an instance's setup status from its console log on stdin.",
            "The status is waiting, starting, running, complete, error, timeout or unknown; the output also",
            "says when it was reported and gives the exoSetup metadata value."
        },
        footer = {
            "%nExample:",
            "  openstack console log show my-instance | \\",
            "      exosphere setup-status --created 2024-01-01T00:00:00Z --now 2024-01-01T00:30:00Z"
        })
final class SetupStatusCommand extends CliCommand {

    @Option(
            names = "--created",
            required = true,
            paramLabel = "ISO_INSTANT",
            description = "When the server was created.")
    private Instant created;

    @Option(names = "--now", paramLabel = "ISO_INSTANT", description = "The time to judge timeouts at (default: now).")
    private Instant now;

    @Option(
            names = "--previous",
            paramLabel = "STATUS",
            defaultValue = "waiting",
            description = "The status known before (a wire word or an exoSetup metadata value; default waiting).")
    private String previous;

    @Override
    protected int run() throws IOException {
        Instant at = now != null ? now : Instant.now();
        if (at.isBefore(created)) {
            throw new ParameterException(spec().commandLine(), "--now " + at + " is before --created " + created);
        }
        SetupStatus before = SetupStatus.fromMetadataValue(previous);
        if (before.state() == SetupState.UNKNOWN && !previous.contains("unknown")) {
            throw new ParameterException(
                    spec().commandLine(),
                    "--previous '" + previous + "' is not a setup status; expected one of waiting, starting,"
                            + " running, complete, error, timeout, unknown");
        }
        String log = new String(stdin().readAllBytes(), StandardCharsets.UTF_8);
        SetupStatus status = before.next(log, created, at);
        if (json()) {
            out().println(Json.document()
                    .put("status", status.state().wire())
                    .put("display", status.state().display())
                    .put(
                            "epoch",
                            status.epochMillis().isPresent()
                                    ? status.epochMillis().getAsLong()
                                    : null)
                    .put("finished", status.state().isFinished())
                    .put("metadata", status.toMetadataValue()));
        } else {
            out().println("status:   " + status.state().wire());
            out().println("epoch:    "
                    + (status.epochMillis().isPresent()
                            ? status.epochMillis().getAsLong() + " ("
                                    + DateTimeFormatter.ISO_INSTANT.format(
                                            status.timestamp().get()) + ")"
                            : "unknown"));
            out().println("metadata: " + SetupStatus.METADATA_KEY + "=" + status.toMetadataValue());
        }
        return 0;
    }
}
