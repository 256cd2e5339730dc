package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.auth.Secret;
import app.exosphere.core.error.InvalidShareRequestException;
import app.exosphere.core.share.AccessLevel;
import app.exosphere.core.share.AccessRule;
import app.exosphere.core.share.ExportLocation;
import app.exosphere.core.share.Share;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShareMountTest {
    private static final String KEY = "AQBsZm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==";
    private static final String PATH = "10.0.0.11:6789,10.0.0.12:6789:/volumes/_nogroup/abc/def";
    private static final String SCRIPT = "https://exosphere.example.org/assets/scripts/mount_ceph.py";

    private static ShareMount rw() {
        return ShareMount.of("My Shared Data", PATH, "my-data-rw", Optional.of(Secret.of(KEY)), AccessLevel.RW);
    }

    @Test
    void sanitisesShareNamesLikeTheWebAppsMountpointRule() {
        assertThat(ShareMount.sanitize("My Shared Data")).isEqualTo("My-Shared-Data");
        assertThat(ShareMount.sanitize("data.set 1")).isEqualTo("data-set-1");
        assertThat(ShareMount.sanitize(" x ")).isEqualTo("-x-");
        assertThat(ShareMount.of(null, PATH, "s-rw", Optional.empty(), AccessLevel.RW)
                        .mountPoint())
                .isEqualTo("/media/share/share");
    }

    @Test
    void theMountCommandIsTheWebAppsWithEveryValueSingleQuoted() {
        assertThat(rw().mountCommand(SCRIPT).reveal())
                .isEqualTo("curl '" + SCRIPT + "' | sudo python3 - mount \\\n"
                        + "  --access-rule-name='my-data-rw' \\\n"
                        + "  --access-rule-key='" + KEY + "' \\\n"
                        + "  --share-path='" + PATH + "' \\\n"
                        + "  --share-name='My-Shared-Data'");
        assertThat(rw().unmountCommand(SCRIPT))
                .isEqualTo("curl '" + SCRIPT + "' | sudo python3 - unmount \\\n  --share-name='My-Shared-Data'");
        assertThat(ShareMount.of("x", PATH, "x-ro", Optional.empty(), AccessLevel.RO)
                        .mountCommand(SCRIPT)
                        .reveal())
                .contains("--access-rule-key='nokey'");
    }

    @Test
    void quotedValuesReachTheShellVerbatimWhateverTheyHold() throws Exception {
        String hostile = "10.0.0.1:/vol/\"$(touch /tmp/pwned)\" `id` it's; $HOME";
        String quoted = ShareMount.quote(hostile);
        Process p = new ProcessBuilder("/bin/sh", "-c", "printf '%s' " + quoted)
                .redirectErrorStream(true)
                .start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(hostile);
        assertThat(ShareMount.of("x", hostile, "x-rw", Optional.empty(), AccessLevel.RW)
                        .mountCommand(SCRIPT)
                        .reveal())
                .contains("--share-path=" + quoted);
    }

    @Test
    void theScriptUrlIsTheDeploymentsAssetsPathWithoutQueryOrFragment() {
        assertThat(ShareMount.scriptUrl("https://jetstream2.exosphere.app/exosphere/?x=1#top"))
                .isEqualTo("https://jetstream2.exosphere.app/exosphere/assets/scripts/mount_ceph.py");
        assertThat(ShareMount.scriptUrl("https://exosphere.example.org"))
                .isEqualTo("https://exosphere.example.org/assets/scripts/mount_ceph.py");
    }

    @Test
    void unitNamesAreSystemdEscapedPaths() {
        assertThat(ShareMount.systemdEscapePath("/media/share/test-share")).isEqualTo("media-share-test\\x2dshare");
        assertThat(rw().unitName()).isEqualTo("media-share-My\\x2dShared\\x2dData.mount");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBootTimeMountKeepsTheKeyInARootOnlyFileAndOutOfTheUnit() {
        Map<String, Object> cc = rw().cloudConfig().toMap();
        assertThat((List<String>) cc.get("packages")).containsExactly("ceph-common");
        List<Map<String, Object>> files = (List<Map<String, Object>>) cc.get("write_files");
        Map<String, Object> secret = files.get(0);
        assertThat(secret)
                .containsEntry("path", "/etc/ceph/exosphere-share-My-Shared-Data.secret")
                .containsEntry("permissions", "0600")
                .containsEntry("owner", "root:root")
                .containsEntry("content", KEY + "\n");
        Map<String, Object> unit = files.get(1);
        assertThat(unit).containsEntry("path", "/etc/systemd/system/media-share-My\\x2dShared\\x2dData.mount");
        String text = (String) unit.get("content");
        assertThat(text).doesNotContain(KEY);
        assertThat(text)
                .contains("What=" + PATH + "\n")
                .contains("Where=/media/share/My-Shared-Data\n")
                .contains("Type=ceph\n")
                .contains(
                        "Options=rw,noatime,_netdev,nofail,name=my-data-rw,secretfile=/etc/ceph/exosphere-share-My-Shared-Data.secret\n")
                .contains("WantedBy=remote-fs.target");
        assertThat((List<Object>) cc.get("runcmd"))
                .containsExactly(
                        List.of("systemctl", "daemon-reload"),
                        List.of("systemctl", "enable", "--now", "media-share-My\\x2dShared\\x2dData.mount"),
                        List.of("chown", "exouser:exouser", "/media/share/My-Shared-Data"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReadOnlyRuleMountsReadOnlyAndLeavesOwnershipAlone() {
        Map<String, Object> cc = ShareMount.of("lab", PATH, "lab-ro", Optional.of(Secret.of(KEY)), AccessLevel.RO)
                .cloudConfig()
                .toMap();
        String unit = (String)
                ((List<Map<String, Object>>) cc.get("write_files")).get(1).get("content");
        assertThat(unit).contains("Options=ro,noatime");
        assertThat((List<Object>) cc.get("runcmd")).hasSize(2);
    }

    @Test
    void aRuleWithoutItsKeyYetCannotMountAtBootAndSaysWhatToDo() {
        ShareMount m = ShareMount.of("lab", PATH, "lab-rw", Optional.empty(), AccessLevel.RW);
        assertThat(m.hasAccessKey()).isFalse();
        assertThatThrownBy(m::cloudConfig)
                .isInstanceOf(InvalidShareRequestException.class)
                .hasMessageContaining("fetch the share's access rules again");
    }

    @Test
    void theKeyNeverShowsInToStringAndAKeyThatIsNotBase64IsRefused() {
        assertThat(rw().toString()).doesNotContain(KEY).contains("<redacted>");
        assertThatThrownBy(
                        () -> ShareMount.of("x", PATH, "x-rw", Optional.of(Secret.of("k'; rm -rf /")), AccessLevel.RW))
                .isInstanceOf(InvalidShareRequestException.class)
                .hasMessageNotContaining("rm -rf");
    }

    @Test
    void fromManilasValuesOnlyCephfsSharesWithCephxRulesMount() {
        Share nfs = Share.builder().id("s1").sizeGb(1).protocol("NFS").build();
        Share ceph = Share.builder()
                .id("s2")
                .nameIfSet("lab")
                .sizeGb(1)
                .protocol("CEPHFS")
                .build();
        ExportLocation loc = ExportLocation.builder().id("l").path(PATH).build();
        AccessRule ip = AccessRule.builder()
                .id("r1")
                .accessLevel("rw")
                .accessType("ip")
                .accessTo("0.0.0.0/0")
                .build();
        AccessRule cephx = AccessRule.builder()
                .id("r2")
                .accessLevel("ro")
                .accessType("cephx")
                .accessTo("lab-ro")
                .accessKey(Secret.of(KEY))
                .build();
        assertThatThrownBy(() -> ShareMount.of(nfs, loc, cephx))
                .isInstanceOf(InvalidShareRequestException.class)
                .hasMessageContaining("does not support automatically mounting a share with this protocol (NFS)");
        assertThatThrownBy(() -> ShareMount.of(ceph, loc, ip)).isInstanceOf(InvalidShareRequestException.class);
        ShareMount m = ShareMount.of(ceph, loc, cephx);
        assertThat(m.level()).isEqualTo(AccessLevel.RO);
        assertThat(m.mountPoint()).isEqualTo("/media/share/lab");
    }
}
