package app.exosphere.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.cloudinit.internal.Yaml;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDataOptionsTest {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host";
    static final String B = ExosphereUserData.BOUNDARY;

    static OpenStackCredentials specCredentials() {
        return OpenStackCredentials.builder()
                .authUrl("https://openstack.example/keystone/v3")
                .applicationCredentialId("app-cred-id")
                .applicationCredentialSecret("app-cred-secret")
                .projectName("Project One")
                .region("RegionOne")
                .build();
    }

    static JsonNode cloudConfig(RenderedUserData ud) throws Exception {
        return Yaml.MAPPER.readTree(
                ud.parse().part("exosphere.yml").orElseThrow().body());
    }

    @Test
    void defaultsFollowExosphere() {
        UserDataOptions o = UserDataOptions.builder().build();
        assertThat(o.guacamole()).isTrue();
        assertThat(o.desktop()).isFalse();
        assertThat(o.installOsUpdates()).isTrue();
        assertThat(o.sshPublicKeys()).isEmpty();
        assertThat(o.configManagementRepository()).isEqualTo("https://gitlab.com/exosphere/exosphere.git");
        assertThat(o.configManagementCheckout()).isEqualTo("master");
        assertThat(o.workflow()).isEmpty();
        assertThat(o.openStackCredentials()).isEmpty();
        assertThat(o.compression()).isEqualTo(Compression.NONE);
    }

    @Test
    void extraVarsMatchSpecVectorWithoutWorkflow() {
        UserDataOptions o =
                UserDataOptions.builder().guacamole(false).desktop(false).build();
        assertThat(o.ansibleExtraVars()).isEqualTo("{\"guac_enabled\":false,\"gui_enabled\":false}");
        assertThat(o.render().text()).contains("  -e \"{\\\"guac_enabled\\\":false,\\\"gui_enabled\\\":false}\" \\\n");
    }

    @Test
    void extraVarsMatchSpecVectorWithWorkflowAndReference() {
        UserDataOptions o = UserDataOptions.builder()
                .guacamole(true)
                .desktop(true)
                .workflow(WorkflowContribution.of("https://github.com/binder-examples/requirements", "main"))
                .build();
        assertThat(o.ansibleExtraVars())
                .isEqualTo("{\"guac_enabled\":true,\"gui_enabled\":true,\"workflow_source_repository\":"
                        + "\"https://github.com/binder-examples/requirements\",\"workflow_repo_version\":\"main\"}");
        // the ansible line of Exosphere's `ServerDeploy.cloudInitUserDataTemplate`, byte for byte
        assertThat(o.render().text())
                .contains(
                        "  -e \"{\\\"guac_enabled\\\":true,\\\"gui_enabled\\\":true,\\\"workflow_source_repository\\\":"
                                + "\\\"https://github.com/binder-examples/requirements\\\",\\\"workflow_repo_version\\\":\\\"main\\\"}\" \\\n");
    }

    @Test
    void extraVarsOmitEmptyWorkflowReference() {
        UserDataOptions o = UserDataOptions.builder()
                .guacamole(true)
                .desktop(false)
                .workflow(WorkflowContribution.of("R", ""))
                .build();
        assertThat(o.ansibleExtraVars())
                .isEqualTo("{\"guac_enabled\":true,\"gui_enabled\":false,\"workflow_source_repository\":\"R\"}");
    }

    @Test
    void rendersExosphereMultipartLayout() {
        String text = UserDataOptions.builder().build().render().text();
        assertThat(text)
                .startsWith("MIME-Version: 1.0\n"
                        + "Content-Transfer-Encoding: 7bit\n"
                        + "Content-Type: multipart/mixed; boundary=\"=================exosphere-user-data====\"\n"
                        + "Number-Attachments: 4\n"
                        + "\n"
                        + "--=================exosphere-user-data====\n"
                        + "Content-Transfer-Encoding: 7bit\n"
                        + "Content-Type: text/cloud-boothook\n"
                        + "Content-Disposition: attachment; filename=\"00-exosphere-boothook.sh\"\n"
                        + "\n"
                        + "#!/bin/bash\n");
        assertThat(text).endsWith("\n\n--=================exosphere-user-data====--");
        assertThat(text).doesNotContain("\r");
        assertThat(B).hasSize(40);
        List<UserDataPart> parts = UserData.parse(text).parts();
        assertThat(parts)
                .extracting(UserDataPart::contentType, p -> p.filename().orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("text/cloud-boothook", "00-exosphere-boothook.sh"),
                        org.assertj.core.groups.Tuple.tuple("text/x-shellscript", "00-exosphere-setup-running.sh"),
                        org.assertj.core.groups.Tuple.tuple("text/x-shellscript", "90-exosphere-ansible-setup.sh"),
                        org.assertj.core.groups.Tuple.tuple("text/cloud-config", "exosphere.yml"));
        assertThat(parts).allSatisfy(p -> assertThat(p.headers()).containsEntry("content-transfer-encoding", "7bit"));
    }

    @Test
    void bootHookEmitsStartingOncePerInstance() {
        String hook = UserDataOptions.builder()
                .build()
                .render()
                .parse()
                .part("00-exosphere-boothook.sh")
                .orElseThrow()
                .body();
        assertThat(hook).contains("cloud-init-per instance exosphere-setup-starting /bin/false");
        assertThat(hook).contains("echo on > /proc/sys/kernel/printk_devkmsg");
        assertThat(hook).contains("'{\"status\":\"starting\", \"epoch\": '\"$(date '+%s')\"'000}'");
        assertThat(hook).contains("tee --append /dev/console > /dev/kmsg");
        assertThat(hook).contains("chmod 640 /var/log/cloud-init-output.log");
    }

    @Test
    void cloudConfigCreatesExouserWithSudoAndPasswordSsh() throws Exception {
        JsonNode cc = cloudConfig(UserDataOptions.builder()
                .addSshPublicKeys(KEY)
                .installOsUpdates(false)
                .build()
                .render());
        assertThat(cc.get("users").get(0).asText()).isEqualTo("default");
        JsonNode exouser = cc.get("users").get(1);
        assertThat(exouser.get("name").asText()).isEqualTo("exouser");
        assertThat(exouser.get("shell").asText()).isEqualTo("/bin/bash");
        assertThat(exouser.get("groups").asText()).isEqualTo("sudo, admin");
        assertThat(exouser.get("sudo").isTextual()).isTrue();
        assertThat(exouser.get("sudo").asText()).isEqualTo("ALL=(ALL) NOPASSWD:ALL");
        assertThat(exouser.get("ssh_authorized_keys").get(0).asText()).isEqualTo(KEY);
        assertThat(cc.get("ssh_pwauth").booleanValue()).isTrue();
        assertThat(cc.get("package_update").booleanValue()).isTrue();
        assertThat(cc.get("package_upgrade").booleanValue()).isFalse();
        assertThat(cc.get("packages").get(0).asText()).isEqualTo("git");
        assertThat(cc.has("write_files")).isFalse();
        assertThat(ud().parse().part("exosphere.yml").orElseThrow().body()).startsWith("#cloud-config\n");
    }

    static RenderedUserData ud() {
        return UserDataOptions.builder().build().render();
    }

    @Test
    void noKeysMeansNoKeyList() throws Exception {
        assertThat(cloudConfig(ud()).get("users").get(1).has("ssh_authorized_keys"))
                .isFalse();
    }

    @Test
    void credentialInjectionWritesOpenrcAndCloudsYamlForExouser() throws Exception {
        JsonNode cc = cloudConfig(UserDataOptions.builder()
                .openStackCredentials(specCredentials())
                .build()
                .render());
        JsonNode files = cc.get("write_files");
        assertThat(files).hasSize(2);
        for (JsonNode f : files) {
            assertThat(f.get("owner").asText()).isEqualTo("exouser:exouser");
            assertThat(f.get("permissions").isTextual()).isTrue();
            assertThat(f.get("permissions").asText()).isEqualTo("0400");
            assertThat(f.get("defer").booleanValue()).isTrue();
        }
        assertThat(files.get(0).get("path").asText()).isEqualTo("/home/exouser/openrc.sh");
        assertThat(files.get(0).get("content").asText())
                .startsWith("#!/usr/bin/env bash\n\nexport OS_AUTH_TYPE=v3applicationcredential\n")
                .contains("export OS_APPLICATION_CREDENTIAL_ID=\"app-cred-id\"\n")
                .contains("export OS_APPLICATION_CREDENTIAL_SECRET=\"app-cred-secret\"\n")
                .contains("export OS_REGION_NAME=\"RegionOne\"\n")
                .contains("export OS_IDENTITY_API_VERSION=3\n")
                .contains("export OS_INTERFACE=public\n");
        assertThat(files.get(1).get("path").asText()).isEqualTo("/home/exouser/.config/openstack/clouds.yaml");
        // Exosphere's `Credentials.getOpenStackCredentialWriteFilesYaml`, compared as YAML (the effect), not as bytes
        JsonNode expected = Yaml.MAPPER.readTree("""
                clouds:
                  Project_One_RegionOne:
                    region_name: RegionOne
                    interface: public
                    identity_api_version: 3
                    auth_type: v3applicationcredential
                    auth:
                      auth_url: https://openstack.example/keystone/v3
                      application_credential_id: app-cred-id
                      application_credential_secret: app-cred-secret
                """);
        assertThat(Yaml.MAPPER.readTree(files.get(1).get("content").asText())).isEqualTo(expected);
    }

    @Test
    void cloudNameFollowsSpec() {
        assertThat(specCredentials().cloudName()).isEqualTo("Project_One_RegionOne");
        OpenStackCredentials noRegion = OpenStackCredentials.builder()
                .from(specCredentials())
                .region(java.util.Optional.empty())
                .build();
        assertThat(noRegion.cloudName()).isEqualTo("Project_One");
        assertThat(noRegion.regionName()).isEqualTo("RegionOne");
    }

    @Test
    void credentialSecretNeverShowsInToString() {
        assertThat(specCredentials().toString()).doesNotContain("app-cred-secret");
        RenderedUserData ud = UserDataOptions.builder()
                .openStackCredentials(specCredentials())
                .build()
                .render();
        assertThat(ud.toString()).doesNotContain("app-cred-secret");
        assertThat(ud.parse().toString()).doesNotContain("app-cred-secret");
        assertThat(UserDataOptions.builder()
                        .openStackCredentials(specCredentials())
                        .build()
                        .toString())
                .doesNotContain("app-cred-secret");
    }

    @Test
    void extraCloudConfigMergesMapsAndAppendsLists() throws Exception {
        JsonNode cc = cloudConfig(UserDataOptions.builder()
                .addExtraCloudConfig(CloudConfigFragment.fromYaml("""
                        packages: [htop, tmux]
                        users:
                          - name: gateway
                        ssh_pwauth: true
                        apt:
                          preserve_sources_list: true
                        """))
                .addExtraCloudConfig(CloudConfigFragment.of("apt", Map.of("conf", "x")))
                .build()
                .render());
        assertThat(cc.get("packages")).extracting(JsonNode::asText).containsExactly("git", "htop", "tmux");
        assertThat(cc.get("users")).hasSize(3);
        assertThat(cc.get("users").get(2).get("name").asText()).isEqualTo("gateway");
        assertThat(cc.get("apt").get("preserve_sources_list").booleanValue()).isTrue();
        assertThat(cc.get("apt").get("conf").asText()).isEqualTo("x");
    }

    @Test
    void conflictingScalarFailsWithPathUnlessExtensionWins() throws Exception {
        CloudConfigFragment noPw = CloudConfigFragment.of("ssh_pwauth", false);
        assertThatThrownBy(() -> UserDataOptions.builder()
                        .addExtraCloudConfig(noPw)
                        .build()
                        .render())
                .isInstanceOf(CloudConfigConflictException.class)
                .hasMessageContaining("'ssh_pwauth'")
                .extracting(e -> ((CloudConfigConflictException) e).path())
                .isEqualTo("ssh_pwauth");
        JsonNode cc = cloudConfig(UserDataOptions.builder()
                .addExtraCloudConfig(noPw)
                .mergePolicy(CloudConfigMergePolicy.EXTENSION_WINS)
                .build()
                .render());
        assertThat(cc.get("ssh_pwauth").booleanValue()).isFalse();
    }

    @Test
    void kindMismatchAlwaysFails() {
        assertThatThrownBy(() -> UserDataOptions.builder()
                        .addExtraCloudConfig(CloudConfigFragment.of("packages", "htop"))
                        .mergePolicy(CloudConfigMergePolicy.EXTENSION_WINS)
                        .build()
                        .render())
                .isInstanceOf(CloudConfigConflictException.class)
                .hasMessageContaining("list");
    }

    @Test
    void extraShellPartsFollowExosphereParts() {
        ParsedUserData p = UserDataOptions.builder()
                .addExtraShellParts(ShellPart.of("95-gateway.sh", "#!/bin/sh\necho gateway\n"))
                .build()
                .render()
                .parse();
        assertThat(p.parts()).hasSize(5);
        assertThat(p.parts().get(4).filename()).contains("95-gateway.sh");
        assertThat(p.parts().get(4).isShellScript()).isTrue();
        assertThat(p.parts().get(4).body()).startsWith("#!/bin/sh\necho gateway\n");
    }

    @Test
    void rejectsClashingOrBadScriptNames() {
        assertThatThrownBy(() -> UserDataOptions.builder()
                        .addExtraShellParts(ShellPart.of("90-exosphere-ansible-setup.sh", "#!/bin/sh\n"))
                        .build())
                .isInstanceOf(InvalidUserDataOptionException.class);
        assertThatThrownBy(() -> UserDataOptions.builder()
                        .addExtraShellParts(ShellPart.of("a.sh", "#!/bin/sh\n"), ShellPart.of("a.sh", "#!/bin/sh\n"))
                        .build())
                .isInstanceOf(InvalidUserDataOptionException.class);
        assertThatThrownBy(() -> ShellPart.of("../etc/passwd", "#!/bin/sh\n"))
                .isInstanceOf(InvalidUserDataOptionException.class);
        assertThatThrownBy(() -> ShellPart.of("x.sh", "echo no shebang\n"))
                .isInstanceOf(InvalidUserDataOptionException.class)
                .hasMessageContaining("#!");
    }

    @Test
    void toBuilderKeepsOptions() {
        UserDataOptions o =
                UserDataOptions.builder().desktop(true).addSshPublicKeys(KEY).build();
        assertThat(o.toBuilder().build()).isEqualTo(o);
    }
}
