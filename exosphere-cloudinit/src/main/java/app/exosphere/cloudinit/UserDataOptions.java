package app.exosphere.cloudinit;

import app.exosphere.cloudinit.internal.Checks;
import app.exosphere.cloudinit.internal.ElmJson;
import app.exosphere.cloudinit.internal.UserDataRenderer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What goes into an Exosphere-style instance at boot: the typed, immutable options from which
 * {@link #render()} builds the cloud-init user data (Exosphere's {@code ServerDeploy.cloudInitUserDataTemplate} and {@code Helpers.renderUserDataTemplate}). The result looks Exosphere-made
 * to the Exosphere web app and to Exosphere's Ansible playbook: same four MIME parts, same status lines,
 * same Ansible extra vars. Every value is validated or escaped for its context (shell word, YAML scalar,
 * JSON string); bad values raise {@link InvalidUserDataOptionException}. Example:
 *
 * <pre>{@code
 * RenderedUserData ud = UserDataOptions.builder()
 *         .guacamole(true)
 *         .desktop(true)
 *         .addSshPublicKeys("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host")
 *         .workflow(WorkflowContribution.of("https://github.com/binder-examples/requirements", "main"))
 *         .build()
 *         .render();
 * ServerCreateRequest.builder().userData(ud.base64());
 * }</pre>
 */
@Value.Immutable
public abstract class UserDataOptions {

    /** Exosphere's public instance-config-management repository ({@code Helpers.renderUserDataTemplate}). */
    public static final String DEFAULT_CONFIG_MANAGEMENT_REPOSITORY = "https://gitlab.com/exosphere/exosphere.git";

    /** The default checkout of that repository. */
    public static final String DEFAULT_CONFIG_MANAGEMENT_CHECKOUT = "master";

    /**
     * Deploy Guacamole (web shell, and web desktop when {@link #desktop()}): Ansible {@code guac_enabled}.
     * Default {@code true}, as Exosphere does on clouds that have a User Application Proxy; turn it off
     * when the cloud has none.
     */
    @Value.Default
    public boolean guacamole() {
        return true;
    }

    /** Install a graphical desktop: Ansible {@code gui_enabled}. Default {@code false}. */
    @Value.Default
    public boolean desktop() {
        return false;
    }

    /** Upgrade the OS packages at first boot (cloud-config {@code package_upgrade}). Default {@code true}. */
    @Value.Default
    public boolean installOsUpdates() {
        return true;
    }

    /** OpenSSH public keys authorised for {@code exouser} (zero or more, one line each). */
    public abstract List<String> sshPublicKeys();

    /** The Git repository holding {@code ansible/playbook.yml}; default Exosphere's. */
    @Value.Default
    public String configManagementRepository() {
        return DEFAULT_CONFIG_MANAGEMENT_REPOSITORY;
    }

    /** The branch, tag or commit of that repository to run; default {@code master}. */
    @Value.Default
    public String configManagementCheckout() {
        return DEFAULT_CONFIG_MANAGEMENT_CHECKOUT;
    }

    /** A Binder workflow to build and serve on the instance (from the exosphere-workflow module). */
    public abstract Optional<WorkflowContribution> workflow();

    /** An application credential to write for exouser as openrc.sh and clouds.yaml (mode 0400). */
    public abstract Optional<OpenStackCredentials> openStackCredentials();

    /** Gateway cloud-config, deep-merged in order after Exosphere's. */
    public abstract List<CloudConfigFragment> extraCloudConfig();

    /** How scalar disagreements in {@link #extraCloudConfig()} are handled; default fail. */
    @Value.Default
    public CloudConfigMergePolicy mergePolicy() {
        return CloudConfigMergePolicy.FAIL_ON_CONFLICT;
    }

    /** Gateway shell scripts, appended as parts after Exosphere's. */
    public abstract List<ShellPart> extraShellParts();

    /** Compression of the rendered payload; default {@link Compression#NONE} (like Exosphere). */
    @Value.Default
    public Compression compression() {
        return Compression.NONE;
    }

    /** A new builder with Exosphere's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from these options. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /**
     * The Ansible extra vars the playbook receives, as compact JSON in Exosphere's key order
     * (Exosphere's {@code Helpers.renderUserDataTemplate}): {@code {"guac_enabled":true,"gui_enabled":false}} plus
     * {@code workflow_source_repository} and, when the reference is non-empty,
     * {@code workflow_repo_version}.
     */
    public String ansibleExtraVars() {
        ObjectNode vars = ElmJson.MAPPER.createObjectNode();
        vars.put("guac_enabled", guacamole());
        vars.put("gui_enabled", desktop());
        workflow().ifPresent(wf -> {
            vars.put("workflow_source_repository", wf.repository());
            wf.reference().filter(r -> !r.isEmpty()).ifPresent(r -> vars.put("workflow_repo_version", r));
        });
        return vars.toString();
    }

    /**
     * Renders the user data with {@link #compression()}.
     *
     * @throws UserDataTooLargeException when the Base64 payload exceeds Nova's 65,535 bytes
     * @throws CloudConfigConflictException when extra cloud-config conflicts
     */
    public RenderedUserData render() {
        return render(compression());
    }

    /** Renders the user data with the given compression. */
    public RenderedUserData render(Compression compression) {
        return UserDataRenderer.render(this, compression);
    }

    @Value.Check
    protected void check() {
        for (int i = 0; i < sshPublicKeys().size(); i++) {
            Checks.sshPublicKey("sshPublicKeys[" + i + "]", sshPublicKeys().get(i));
        }
        Checks.gitRepository("configManagementRepository", configManagementRepository());
        Checks.gitRef("configManagementCheckout", configManagementCheckout());
        workflow().ifPresent(wf -> {
            Checks.ansibleValue("workflow.repository", wf.repository(), 2048);
            wf.reference().ifPresent(r -> {
                if (!r.isEmpty()) {
                    Checks.ansibleValue("workflow.reference", r, 255);
                }
            });
        });
        Set<String> names = new HashSet<>(ExosphereUserData.PART_FILENAMES);
        for (ShellPart part : extraShellParts()) {
            if (!names.add(part.filename())) {
                throw new InvalidUserDataOptionException(
                        "extraShellParts",
                        "file name " + part.filename() + " is used twice or is one of Exosphere's part names");
            }
        }
    }

    /** Builds a {@link UserDataOptions}; start one with {@link UserDataOptions#builder()} or {@link UserDataOptions#toBuilder()}. */
    public static final class Builder extends ImmutableUserDataOptions.Builder {
        Builder() {}
    }
}
