package app.exosphere.examples.cli;

import app.exosphere.cloudinit.Compression;
import app.exosphere.cloudinit.RenderedUserData;
import app.exosphere.cloudinit.UserDataOptions;
import app.exosphere.workflow.WorkflowSource;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code exosphere user-data}: the cloud-init user data an Exosphere-style instance boots with, exactly as
 * the SDK's launch sends it (Exosphere's {@code ServerDeploy.cloudInitUserDataTemplate} and {@code Helpers.renderUserDataTemplate}).
 *
 * <pre>{@code
 * exosphere user-data --desktop --ssh-key "$(cat ~/.ssh/id_ed25519.pub)" > user-data.txt
 * }</pre>
 */
@Command(
        name = "user-data",
        mixinStandardHelpOptions = true,
        description = {
            "Print the cloud-init user data of an Exosphere-style instance (raw MIME by default).",
            "Guacamole (web shell) is on unless --no-guacamole; --desktop adds the web desktop."
        },
        footer = {
            "%nExamples:",
            "  exosphere user-data --desktop --ssh-key \"$(cat ~/.ssh/id_ed25519.pub)\"",
            "  exosphere user-data --gzip --base64 \\",
            "      --workflow-repo https://github.com/binder-examples/r_with_python"
        })
final class UserDataCommand extends CliCommand {

    @Option(
            names = "--guacamole",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Deploy Guacamole for the web shell (default on; --no-guacamole on clouds without a UAP).")
    private boolean guacamole;

    @Option(names = "--desktop", description = "Install a graphical desktop (web desktop through Guacamole).")
    private boolean desktop;

    @Option(names = "--no-os-updates", description = "Do not upgrade the OS packages at first boot.")
    private boolean noOsUpdates;

    @Option(names = "--ssh-key", paramLabel = "KEY", description = "An OpenSSH public key for exouser (repeatable).")
    private List<String> sshKeys = new ArrayList<>();

    @Option(names = "--workflow-repo", paramLabel = "R", description = "A Binder repository to build and serve.")
    private String workflowRepo;

    @Option(names = "--workflow-ref", paramLabel = "REF", description = "Its branch, tag or commit.")
    private String workflowRef;

    @Option(names = "--workflow-path", paramLabel = "P", description = "The path to open in Jupyter.")
    private String workflowPath;

    @Option(
            names = "--config-repo",
            paramLabel = "URL",
            description = "The instance-config-management repository (default Exosphere's).")
    private String configRepo;

    @Option(names = "--config-checkout", paramLabel = "REF", description = "Its branch, tag or commit.")
    private String configCheckout;

    @Option(names = "--gzip", description = "Gzip the payload (binary: needs --base64).")
    private boolean gzip;

    @Option(names = "--base64", description = "Print the Base64 form Nova's user_data takes.")
    private boolean base64;

    @Override
    protected int run() {
        if (workflowRepo == null && (workflowRef != null || workflowPath != null)) {
            throw new ParameterException(
                    spec().commandLine(), "--workflow-ref and --workflow-path need --workflow-repo");
        }
        if (gzip && !base64 && !json()) {
            throw new ParameterException(
                    spec().commandLine(), "--gzip output is binary; add --base64 to print it on a terminal");
        }
        UserDataOptions.Builder options = UserDataOptions.builder()
                .guacamole(guacamole)
                .desktop(desktop)
                .installOsUpdates(!noOsUpdates)
                .addAllSshPublicKeys(sshKeys);
        if (workflowRepo != null) {
            options.workflow(WorkflowSource.of(workflowRepo, workflowRef, workflowPath));
        }
        if (configRepo != null) {
            options.configManagementRepository(configRepo);
        }
        if (configCheckout != null) {
            options.configManagementCheckout(configCheckout);
        }
        RenderedUserData ud = options.build().render(gzip ? Compression.GZIP : Compression.NONE);
        if (json()) {
            Json doc = Json.document()
                    .put("compressed", ud.isCompressed())
                    .put("textSize", ud.textSize())
                    .put("encodedSize", ud.encodedSize())
                    .put("novaLimit", RenderedUserData.NOVA_LIMIT)
                    .put("base64", ud.base64());
            if (!gzip) {
                doc.put("text", ud.text());
            }
            out().println(doc);
        } else if (base64) {
            out().println(ud.base64());
        } else {
            out().print(ud.text());
            out().flush();
        }
        return 0;
    }
}
