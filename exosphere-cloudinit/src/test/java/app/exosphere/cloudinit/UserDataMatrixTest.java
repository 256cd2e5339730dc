package app.exosphere.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.cloudinit.internal.ElmJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every combination of guac × desktop × workflow × updates × keys × credentials × extensions is rendered,
 * parsed back, recognised, and checked with the real tools: cloud-init's parser, PyYAML and schema, the
 * {@code cloud-init schema} command, {@code bash -n} and {@code shellcheck}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserDataMatrixTest {

    static final List<String> KEYS = List.of(
            UserDataOptionsTest.KEY, "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY= second key");

    record Case(String name, UserDataOptions options) {}

    final List<Case> cases = new ArrayList<>();

    @BeforeAll
    void buildMatrix() {
        List<Optional<WorkflowContribution>> workflows = List.of(
                Optional.empty(),
                Optional.of(WorkflowContribution.of("https://github.com/binder-examples/requirements", null)),
                Optional.of(WorkflowContribution.of("https://github.com/binder-examples/r", "v1.0")));
        for (boolean guac : new boolean[] {true, false}) {
            for (boolean desktop : new boolean[] {true, false}) {
                for (Optional<WorkflowContribution> wf : workflows) {
                    for (boolean updates : new boolean[] {true, false}) {
                        for (int keys = 0; keys <= 2; keys++) {
                            for (boolean creds : new boolean[] {false, true}) {
                                for (boolean ext : new boolean[] {false, true}) {
                                    UserDataOptions.Builder b = UserDataOptions.builder()
                                            .guacamole(guac)
                                            .desktop(desktop)
                                            .workflow(wf)
                                            .installOsUpdates(updates)
                                            .addAllSshPublicKeys(KEYS.subList(0, keys));
                                    if (creds) {
                                        b.openStackCredentials(UserDataOptionsTest.specCredentials());
                                    }
                                    if (ext) {
                                        b.addExtraCloudConfig(CloudConfigFragment.fromYaml("""
                                                        packages: [htop, tmux]
                                                        runcmd:
                                                          - [systemctl, restart, ssh]
                                                          - echo gateway ready > /var/tmp/gateway
                                                        write_files:
                                                          - path: /etc/gateway.conf
                                                            content: |
                                                              endpoint = https://gw.example
                                                            permissions: '0644'
                                                        timezone: UTC
                                                        """))
                                                .addExtraShellParts(ShellPart.of(
                                                        "95-gateway.sh",
                                                        "#!/bin/bash\nset -euo pipefail\n"
                                                                + "echo \"gateway setup on $(hostname)\"\n"));
                                    }
                                    String name = "guac=" + guac + " desktop=" + desktop + " workflow="
                                            + wf.map(WorkflowContribution::toString)
                                                    .orElse("none")
                                            + " updates=" + updates + " keys=" + keys + " creds=" + creds
                                            + " ext=" + ext;
                                    cases.add(new Case(name, b.build()));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void matrixCoversEveryCombination() {
        assertThat(cases).hasSize(2 * 2 * 3 * 2 * 3 * 2 * 2);
    }

    @Test
    void everyCombinationParsesBackAndIsRecognisedWithItsOptions() {
        for (Case c : cases) {
            UserDataOptions o = c.options();
            RenderedUserData ud = o.render();
            ParsedUserData parsed = UserData.parseBase64(ud.base64());
            assertThat(parsed.parts())
                    .as(c.name())
                    .hasSize(4 + o.extraShellParts().size());
            RecognisedUserData r = parsed.recogniseExosphere().orElseThrow();
            assertThat(r.guacamole()).as(c.name()).isEqualTo(o.guacamole());
            assertThat(r.desktop()).as(c.name()).isEqualTo(o.desktop());
            assertThat(r.installOsUpdates()).as(c.name()).isEqualTo(o.installOsUpdates());
            assertThat(r.sshPublicKeys()).as(c.name()).isEqualTo(o.sshPublicKeys());
            assertThat(r.configManagementRepository()).isEqualTo(o.configManagementRepository());
            assertThat(r.configManagementCheckout()).isEqualTo(o.configManagementCheckout());
            assertThat(r.workflowRepository()).isEqualTo(o.workflow().map(WorkflowContribution::repository));
            assertThat(r.workflowReference()).isEqualTo(o.workflow().flatMap(WorkflowContribution::reference));
            assertThat(r.credentialsInjected())
                    .isEqualTo(o.openStackCredentials().isPresent());
            assertThat(r.ansibleExtraVars()).isEqualTo(o.ansibleExtraVars());
            assertThat(r.emitsStarting()).isTrue();
            assertThat(r.emitsRunning()).isTrue();
            assertThat(r.extraParts()).hasSize(o.extraShellParts().size());
            assertThat(ud.encodedSize()).isLessThanOrEqualTo(RenderedUserData.NOVA_LIMIT);
        }
    }

    @Test
    void cloudInitReadsEveryCombinationLikeWeDoAndItsSchemaAcceptsIt(@TempDir Path dir) {
        CloudInitCheck check = new CloudInitCheck(dir);
        Map<String, String> cloudConfigKeys = new LinkedHashMap<>();
        Map<String, ParsedUserData> userDataKeys = new LinkedHashMap<>();
        for (Case c : cases) {
            RenderedUserData ud = c.options().render();
            String cc = ud.parse().cloudConfig().orElseThrow().body();
            cloudConfigKeys.put(check.cloudConfig(cc), cc);
            userDataKeys.put(check.userData(ud.bytes()), ud.parse());
        }
        // one gzip-compressed payload: cloud-init must decompress it itself
        RenderedUserData gz = cases.get(cases.size() - 1).options().render(Compression.GZIP);
        userDataKeys.put(check.userData(gz.bytes()), gz.parse());
        JsonNode result = check.run();
        assertThat(cloudConfigKeys).hasSize(24); // updates × keys × creds × ext
        cloudConfigKeys.forEach((key, text) -> CloudInitCheck.assertSameAsJackson(result, key, text));
        userDataKeys.forEach((key, parsed) -> CloudInitCheck.assertSameParts(result, key, parsed));
    }

    @Test
    void cloudInitSchemaCommandAcceptsTheSmallestAndLargestCloudConfig(@TempDir Path dir) throws Exception {
        Path cloudInit = ExternalTools.require("cloud-init", "cloud-init");
        for (Case c : List.of(cases.get(cases.size() - 1), cases.get(0))) {
            Path file = dir.resolve("exosphere-" + cases.indexOf(c) + ".yaml");
            Files.writeString(
                    file,
                    c.options().render().parse().cloudConfig().orElseThrow().body());
            ExternalTools.Result r = ExternalTools.run(cloudInit.toString(), "schema", "-c", file.toString());
            assertThat(r.exitCode()).as("%s: %s", c.name(), r.both()).isZero();
            assertThat(r.both()).contains("Valid cloud-config").doesNotContainIgnoringCase("deprecat");
        }
    }

    @Test
    void cloudInitSchemaCommandRejectsAListValuedSudoSoTheCheckCanFail(@TempDir Path dir) throws Exception {
        Path cloudInit = ExternalTools.require("cloud-init", "cloud-init");
        Path file = dir.resolve("bad.yaml");
        Files.writeString(
                file, "#cloud-config\nusers:\n  - default\n  - name: exouser\n    sudo: ['ALL=(ALL) NOPASSWD:ALL']\n");
        ExternalTools.Result r = ExternalTools.run(cloudInit.toString(), "schema", "-c", file.toString());
        assertThat(r.exitCode()).isNotZero();
    }

    Set<String> uniqueScripts() {
        Set<String> scripts = new LinkedHashSet<>();
        for (Case c : cases) {
            c.options().render().parse().scripts().forEach(p -> scripts.add(p.body()));
        }
        return scripts;
    }

    @Test
    void everyShellPartPassesBashSyntaxCheck(@TempDir Path dir) throws Exception {
        Path bash = ExternalTools.require("bash", "bash");
        int i = 0;
        for (String script : uniqueScripts()) {
            Path file = dir.resolve("part-" + i++ + ".sh");
            Files.writeString(file, script);
            ExternalTools.Result r = ExternalTools.run(bash.toString(), "-n", file.toString());
            assertThat(r.exitCode()).as("bash -n %s: %s", file, r.both()).isZero();
        }
        assertThat(i).isGreaterThanOrEqualTo(2 + 12 + 1); // boothook, running, 12 setup variants, gateway
    }

    @Test
    void everyShellPartIsShellcheckCleanAboveInfo(@TempDir Path dir) throws Exception {
        Path shellcheck = ExternalTools.require("shellcheck", "shellcheck");
        List<String> command = new ArrayList<>(List.of(shellcheck.toString(), "--format=json1", "--severity=style"));
        int i = 0;
        for (String script : uniqueScripts()) {
            Path file = dir.resolve("part-" + i++ + ".sh");
            Files.writeString(file, script);
            command.add(file.toString());
        }
        ExternalTools.Result r = ExternalTools.run(command, Map.of(), null);
        JsonNode comments = ElmJson.MAPPER.readTree(r.stdout()).get("comments");
        List<String> serious = new ArrayList<>();
        for (JsonNode c : comments) {
            String level = c.get("level").asText();
            if (level.equals("error") || level.equals("warning")) {
                serious.add(level + " SC" + c.get("code").asInt() + " "
                        + c.get("file").asText() + ":" + c.get("line").asInt() + " "
                        + c.get("message").asText());
            }
        }
        assertThat(serious).as("shellcheck findings above info").isEmpty();
    }

    @Test
    void shellcheckWouldReportAnUnquotedExpansionSoTheCheckCanFail(@TempDir Path dir) throws Exception {
        Path shellcheck = ExternalTools.require("shellcheck", "shellcheck");
        Path file = dir.resolve("bad.sh");
        Files.writeString(file, "#!/bin/bash\nrm -rf $1/*\n");
        ExternalTools.Result r = ExternalTools.run(shellcheck.toString(), "--format=json1", file.toString());
        assertThat(r.stdout()).contains("\"level\":\"warning\"");
    }
}
