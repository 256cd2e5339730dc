package app.exosphere.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.examples.SimulatedSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code exosphere share …} against one simulated cloud, in order: create, list, show, mount-commands, delete. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShareCommandsTest {
    @RegisterExtension
    static final SimulatedSession simulated = new SimulatedSession();

    @Test
    @Order(1)
    void createMakesTheShareAndItsTwoAutomaticRules() {
        CliRun run = CliRun.on(simulated.session(), "share", "create", "--name", "i18-cli", "--size", "10");
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .matches("share i18-cli \\([0-9a-f-]{36}\\), 10 GB, available; access rules: i18-cli-rw, i18-cli-ro\n");
        assertThat(simulated.session().simulator().orElseThrow().shareAccessRules("i18-cli"))
                .containsExactly("i18-cli-rw", "i18-cli-ro");
    }

    @Test
    @Order(2)
    void listAndShowPrintTheShareWithoutItsKeys() {
        CliRun list = CliRun.on(simulated.session(), "share", "list");
        assertThat(list.out()).contains("i18-cli").contains("  10 GB  available   CEPHFS");
        CliRun show = CliRun.on(simulated.session(), "--json", "share", "show", "i18-cli");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out())
                .contains("\"name\":\"i18-cli\"")
                .contains("\"accessTo\":\"i18-cli-rw\"")
                .contains("\"hasKey\":true")
                .contains(":/volumes/_nogroup/");
        assertThat(show.out()).doesNotContain("access_key").doesNotContain("accessKey");
    }

    @Test
    @Order(3)
    void mountCommandsPrintTheQuotedCommandsOrTheCloudConfig() {
        CliRun cmds = CliRun.on(
                simulated.session(),
                "share",
                "mount-commands",
                "i18-cli",
                "--level",
                "ro",
                "--exosphere-url",
                "https://exo.example.org/");
        assertThat(cmds.out())
                .startsWith("# mount at /media/share/i18-cli (read-only)\n"
                        + "curl 'https://exo.example.org/assets/scripts/mount_ceph.py' | sudo python3 - mount \\\n"
                        + "  --access-rule-name='i18-cli-ro' \\\n")
                .contains("--share-name='i18-cli'\n# unmount\n");
        CliRun cc = CliRun.on(simulated.session(), "share", "mount-commands", "i18-cli", "--cloud-init");
        assertThat(cc.out())
                .startsWith("#cloud-config\n")
                .contains("secretfile=/etc/ceph/exosphere-share-i18-cli.secret");
        CliRun neither = CliRun.on(simulated.session(), "share", "mount-commands", "i18-cli");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("pass --exosphere-url URL");
    }

    @Test
    @Order(4)
    void deleteRemovesTheShareAndAnUnknownShareIsAClearError() {
        CliRun delete = CliRun.on(simulated.session(), "share", "delete", "i18-cli");
        assertThat(delete.out()).matches("share i18-cli \\([0-9a-f-]{36}\\) deleted\n");
        simulated.session().simulator().orElseThrow().advance(java.time.Duration.ofSeconds(10));
        assertThat(simulated.session().simulator().orElseThrow().shareCount()).isZero();
        CliRun missing = CliRun.on(simulated.session(), "share", "show", "i18-cli");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no share named or with id i18-cli");
    }
}
