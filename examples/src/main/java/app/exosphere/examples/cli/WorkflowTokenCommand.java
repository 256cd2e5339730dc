package app.exosphere.examples.cli;

import app.exosphere.workflow.WorkflowConsole;
import app.exosphere.workflow.WorkflowSetupEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code exosphere workflow-token}: the Jupyter token a workflow instance published on its console,
 * read from a console log on stdin (last one wins, like the Exosphere web app). Exit code 1 when there
 * is none yet.
 *
 * <pre>{@code
 * openstack console log show my-instance | exosphere workflow-token
 * }</pre>
 */
@Command(
        name = "workflow-token",
        mixinStandardHelpOptions = true,
        description = {
            "Print the workflow's Jupyter token from an instance's console log on stdin.",
            "It is the last {\"exoWorkflowToken\":\"<hex>\"} line; the exit code is 1 when there is none yet."
        },
        footer = {"%nExample:", "  openstack console log show my-instance | exosphere workflow-token"})
final class WorkflowTokenCommand extends CliCommand {

    @Override
    protected int run() throws IOException {
        String log = new String(stdin().readAllBytes(), StandardCharsets.UTF_8);
        WorkflowConsole console = WorkflowConsole.scan(log);
        String token = console.token()
                .orElseThrow(() -> new CliFailure(
                        ExosphereCli.EXIT_FAILURE,
                        "no-token",
                        "no workflow token in the console log"
                                + console.latestPhase()
                                        .map(p -> " (workflow setup " + p.wire() + ")")
                                        .orElse("")
                                + "; the instance publishes {\"exoWorkflowToken\":\"<hex>\"} once its Jupyter server"
                                + " runs"))
                .reveal(); // the command's output is the token itself
        if (json()) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (WorkflowSetupEvent e : console.setupEvents()) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("phase", e.phase().wire());
                event.put("line", e.lineNumber());
                events.add(event);
            }
            out().println(Json.document()
                    .put("token", token)
                    .put(
                            "setupPhase",
                            console.latestPhase()
                                    .map(p -> p.name().toLowerCase(Locale.ROOT))
                                    .orElse(null))
                    .put("setupEvents", events));
        } else {
            out().println(token);
        }
        return 0;
    }
}
