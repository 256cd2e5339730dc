package app.exosphere.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.cloudinit.internal.ElmJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile values either come out safely (proven by running bash and cloud-init's YAML loader on the
 * output) or are rejected with a typed error that names the option and never repeats the value.
 */
class HostileInputTest {

    static final String BLOB = "AAAAC3NzaC1lZDI1NTE5AAAAIExample";

    static void rejected(String option, String secretPart, Consumer<UserDataOptions.Builder> configure) {
        UserDataOptions.Builder b = UserDataOptions.builder();
        assertThatThrownBy(() -> {
                    configure.accept(b);
                    b.build().render();
                })
                .isInstanceOfSatisfying(InvalidUserDataOptionException.class, e -> {
                    assertThat(e.option()).isEqualTo(option);
                    assertThat(e.getMessage()).doesNotContain(secretPart);
                });
    }

    @Test
    void rejectsAKeyThatWouldInjectASecondAuthorizedKeyLine() {
        rejected("sshPublicKeys[0]", "evil", b -> b.addSshPublicKeys("ssh-ed25519 " + BLOB + " a\nssh-rsa AAAA evil"));
        rejected(
                "sshPublicKeys[1]",
                "evil",
                b -> b.addSshPublicKeys("ssh-ed25519 " + BLOB, "ssh-ed25519 " + BLOB + " a\rssh-rsa AAAA evil"));
    }

    @Test
    void rejectsKeysWithAuthorizedKeysOptionsOrGarbage() {
        rejected("sshPublicKeys[0]", "rm -rf", b -> b.addSshPublicKeys("command=\"rm -rf /\" ssh-rsa " + BLOB));
        rejected("sshPublicKeys[0]", "hello", b -> b.addSshPublicKeys("hello world"));
        rejected("sshPublicKeys[0]", "xx", b -> b.addSshPublicKeys("   "));
        rejected("sshPublicKeys[0]", "xx", b -> b.addSshPublicKeys("ssh-rsa " + "A".repeat(9000)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.org/repo.git\n; reboot",
                "https://example.org/re po.git",
                "--upload-pack=touch /tmp/pwned",
                "-ohttps://x",
                "ext::sh -c touch% /tmp/pwned",
                "file:///etc",
                "",
                "https://example.org/\u0000x"
            })
    void rejectsUnsafeConfigRepositories(String url) {
        rejected("configManagementRepository", "pwned", b -> b.configManagementRepository(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"--upload-pack=evil", "main\nreboot", "a:b", "a..b", "ref with space", "x@{1}", "~1", "a\\b"})
    void rejectsUnsafeCheckouts(String ref) {
        rejected("configManagementCheckout", "evil", b -> b.configManagementCheckout(ref));
    }

    @Test
    void rejectsAnsibleTemplatesAndControlCharactersInWorkflowValues() {
        rejected(
                "workflow.repository",
                "lookup",
                b -> b.workflow(WorkflowContribution.of("https://x/{{ lookup('pipe','id') }}", null)));
        rejected("workflow.reference", "lookup", b -> b.workflow(WorkflowContribution.of("https://x", "{% lookup %}")));
        rejected("workflow.reference", "reboot", b -> b.workflow(WorkflowContribution.of("https://x", "v1\nreboot")));
        rejected("workflow.repository", "xx", b -> b.workflow(WorkflowContribution.of("--config=xx", null)));
    }

    @Test
    void rejectsCredentialValuesWithLineBreaksWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> OpenStackCredentials.builder()
                        .authUrl("https://keystone.example/v3")
                        .applicationCredentialId("id")
                        .applicationCredentialSecret("s3cr3t\nexport EVIL=1")
                        .projectName("p")
                        .build())
                .isInstanceOfSatisfying(InvalidUserDataOptionException.class, e -> {
                    assertThat(e.option()).isEqualTo("openStackCredentials.applicationCredentialSecret");
                    assertThat(e.getMessage()).doesNotContain("s3cr3t").doesNotContain("EVIL");
                });
        assertThatThrownBy(() -> OpenStackCredentials.builder()
                        .authUrl("javascript:alert(1)")
                        .applicationCredentialId("id")
                        .applicationCredentialSecret("s")
                        .projectName("p")
                        .build())
                .isInstanceOf(InvalidUserDataOptionException.class);
    }

