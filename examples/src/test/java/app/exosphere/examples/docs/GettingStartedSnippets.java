package app.exosphere.examples.docs;

import app.exosphere.core.OpenStack;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.rules.Interaction;
import java.time.Duration;

/** The real-cloud code of {@code docs/getting-started.md} (compiled; it needs a cloud to run). */
final class GettingStartedSnippets {

    private GettingStartedSnippets() {}

    static String realCloud(String storedClientUuid) {
        // snippet:getting-started-real-cloud
        try (OpenStack openStack = OpenStack.fromCloudsYaml("js2");
                Exosphere exosphere = Exosphere.connect(openStack, storedClientUuid)) {
            Instance instance = exosphere
                    .launch(LaunchRequest.builder().name("my-first-instance").build())
                    .execute();
            Instance ready =
                    instance.watch().awaitReady(Duration.ofHours(1)).refresh().execute();
            return ready.fetchInteractions()
                    .execute()
                    .status(Interaction.WEB_SHELL)
                    .value()
                    .orElseThrow()
                    .toUriString(); // the link; the SecretUrl itself prints with the token masked
        }
        // end-snippet
    }
}
