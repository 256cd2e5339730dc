package app.exosphere.examples.docs;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.ImageChoice;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.rules.Interaction;
import java.time.Duration;

/** The code of {@code docs/concepts.md} (compiled only: it signs in to Jetstream2). */
final class ConceptsSnippets {

    private ConceptsSnippets() {}

    static void launchAndOpenTheWebShell(String id, String secret, String storedClientUuid) {
        // snippet:concepts-overview
        OpenStack os = OpenStack.builder()
                .authUrl("https://js2.jetstream-cloud.org:5000/v3/")
                .credentials(Credentials.applicationCredential(id, secret))
                .region("IU")
                .build();
        // storedClientUuid: ExosphereSettings.newClientUuid(), made once and persisted
        try (Exosphere exo = Exosphere.connect(os, storedClientUuid)) {
            Instance vm = exo.launch(LaunchRequest.builder()
                            .name("analysis")
                            .image(ImageChoice.name("Featured-Ubuntu24"))
                            .build())
                    .execute();
            Instance ready = vm.watch(p -> System.out.println(p.state() + ": " + p.message()))
                    .awaitReady(Duration.ofMinutes(30))
                    .refresh()
                    .execute();
            System.out.println(ready.fetchInteractions()
                    .execute()
                    .status(Interaction.WEB_SHELL)
                    .value()
                    .orElseThrow());
        }
        // end-snippet
    }
}
