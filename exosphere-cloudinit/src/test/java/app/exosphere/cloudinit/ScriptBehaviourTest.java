package app.exosphere.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.cloudinit.console.SetupState;
import app.exosphere.cloudinit.console.SetupStatus;
import app.exosphere.cloudinit.internal.ElmJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the rendered shell parts under bash with every external command stubbed, and checks their effects:
 * the exact words git and ansible-playbook receive (the JSON the playbook sees, Exosphere's {@code Helpers.renderUserDataTemplate}) and
 * the status lines written to the console (Exosphere's {@code ServerDeploy.cloudInitUserDataTemplate}), read back with this module's parser.
 */
class ScriptBehaviourTest {

    static final Map<String, String> NOW = Map.of("HARNESS_NOW", "1704067212");

    static String part(UserDataOptions o, String filename) {
        return o.render().parse().part(filename).orElseThrow().body();
    }

    static String extraVarsSeenByAnsible(ExternalTools.ScriptRun run) {
        List<String> call = run.call("ansible-playbook");
        return call.get(call.indexOf("-e") + 1);
    }

    @Test
    void setupFetchesTheConfigRepositoryAndRunsThePlaybookWithSpecExtraVars(@TempDir Path dir) throws Exception {
        UserDataOptions o = UserDataOptions.builder()
                .guacamole(true)
                .desktop(true)
                .workflow(WorkflowContribution.of("https://github.com/binder-examples/requirements", "main"))
                .build();
        ExternalTools.ScriptRun run = ExternalTools.runScript(dir, part(o, ExosphereUserData.SETUP_FILENAME), NOW);
        assertThat(run.call("git", "init")).containsExactly("git", "init", "/opt/instance-config-mgt");
        assertThat(run.call("git", "-C", "/opt/instance-config-mgt", "remote"))
                .containsExactly(
                        "git",
                        "-C",
                        "/opt/instance-config-mgt",
                        "remote",
                        "add",
                        "origin",
                        "https://gitlab.com/exosphere/exosphere.git");
        assertThat(run.call("git", "-C", "/opt/instance-config-mgt", "fetch"))
                .containsExactly("git", "-C", "/opt/instance-config-mgt", "fetch", "--depth", "1", "origin", "master");
        assertThat(run.call("git", "-C", "/opt/instance-config-mgt", "reset")).endsWith("--hard", "FETCH_HEAD");
        assertThat(run.call("pip", "install", "ansible-core"))
                .containsExactly("pip", "install", "ansible-core", "passlib");
        assertThat(run.call("apt-get")).containsExactly("apt-get", "install", "-y", "python3-venv");
        assertThat(run.call("ansible-playbook"))
                .containsExactly(
                        "ansible-playbook",
                        "-i",
                        "/opt/instance-config-mgt/ansible/hosts",
                        "-e",
                        "{\"guac_enabled\":true,\"gui_enabled\":true,\"workflow_source_repository\":"
                                + "\"https://github.com/binder-examples/requirements\",\"workflow_repo_version\":\"main\"}",
                        "/opt/instance-config-mgt/ansible/playbook.yml");
        assertThat(run.console()).isEqualTo("{\"status\":\"complete\", \"epoch\": 1704067212000}\n");
        assertThat(run.kmsg()).isEqualTo(run.console());
        assertThat(SetupStatus.linesIn(run.console()))
                .containsExactly(SetupStatus.of(SetupState.COMPLETE, 1704067212000L));
    }

    @Test
    void setupReportsErrorWhenThePlaybookFails(@TempDir Path dir) {
        ExternalTools.ScriptRun run = ExternalTools.runScript(
                dir,
                part(UserDataOptions.builder().build(), ExosphereUserData.SETUP_FILENAME),
                Map.of("HARNESS_ANSIBLE_RC", "2", "HARNESS_NOW", "1704070000"));
        assertThat(SetupStatus.linesIn(run.console()))
                .containsExactly(SetupStatus.of(SetupState.ERROR, 1704070000000L));
    }

    @Test
    void specExtraVarsVectorsReachThePlaybookAsJson(@TempDir Path dir) throws Exception {
        Map<UserDataOptions, String> vectors = Map.of(
                UserDataOptions.builder().guacamole(false).desktop(false).build(),
                "{\"guac_enabled\":false,\"gui_enabled\":false}",
                UserDataOptions.builder()
                        .guacamole(true)
                        .desktop(false)
                        .workflow(WorkflowContribution.of("R", ""))
                        .build(),
                "{\"guac_enabled\":true,\"gui_enabled\":false,\"workflow_source_repository\":\"R\"}");
        int i = 0;
        for (var e : vectors.entrySet()) {
            ExternalTools.ScriptRun run = ExternalTools.runScript(
                    dir.resolve("v" + i++), part(e.getKey(), ExosphereUserData.SETUP_FILENAME), NOW);
            assertThat(extraVarsSeenByAnsible(run)).isEqualTo(e.getValue());
            assertThat(ElmJson.parseObject(extraVarsSeenByAnsible(run))).isPresent();
        }
    }

    @Test
    void bootHookEmitsStartingOnFirstBootOnly(@TempDir Path dir) {
        String hook = part(UserDataOptions.builder().build(), ExosphereUserData.BOOTHOOK_FILENAME);
        ExternalTools.ScriptRun first = ExternalTools.runScript(dir.resolve("first"), hook, NOW);
        assertThat(first.call("cloud-init-per"))
                .containsExactly("cloud-init-per", "instance", "exosphere-setup-starting", "/bin/false");
        assertThat(first.console()).isEqualTo("{\"status\":\"starting\", \"epoch\": 1704067212000}\n");
        assertThat(first.call("chmod")).containsExactly("chmod", "640", "/var/log/cloud-init-output.log");
        ExternalTools.ScriptRun later =
                ExternalTools.runScript(dir.resolve("later"), hook, Map.of("HARNESS_CLOUD_INIT_PER_RC", "0"));
        assertThat(later.console()).isEmpty();
    }

    @Test
    void runningScriptEmitsRunning(@TempDir Path dir) {
        ExternalTools.ScriptRun run = ExternalTools.runScript(
                dir, part(UserDataOptions.builder().build(), ExosphereUserData.RUNNING_FILENAME), NOW);
        assertThat(SetupStatus.linesIn(run.console()))
                .containsExactly(SetupStatus.of(SetupState.RUNNING, 1704067212000L));
    }

    @Test
    void upstreamLayoutScriptsHaveTheSameEffects(@TempDir Path dir) {
        ParsedUserData upstream = UserData.parse(ExternalTools.resource("/upstream-style-user-data.txt"));
        ExternalTools.ScriptRun theirs = ExternalTools.runScript(
                dir.resolve("theirs"),
                upstream.part(ExosphereUserData.SETUP_FILENAME).orElseThrow().body(),
                NOW);
        UserDataOptions same =
                upstream.recogniseExosphere().orElseThrow().toOptionsBuilder().build();
        ExternalTools.ScriptRun ours =
                ExternalTools.runScript(dir.resolve("ours"), part(same, ExosphereUserData.SETUP_FILENAME), NOW);
        assertThat(ours.call("ansible-playbook")).isEqualTo(theirs.call("ansible-playbook"));
        assertThat(ours.call("git", "-C", "/opt/instance-config-mgt", "remote"))
                .isEqualTo(theirs.call("git", "-C", "/opt/instance-config-mgt", "remote"));
        assertThat(ours.call("git", "-C", "/opt/instance-config-mgt", "fetch"))
                .isEqualTo(theirs.call("git", "-C", "/opt/instance-config-mgt", "fetch"));
        assertThat(ours.console()).isEqualTo(theirs.console());
    }
}
