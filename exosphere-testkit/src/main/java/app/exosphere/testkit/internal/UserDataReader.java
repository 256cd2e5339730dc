package app.exosphere.testkit.internal;

import app.exosphere.cloudinit.ExosphereUserData;
import app.exosphere.cloudinit.RecognisedUserData;
import app.exosphere.cloudinit.UserData;
import app.exosphere.cloudinit.UserDataException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What a simulated instance learns from its user data, like cloud-init and Ansible would, read with
 * exosphere-cloudinit's parser and recogniser: whether it is Exosphere's ({@code ServerDeploy.cloudInitUserDataTemplate} and {@code Helpers.renderUserDataTemplate}),
 * which status lines its parts print, and the Ansible extra vars ({@code guac_enabled},
 * {@code gui_enabled}, {@code workflow_source_repository}, {@code workflow_repo_version}).
 */
public record UserDataReader(
        boolean exosphere,
        boolean emitsStarting,
        boolean emitsRunning,
        boolean extraVarsReadable,
        boolean guacamole,
        boolean desktop,
        Optional<String> workflowRepository,
        Optional<String> workflowReference) {

    /** Reads Base64 user data as sent in {@code server.user_data}; {@code null} means none. */
    public static UserDataReader read(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return none();
        }
        Optional<RecognisedUserData> recognised;
        try {
            recognised = ExosphereUserData.recognise(UserData.parseBase64(base64));
        } catch (UserDataException e) {
            return none();
        }
        if (recognised.isEmpty()) {
            return none();
        }
        RecognisedUserData r = recognised.get();
        // the playbook fails (and part 3 prints "error") when its extra vars are not a JSON object
        JsonNode vars = Json.parse(r.ansibleExtraVars());
        boolean readable = vars != null && vars.isObject();
        return new UserDataReader(
                true,
                r.emitsStarting(),
                r.emitsRunning(),
                readable,
                r.guacamole(),
                r.desktop(),
                r.workflowRepository(),
                r.workflowReference());
    }

    private static UserDataReader none() {
        return new UserDataReader(false, false, false, false, false, false, Optional.empty(), Optional.empty());
    }
}
