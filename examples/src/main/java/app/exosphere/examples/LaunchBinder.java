package app.exosphere.examples;

import app.exosphere.core.compute.Server;
import app.exosphere.core.rules.Interaction;
import app.exosphere.core.rules.InteractionStatus;
import java.time.Duration;

/**
 * A Binder workflow on an Exosphere instance: the instance builds {@code binder-examples/r_with_python}
 * with repo2docker and serves it; the example prints the RStudio URL (with its Jupyter token) once ready.
 *
 * <pre>{@code
 * java -cp examples/target/exosphere-cli.jar app.exosphere.examples.LaunchBinder
 * }</pre>
 */
public final class LaunchBinder {

    /** Binder's example repository with R and Python. */
    public static final String REPOSITORY = "https://github.com/binder-examples/r_with_python";

    private LaunchBinder() {}

    /** Runs the example; {@code args[0]} is an optional cloud name. */
    public static void main(String[] args) {
        try (CloudSession session = Examples.open(args)) {
            System.out.println(run(session));
        }
    }

    /** Launches the workflow instance and returns the RStudio URL. */
    public static String run(CloudSession session) {
        // snippet:binder
        Server server = session.launch(LaunchOptions.builder()
                        .name("rstudio")
                        .workflowRepository(REPOSITORY)
                        .workflowPath("rstudio")
                        .build())
                .get(0);
        Server ready = session.waitUntilReady(server.id(), Duration.ofMinutes(60), progress -> {});
        InteractionStatus workflow = session.interactions(ready).status(Interaction.WORKFLOW);
        String rstudioUrl = workflow.value()
                .orElseThrow(() -> new IllegalStateException("workflow not ready: "
                        + workflow.reason().orElse(workflow.kind().name())))
                .toUriString(); // the link with its token; printing the value itself masks it
        // end-snippet
        return rstudioUrl;
    }
}
