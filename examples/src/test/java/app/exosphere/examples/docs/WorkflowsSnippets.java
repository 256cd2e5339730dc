package app.exosphere.examples.docs;

import app.exosphere.cloudinit.RenderedUserData;
import app.exosphere.cloudinit.UserDataOptions;
import app.exosphere.uap.JupyterInterface;
import app.exosphere.uap.UapCatalog;
import app.exosphere.workflow.WorkflowConsole;
import app.exosphere.workflow.WorkflowInteractionInput;
import app.exosphere.workflow.WorkflowInteractionStatus;
import app.exosphere.workflow.WorkflowMetadata;
import app.exosphere.workflow.WorkflowProblem;
import app.exosphere.workflow.WorkflowSource;
import app.exosphere.workflow.WorkflowUrls;
import app.exosphere.workflow.WorkflowValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The code of {@code docs/workflows.md}. */
final class WorkflowsSnippets {

    /** A launch form of a gateway: where validation results are shown. */
    static final class Form {
        final List<String> errors = new ArrayList<>();
        final List<String> infos = new ArrayList<>();

        void showError(Object field, String message) {
            errors.add(field + ": " + message);
        }

        void showInfo(String note) {
            infos.add(note);
        }
    }

    final Form form = new Form();
    final List<String> shown = new ArrayList<>();
    WorkflowSource validated;
    RenderedUserData userData;
    Map<String, String> metadata;
    WorkflowInteractionStatus status;

    void show(Object kind, String message) {
        shown.add(kind + " " + message);
    }

    void validate() {
        // snippet:workflows-validate
        WorkflowValidation v = WorkflowSource.builder()
                .repository("https://github.com/binder-examples/r_with_python")
                .path("rstudio")
                .validate();
        if (!v.isValid()) {
            for (WorkflowProblem p : v.problems()) {
                form.showError(p.field(), p.message()); // REPOSITORY, REFERENCE, PATH or METADATA
            }
            return;
        }
        WorkflowSource source = v.orElseThrow();
        v.notes().forEach(form::showInfo); // what was normalised, if anything
        // end-snippet
        validated = source;
    }

    void launchData(WorkflowSource source) {
        // snippet:workflows-user-data
        RenderedUserData userData = UserDataOptions.builder()
                .guacamole(false) // a workflow does not need Guacamole (keep it if you want the web shell too)
                .workflow(source)
                .build()
                .render();
        Map<String, String> metadata =
                Map.of(WorkflowMetadata.KEY, source.toMetadata().toMetadataValue());
        // end-snippet
        this.userData = userData;
        this.metadata = metadata;
    }

    void urls(String consoleText, Map<String, String> serverMetadata) {
        // snippet:workflows-urls
        WorkflowConsole console = WorkflowConsole.scan(consoleText);
        console.latestPhase(); // Optional[COMPLETE]  — progress to show while waiting
        console.token(); // Optional[<redacted>] — a SecretText; .orElseThrow().reveal() is 0123abcd…

        String uap = UapCatalog.exosphereDefaults()
                .uapHostnameFor("https://js2.jetstream-cloud.org:5000/identity/v3", "IU")
                .orElseThrow();
        WorkflowInteractionStatus status = WorkflowInteractionStatus.evaluate(WorkflowInteractionInput.builder()
                .serverStatus("ACTIVE")
                .fromExosphere(true)
                .workflow(WorkflowMetadata.fromServerMetadata(serverMetadata))
                .token(console.token())
                .uapHostname(Optional.of(uap))
                .floatingIp(Optional.of("149.165.1.2"))
                .build());

        if (status.isReady()) {
            WorkflowUrls urls = status.urls().orElseThrow();
            urls.chosen(); // https://http-149-165-1-2-8888.proxy-js2-iu.exosphere.app/rstudio?token=…
            urls.of(JupyterInterface.LAB); // …/lab?token=…   (also TREE, NTERACT, SHINY)
        } else {
            show(status.kind(), status.message()); // e.g. LOADING "Waiting for the workflow to publish its token…"
        }
        // end-snippet
        this.status = status;
    }
}
