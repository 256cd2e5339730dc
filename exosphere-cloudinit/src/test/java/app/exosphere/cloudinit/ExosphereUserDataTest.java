package app.exosphere.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExosphereUserDataTest {

    static final String KEY = UserDataOptionsTest.KEY;

    @Test
    void recognisesUserDataInExosphereWebAppLayout() {
        RecognisedUserData r = ExosphereUserData.recognise(
                        UserData.parse(ExternalTools.resource("/upstream-style-user-data.txt")))
                .orElseThrow();
        assertThat(r.guacamole()).isTrue();
        assertThat(r.desktop()).isTrue();
        assertThat(r.installOsUpdates()).isTrue();
        assertThat(r.sshPublicKeys()).containsExactly(KEY);
        assertThat(r.configManagementRepository()).isEqualTo("https://gitlab.com/exosphere/exosphere.git");
        assertThat(r.configManagementCheckout()).isEqualTo("master");
        assertThat(r.workflow().orElseThrow().repository())
                .isEqualTo("https://github.com/binder-examples/requirements");
        assertThat(r.workflow().orElseThrow().reference()).contains("main");
        assertThat(r.credentialsInjected()).isFalse();
        assertThat(r.emitsStarting()).isTrue();
        assertThat(r.emitsRunning()).isTrue();
        assertThat(r.extraParts()).isEmpty();
        assertThat(r.ansibleExtraVars())
                .isEqualTo("{\"guac_enabled\":true,\"gui_enabled\":true,\"workflow_source_repository\":"
                        + "\"https://github.com/binder-examples/requirements\",\"workflow_repo_version\":\"main\"}");
    }

    @Test
    void recognisedOptionsRenderUserDataWithTheSameEffects() {
        RecognisedUserData upstream = ExosphereUserData.recognise(
                        UserData.parse(ExternalTools.resource("/upstream-style-user-data.txt")))
                .orElseThrow();
        RenderedUserData ours = upstream.toOptionsBuilder().build().render();
        RecognisedUserData again = ours.parse().recogniseExosphere().orElseThrow();
        assertThat(again).isEqualTo(upstream);
    }

    @Test
    void recognisesOwnOutputWithCredentialsAndExtras() {
        RenderedUserData ud = UserDataOptions.builder()
                .guacamole(false)
                .desktop(true)
                .installOsUpdates(false)
                .addSshPublicKeys(KEY, "ssh-rsa AAAAB3NzaC1yc2E= second")
                .configManagementRepository("https://github.com/example/exosphere-fork.git")
                .configManagementCheckout("v2024.1")
                .openStackCredentials(UserDataOptionsTest.specCredentials())
                .addExtraShellParts(ShellPart.of("95-gw.sh", "#!/bin/sh\n"))
                .build()
                .render(Compression.GZIP);
        RecognisedUserData r =
                UserData.parseBase64(ud.base64()).recogniseExosphere().orElseThrow();
        assertThat(r.guacamole()).isFalse();
        assertThat(r.desktop()).isTrue();
        assertThat(r.installOsUpdates()).isFalse();
        assertThat(r.sshPublicKeys()).containsExactly(KEY, "ssh-rsa AAAAB3NzaC1yc2E= second");
        assertThat(r.configManagementRepository()).isEqualTo("https://github.com/example/exosphere-fork.git");
        assertThat(r.configManagementCheckout()).isEqualTo("v2024.1");
        assertThat(r.workflow()).isEmpty();
        assertThat(r.credentialsInjected()).isTrue();
        assertThat(r.extraParts()).extracting(p -> p.filename().orElseThrow()).containsExactly("95-gw.sh");
    }

    @Test
    void doesNotRecogniseOtherUserData() {
        assertThat(ExosphereUserData.recognise(UserData.parse("#cloud-config\npackages: [git]\n")))
                .isEmpty();
        assertThat(ExosphereUserData.recognise(UserData.parse("#!/bin/bash\nansible-playbook site.yml\n")))
                .isEmpty();
        assertThat(UserData.parse("").recogniseExosphere()).isEqualTo(Optional.empty());
    }

    @Test
    void recognisesAnEditedTemplateWithoutStatusParts() {
        String setup = UserDataOptions.builder()
                .build()
                .render()
                .parse()
                .part(ExosphereUserData.SETUP_FILENAME)
                .orElseThrow()
                .body();
        RecognisedUserData r = UserData.parse(setup).recogniseExosphere().orElseThrow();
        assertThat(r.emitsStarting()).isFalse();
        assertThat(r.emitsRunning()).isFalse();
        assertThat(r.guacamole()).isTrue();
    }
}
