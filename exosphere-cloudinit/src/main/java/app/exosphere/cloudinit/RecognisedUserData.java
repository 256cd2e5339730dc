package app.exosphere.cloudinit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options recovered from Exosphere-made user data (by the Exosphere web app or by this SDK): what the
 * instance will deploy and which protocol lines it will emit on its console. A simulated cloud uses this
 * to decide what a simulated instance prints; a gateway uses it to inspect or re-launch. Secrets are not
 * recovered (only whether credentials are injected). Example:
 *
 * <pre>{@code
 * RecognisedUserData r = ExosphereUserData.recognise(UserData.parseBase64(userData)).orElseThrow();
 * if (r.guacamole()) System.out.println("{\"guacDeployComplete\":true}");
 * r.workflow().ifPresent(wf -> System.out.println("{\"exoWorkflowSetup\":\"started\"}"));
 * }</pre>
 *
 * @param guacamole Ansible {@code guac_enabled}
 * @param desktop Ansible {@code gui_enabled}
 * @param installOsUpdates cloud-config {@code package_upgrade}
 * @param sshPublicKeys the keys authorised for exouser by the cloud-config
 * @param configManagementRepository the repository the setup script fetches
 * @param configManagementCheckout the checkout it fetches
 * @param workflowRepository Ansible {@code workflow_source_repository}, when a workflow is requested
 * @param workflowReference Ansible {@code workflow_repo_version}, when given
 * @param credentialsInjected whether openrc.sh/clouds.yaml are written for exouser
 * @param emitsStarting whether the boothook that reports {@code starting} is present
 * @param emitsRunning whether the script that reports {@code running} is present
 * @param ansibleExtraVars the extra-vars JSON exactly as the playbook receives it
 * @param extraParts the parts that are not one of Exosphere's four
 */
public record RecognisedUserData(
        boolean guacamole,
        boolean desktop,
        boolean installOsUpdates,
        List<String> sshPublicKeys,
        String configManagementRepository,
        String configManagementCheckout,
        Optional<String> workflowRepository,
        Optional<String> workflowReference,
        boolean credentialsInjected,
        boolean emitsStarting,
        boolean emitsRunning,
        String ansibleExtraVars,
        List<UserDataPart> extraParts) {

    /** Validates and copies. */
    public RecognisedUserData {
        sshPublicKeys = List.copyOf(sshPublicKeys);
        Objects.requireNonNull(configManagementRepository, "configManagementRepository");
        Objects.requireNonNull(configManagementCheckout, "configManagementCheckout");
        Objects.requireNonNull(workflowRepository, "workflowRepository");
        Objects.requireNonNull(workflowReference, "workflowReference");
        Objects.requireNonNull(ansibleExtraVars, "ansibleExtraVars");
        extraParts = List.copyOf(extraParts);
    }

    /** The Binder workflow the instance builds, as a contribution ({@code workflowRepository} + reference). */
    public Optional<WorkflowContribution> workflow() {
        return workflowRepository.map(r -> WorkflowContribution.of(r, workflowReference.orElse(null)));
    }

    /**
     * A builder pre-filled with the recovered options (Guacamole, desktop, updates, keys, repository,
     * checkout, workflow); credentials, extra cloud-config and extra scripts are not carried over.
     *
     * @throws InvalidUserDataOptionException when a recovered value does not pass this SDK's validation
     *     (possible for user data made elsewhere)
     */
    public UserDataOptions.Builder toOptionsBuilder() {
        UserDataOptions.Builder b = UserDataOptions.builder()
                .guacamole(guacamole)
                .desktop(desktop)
                .installOsUpdates(installOsUpdates)
                .addAllSshPublicKeys(sshPublicKeys)
                .configManagementRepository(configManagementRepository)
                .configManagementCheckout(configManagementCheckout);
        workflow().ifPresent(b::workflow);
        return b;
    }
}
