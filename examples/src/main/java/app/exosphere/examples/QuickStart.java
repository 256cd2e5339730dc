package app.exosphere.examples;

import app.exosphere.core.auth.SecretUrl;
import app.exosphere.core.compute.Server;
import app.exosphere.core.rules.Interaction;
import app.exosphere.core.rules.InteractionStatus;
import app.exosphere.core.rules.Interactions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * Launch → progress → interactions: an Exosphere-style instance with web shell and desktop, followed until
 * ready, then every interaction with its URL or reason. Runs on the simulated cloud by default, or on a
 * cloud from {@code clouds.yaml} given by name.
 *
 * <pre>{@code
 * java -cp examples/target/exosphere-cli.jar app.exosphere.examples.QuickStart          # simulated
 * java -cp examples/target/exosphere-cli.jar app.exosphere.examples.QuickStart js2      # clouds.yaml entry js2
 * }</pre>
 */
public final class QuickStart {

    private QuickStart() {}

    /** Runs the example; {@code args[0]} is an optional cloud name. */
    public static void main(String[] args) {
        try (CloudSession session = Examples.open(args)) {
            run(session, System.out);
        }
    }

    /** Launches "quickstart" and returns its interactions once ready. */
    public static Interactions run(CloudSession session, PrintStream out) {
        // snippet:quickstart
        Server server = session.launch(
                        LaunchOptions.builder().name("quickstart").desktop(true).build())
                .get(0);
        Server ready = session.waitUntilReady(
                server.id(),
                Duration.ofMinutes(60),
                p -> out.println(
                        p.uiStatus().display() + " (setup " + p.setup().state().wire() + ")"));
        Interactions interactions = session.interactions(ready);
        for (Map.Entry<Interaction, InteractionStatus> e :
                interactions.visible().entrySet()) {
            InteractionStatus status = e.getValue();
            out.println(e.getKey().displayName() + ": "
                    + status.value()
                            .map(SecretUrl::toUriString)
                            .or(status::reason)
                            .orElse(status.kind().name()));
        }
        // end-snippet
        return interactions;
    }
}
