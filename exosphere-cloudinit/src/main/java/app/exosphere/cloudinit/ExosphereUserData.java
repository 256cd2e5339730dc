package app.exosphere.cloudinit;

import app.exosphere.cloudinit.internal.ElmJson;
import app.exosphere.cloudinit.internal.ShellWords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed facts of Exosphere user data (part names, content types, boundary, paths; {@code ServerDeploy.cloudInitUserDataTemplate},
 * Exosphere's {@code Credentials.getOpenStackCredentialWriteFilesYaml}) and recognition of Exosphere-made user data, whether made by the Exosphere web app or by this
 * SDK. Example:
 *
 * <pre>{@code
 * Optional<RecognisedUserData> r = ExosphereUserData.recognise(UserData.parseBase64(userData));
 * boolean guac = r.map(RecognisedUserData::guacamole).orElse(false);
 * }</pre>
 */
public final class ExosphereUserData {

    /** The multipart boundary (Exosphere's {@code ServerDeploy.cloudInitUserDataTemplate}). */
    public static final String BOUNDARY = "=================exosphere-user-data====";

    /** Part 1: emits {@code starting} once per instance. */
    public static final String BOOTHOOK_FILENAME = "00-exosphere-boothook.sh";
    /** Part 2: emits {@code running}. */
    public static final String RUNNING_FILENAME = "00-exosphere-setup-running.sh";
    /** Part 3: Ansible setup, emits {@code complete} or {@code error}. */
    public static final String SETUP_FILENAME = "90-exosphere-ansible-setup.sh";
    /** Part 4: the cloud-config. */
    public static final String CLOUD_CONFIG_FILENAME = "exosphere.yml";
    /** The four part file names, in order. */
    public static final List<String> PART_FILENAMES =
            List.of(BOOTHOOK_FILENAME, RUNNING_FILENAME, SETUP_FILENAME, CLOUD_CONFIG_FILENAME);

    /** Content type of part 1. */
    public static final String BOOTHOOK_TYPE = "text/cloud-boothook";
    /** Content type of parts 2 and 3 (and gateway scripts). */
    public static final String SHELL_TYPE = "text/x-shellscript";
    /** Content type of part 4. */
    public static final String CLOUD_CONFIG_TYPE = "text/cloud-config";

    /** Where injected credentials are written (Exosphere's {@code Credentials.getOpenStackCredentialWriteFilesYaml}). */
    public static final String OPENRC_PATH = "/home/exouser/openrc.sh";
    /** Where injected credentials are written (Exosphere's {@code Credentials.getOpenStackCredentialWriteFilesYaml}). */
    public static final String CLOUDS_YAML_PATH = "/home/exouser/.config/openstack/clouds.yaml";

    /** The directory the config-management repository is fetched into on the instance. */
    public static final String CONFIG_MANAGEMENT_DIR = "/opt/instance-config-mgt";

    private ExosphereUserData() {}

    /**
     * Recovers the options of Exosphere-made user data, or empty when this is not Exosphere's. The
     * Ansible setup script is required (found by its file name, or as a script that runs
     * {@code ansible-playbook} from {@value #CONFIG_MANAGEMENT_DIR}); the other parts are optional
     * (a user may have edited the template). The script is read with shell quoting rules, so both
     * Exosphere's text and this SDK's escaped text are understood.
     */
    public static Optional<RecognisedUserData> recognise(ParsedUserData userData) {
        Optional<UserDataPart> setup = userData.part(SETUP_FILENAME)
                .filter(UserDataPart::isScript)
                .or(() -> userData.scripts().stream()
                        .filter(p -> p.body().contains("ansible-playbook")
                                && p.body().contains(CONFIG_MANAGEMENT_DIR))
                        .findFirst());
        if (setup.isEmpty()) {
            return Optional.empty();
        }
        String repository = null;
        String checkout = null;
        String extraVars = null;
        for (List<String> words : ShellWords.commands(setup.get().body())) {
            repository = repository != null ? repository : after(words, List.of("remote", "add", "origin"));
            checkout = checkout != null ? checkout : fetchCheckout(words);
            if (extraVars == null && words.contains("ansible-playbook")) {
                extraVars = after(words, List.of("-e"));
                if (extraVars == null) {
                    extraVars = after(words, List.of("--extra-vars"));
                }
            }
        }
        Optional<ObjectNode> vars = ElmJson.parseObject(extraVars);
        if (repository == null || checkout == null || vars.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode v = vars.get();
        Optional<String> workflowRepository =
                ElmJson.string(v.get("workflow_source_repository")).filter(r -> !r.isBlank());
        Optional<String> workflowReference = workflowRepository.flatMap(
                r -> ElmJson.string(v.get("workflow_repo_version")).filter(ref -> !ref.isEmpty()));

        Optional<UserDataPart> cc = userData.part(CLOUD_CONFIG_FILENAME)
                .filter(UserDataPart::isCloudConfig)
                .or(userData::cloudConfig);
        boolean updates = false;
        List<String> keys = new ArrayList<>();
        boolean credentials = false;
        if (cc.isPresent()) {
            ObjectNode tree;
            try {
                tree = cc.get().asCloudConfig().tree();
            } catch (InvalidUserDataOptionException e) {
                tree = ElmJson.MAPPER.createObjectNode();
            }
            updates = bool(tree.get("package_upgrade"));
            for (JsonNode user : tree.path("users")) {
                if ("exouser".equals(user.path("name").asText(null))) {
                    JsonNode k = user.has("ssh_authorized_keys")
                            ? user.get("ssh_authorized_keys")
                            : user.get("ssh-authorized-keys");
                    if (k != null) {
                        k.forEach(key -> ElmJson.string(key).ifPresent(keys::add));
                    }
                }
            }
            for (JsonNode file : tree.path("write_files")) {
                String path = file.path("path").asText("");
                credentials |= path.equals(OPENRC_PATH) || path.equals(CLOUDS_YAML_PATH);
            }
        }
        Set<String> exosphereParts = Set.copyOf(PART_FILENAMES);
        List<UserDataPart> extra = userData.parts().stream()
                .filter(p -> p != setup.get() && (cc.isEmpty() || p != cc.get()))
                .filter(p -> p.filename().map(f -> !exosphereParts.contains(f)).orElse(true))
                .toList();
        boolean starting = userData.part(BOOTHOOK_FILENAME)
                .filter(p -> p.isBoothook() && p.body().contains("\"status\":\"starting\""))
                .isPresent();
        boolean running = userData.part(RUNNING_FILENAME)
                .filter(p -> p.isShellScript() && p.body().contains("\"status\":\"running\""))
                .isPresent();
        return Optional.of(new RecognisedUserData(
                bool(v.get("guac_enabled")),
                bool(v.get("gui_enabled")),
                updates,
                keys,
                repository,
                checkout,
                workflowRepository,
                workflowReference,
                credentials,
                starting,
                running,
                v.toString(),
                extra));
    }

    private static boolean bool(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        // YAML 1.1 spellings that cloud-init's YAML loader reads as true
        return node.isTextual()
                && Set.of("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON")
                        .contains(node.textValue());
    }

    private static String after(List<String> words, List<String> sequence) {
        for (int i = 0; i + sequence.size() < words.size(); i++) {
            if (words.subList(i, i + sequence.size()).equals(sequence)) {
                return words.get(i + sequence.size());
            }
        }
        return null;
    }

    private static String fetchCheckout(List<String> words) {
        int fetch = words.indexOf("fetch");
        if (fetch < 0) {
            return null;
        }
        List<String> rest = words.subList(fetch, words.size());
        return after(rest, List.of("origin"));
    }
}