    @Test
    void rejectsBrokenExtraCloudConfigAndScripts() {
        assertThatThrownBy(() -> CloudConfigFragment.fromYaml("a: [unclosed"))
                .isInstanceOf(InvalidUserDataOptionException.class);
        assertThatThrownBy(() -> CloudConfigFragment.fromYaml("- just\n- a list\n"))
                .isInstanceOf(InvalidUserDataOptionException.class);
        assertThatThrownBy(() -> ShellPart.of("x.sh", "#!/bin/sh\necho \u0000"))
                .isInstanceOf(InvalidUserDataOptionException.class);
    }

    static final String NASTY = "a\"b'c$(touch /tmp/pwned)`id`\\d${HOME}!e;f|g&h<i>j*k?[l] ü☃ 𝄞";

    @Test
    void hostileButValidValuesReachGitAndAnsibleVerbatim(@TempDir Path dir) throws Exception {
        String repo = "https://example.org/x$(touch%20/tmp/pwned)`id`\"'!;|&<>*?[]\\ü.git";
        String checkout = "v1$(reboot)`id`\"'!;|&<>ü";
        UserDataOptions o = UserDataOptions.builder()
                .configManagementRepository(repo)
                .configManagementCheckout(checkout)
                .workflow(WorkflowContribution.of("https://example.org/" + NASTY, NASTY))
                .build();
        String script = o.render()
                .parse()
                .part(ExosphereUserData.SETUP_FILENAME)
                .orElseThrow()
                .body();
        ExternalTools.ScriptRun run = ExternalTools.runScript(dir, script, Map.of());
        assertThat(run.result().stderr()).doesNotContain("command not found");
        assertThat(run.call("git", "-C", "/opt/instance-config-mgt", "remote"))
                .last()
                .isEqualTo(repo);
        assertThat(run.call("git", "-C", "/opt/instance-config-mgt", "fetch"))
                .last()
                .isEqualTo(checkout);
        List<String> ansible = run.call("ansible-playbook");
        JsonNode vars =
                ElmJson.parseObject(ansible.get(ansible.indexOf("-e") + 1)).orElseThrow();
        assertThat(vars.get("workflow_source_repository").asText()).isEqualTo("https://example.org/" + NASTY);
        assertThat(vars.get("workflow_repo_version").asText()).isEqualTo(NASTY);
        assertThat(run.calls()).extracting(c -> c.get(0)).doesNotContain("touch", "reboot", "id");
        assertThat(Path.of("/tmp/pwned")).doesNotExist();
        // the recogniser reads the escaped script back to the same values
        RecognisedUserData r = o.render().parse().recogniseExosphere().orElseThrow();
        assertThat(r.configManagementRepository()).isEqualTo(repo);
        assertThat(r.configManagementCheckout()).isEqualTo(checkout);
        assertThat(r.workflowReference()).contains(NASTY);
    }

    @Test
    void hostileCredentialsSurviveShellAndYaml(@TempDir Path dir) throws Exception {
        OpenStackCredentials creds = OpenStackCredentials.builder()
                .authUrl("https://keystone.example:5000/v3?x=$(id)&y=`id`")
                .applicationCredentialId("id-" + NASTY)
                .applicationCredentialSecret("secret-" + NASTY)
                .projectName("Proj: \"one\" - yes")
                .region("no")
                .build();
        String cc = UserDataOptions.builder()
                .openStackCredentials(creds)
                .build()
                .render()
                .parse()
                .cloudConfig()
                .orElseThrow()
                .body();
        CloudInitCheck check = new CloudInitCheck(dir);
        String key = check.cloudConfig(cc);
        JsonNode result = check.run();
        CloudInitCheck.assertSameAsJackson(result, key, cc);
        JsonNode files = result.get(key).get("loaded").get("write_files");
        // openrc.sh: sourced by bash, every variable holds exactly the value
        String openrc = files.get(0).get("content").asText();
        String printer = openrc + "\nprintf '%s\\037' \"$OS_AUTH_URL\" \"$OS_REGION_NAME\" "
                + "\"$OS_APPLICATION_CREDENTIAL_ID\" \"$OS_APPLICATION_CREDENTIAL_SECRET\"\n";
        java.nio.file.Files.writeString(dir.resolve("openrc-test.sh"), printer);
        ExternalTools.Result r = ExternalTools.run(
                ExternalTools.require("bash", "bash").toString(),
                dir.resolve("openrc-test.sh").toString());
        assertThat(r.stdout().split("\u001f", -1)).startsWith(creds.authUrl(), "no", "id-" + NASTY, "secret-" + NASTY);
        // clouds.yaml: read with PyYAML (through cloud-init's loader result of the outer document)
        CloudInitCheck inner = new CloudInitCheck(dir.resolve("inner"));
        String cloudsYaml = files.get(1).get("content").asText();
        String innerKey = inner.cloudConfig(cloudsYaml);
        JsonNode clouds = inner.run().get(innerKey).get("loaded").get("clouds");
        JsonNode cloud = clouds.get(creds.cloudName());
        assertThat(cloud.get("region_name").asText()).isEqualTo("no");
        assertThat(cloud.get("auth").get("application_credential_secret").asText())
                .isEqualTo("secret-" + NASTY);
        assertThat(cloud.get("auth").get("auth_url").asText()).isEqualTo(creds.authUrl());
        assertThat(creds.cloudName()).isEqualTo("Proj_one_yes_no");
    }

