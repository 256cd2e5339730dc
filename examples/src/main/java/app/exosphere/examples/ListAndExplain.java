package app.exosphere.examples;

import app.exosphere.core.auth.SecretUrl;
import app.exosphere.core.compute.Server;
import app.exosphere.core.rules.Interaction;
import app.exosphere.core.rules.InteractionStatus;
import app.exosphere.core.rules.Interactions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every server of the project with its Exosphere UI status and, for each interaction that is not ready,
 * Exosphere's reason — the explanations the Exosphere web app shows next to its buttons.
 *
 * <pre>{@code
 * java -cp examples/target/exosphere-cli.jar app.exosphere.examples.ListAndExplain js2
 * }</pre>
 */
public final class ListAndExplain {

    private ListAndExplain() {}

    /** Runs the example; {@code args[0]} is an optional cloud name (the simulated cloud gets one server). */
    public static void main(String[] args) {
        try (CloudSession session = Examples.open(args)) {
            if (session.simulator().isPresent()) {
                session.launch(LaunchOptions.builder().name("building").build());
            }
            run(session, System.out);
        }
    }

    /** Prints each server and its interactions; returns the printed lines. */
    public static List<String> run(CloudSession session, PrintStream out) {
        List<String> lines = new ArrayList<>();
        // snippet:explain
        for (Server server : session.servers()) {
            lines.add(server.name() + ": " + session.uiStatus(server).display());
            Interactions interactions = session.interactions(server);
            for (Map.Entry<Interaction, InteractionStatus> e :
                    interactions.visible().entrySet()) {
                InteractionStatus s = e.getValue();
                String why = s.isUsable()
                        ? s.value().map(SecretUrl::toUriString).orElse("")
                        : s.reason().orElse(s.kind().name());
                lines.add("  " + e.getKey().displayName() + " [" + s.kind() + "] " + why);
            }
        }
        // end-snippet
        lines.forEach(out::println);
        return lines;
    }
}
