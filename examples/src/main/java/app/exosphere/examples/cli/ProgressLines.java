package app.exosphere.examples.cli;

import app.exosphere.core.compute.Server;
import app.exosphere.core.rules.ServerOrigin;
import app.exosphere.examples.CloudSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The status lines a command prints while it follows a server ({@code launch --wait}, {@code action SERVER
 * unshelve}): {@code [mm:ss] STATUS UI-STATUS setup STATE} on the cloud's clock, one line per change, or on a
 * terminal one line that ticks and a new one per change. Nothing with {@code --json}.
 *
 * <pre>{@code
 * ProgressLines lines = ProgressLines.start(this, session, server);
 * Server ready = session.waitUntilReady(server.id(), timeout, lines);
 * lines.end();
 * }</pre>
 */
final class ProgressLines implements Consumer<CloudSession.Progress> {
    private final CliCommand cmd;
    private final boolean live;
    private final Instant cloudStart;
    private final AtomicReference<String> shown;
    /** A note was printed after the ticking line: the next line starts on a new line. */
    private volatile boolean noted;

    private ProgressLines(CliCommand cmd, Instant cloudStart, String shown) {
        this.cmd = cmd;
        this.live = System.console() != null && !cmd.json();
        this.cloudStart = cloudStart;
        this.shown = new AtomicReference<>(shown);
    }

    /** Prints the first line, {@code [00:00]}, for {@code server} as it is now. */
    static ProgressLines start(CliCommand cmd, CloudSession session, Server server) {
        ProgressLines lines = new ProgressLines(
                cmd, session.clock().instant(), server.status().raw() + "/" + session.uiStatus(server));
        if (!cmd.json()) {
            String first = line(
                    0,
                    server.status().raw(),
                    session.uiStatus(server).display(),
                    ServerOrigin.of(server).setupStatus().state().wire());
            cmd.out().print(first + (lines.live ? "" : "\n"));
            cmd.out().flush();
        }
        return lines;
    }

    @Override
    public void accept(CloudSession.Progress p) {
        String key = p.server().status().raw() + "/" + p.uiStatus();
        boolean changed = !key.equals(shown.getAndSet(key));
        if (cmd.json() || !(changed || live)) {
            return;
        }
        String line = line(
                Duration.between(cloudStart, p.at()).toSeconds(),
                p.server().status().raw(),
                p.uiStatus().display(),
                p.setup().state().wire());
        if (live) {
            // on a terminal: one line that ticks with the cloud clock, a new line per change
            cmd.out().print((changed || noted ? "\n" : "\r") + line);
            noted = false;
        } else {
            cmd.out().println(line);
        }
        cmd.out().flush();
    }

    /** Prints an event's message on its own line, indented under the status lines. */
    void note(String message) {
        if (cmd.json()) {
            return;
        }
        if (live) {
            cmd.out().print("\n  " + message);
            noted = true;
        } else {
            cmd.out().println("  " + message);
        }
        cmd.out().flush();
    }

    /** One status line: {@code [mm:ss] STATUS UI-STATUS setup STATE}, the time on the cloud's clock since the start. */
    private static String line(long cloudSecs, String status, String uiStatus, String setup) {
        return String.format(
                Locale.ROOT,
                "  [%02d:%02d] %-8s %-13s setup %s",
                cloudSecs / 60,
                cloudSecs % 60,
                status,
                uiStatus,
                setup);
    }

    /** Ends the ticking line on a terminal (call once the wait is over, also after a failure). */
    void end() {
        if (live) {
            cmd.out().println();
            cmd.out().flush();
        }
    }
}