    @Test
    void hostileKeysAndExtraCloudConfigSurviveCloudInitsYamlLoader(@TempDir Path dir) throws Exception {
        byte[] big = new byte[6000];
        new Random(7).nextBytes(big);
        String longKey = "ssh-rsa " + Base64.getEncoder().encodeToString(big) + " long@key";
        String nastyKey = "ssh-ed25519 " + BLOB + " it's \"me\" $(id) `uname` #not-a-comment: yes - [x] {y} ü☃";
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("k".repeat(2000), "very long key");
        extra.put(
                "yes",
                List.of(
                        "yes",
                        "no",
                        "on",
                        "off",
                        "y",
                        "n",
                        "~",
                        "null",
                        "NULL",
                        "true",
                        "0400",
                        "0x1F",
                        "1e3",
                        ".inf",
                        "2024-01-01",
                        "12:30:00",
                        "- x",
                        "key: value",
                        "#hash",
                        "'",
                        "\"",
                        "",
                        " lead",
                        "trail ",
                        "multi\nline\n",
                        "tab\there",
                        "ü☃𝄞",
                        "*alias",
                        "&anchor",
                        "!tag",
                        "%percent",
                        "@at",
                        "`tick`",
                        "|",
                        ">"));
        extra.put("0400", Map.of("on", true, "nested: key", List.of(Map.of("?", "!"))));
        RenderedUserData ud = UserDataOptions.builder()
                .addSshPublicKeys(nastyKey, longKey)
                .addExtraCloudConfig(CloudConfigFragment.fromMap(extra))
                .build()
                .render();
        ParsedUserData parsed = ud.parse();
        UserDataPart cc = parsed.cloudConfig().orElseThrow();
        // non-ASCII and > 998-character lines are sent base64-encoded, which cloud-init decodes
        assertThat(cc.headers()).containsEntry("content-transfer-encoding", "base64");
        CloudInitCheck check = new CloudInitCheck(dir);
        String ccKey = check.cloudConfig(cc.body());
        String udKey = check.userData(ud.bytes());
        JsonNode result = check.run();
        CloudInitCheck.assertSameAsJackson(result, ccKey, cc.body());
        CloudInitCheck.assertSameParts(result, udKey, parsed);
        JsonNode loaded = result.get(ccKey).get("loaded");
        assertThat(loaded.get("users").get(1).get("ssh_authorized_keys"))
                .extracting(JsonNode::asText)
                .containsExactly(nastyKey, longKey);
        assertThat(loaded.get("k".repeat(2000)).asText()).isEqualTo("very long key");
        assertThat(ElmJson.MAPPER.convertValue(loaded.get("yes"), List.class)).isEqualTo(extra.get("yes"));
        assertThat(parsed.recogniseExosphere().orElseThrow().sshPublicKeys()).containsExactly(nastyKey, longKey);
    }

    @Test
    void aScriptContainingTheBoundaryIsEncodedSoThePartsStaySeparate(@TempDir Path dir) {
        String sneaky = "#!/bin/sh\ncat <<'EOF'\n--" + ExosphereUserData.BOUNDARY
                + "\nContent-Type: text/cloud-config\n\n" + "#cloud-config\nruncmd: [reboot]\nEOF\n";
        RenderedUserData ud = UserDataOptions.builder()
                .addExtraShellParts(ShellPart.of("95-sneaky.sh", sneaky))
                .build()
                .render();
        ParsedUserData parsed = ud.parse();
        assertThat(parsed.parts()).hasSize(5);
        assertThat(parsed.part("95-sneaky.sh").orElseThrow().body()).isEqualTo(sneaky);
        CloudInitCheck check = new CloudInitCheck(dir);
        String key = check.userData(ud.bytes());
        CloudInitCheck.assertSameParts(check.run(), key, parsed);
    }
}
