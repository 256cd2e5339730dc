package app.exosphere.core.rules;

import app.exosphere.cloudinit.CloudConfigFragment;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.error.InvalidShareRequestException;
import app.exosphere.core.share.AccessLevel;
import app.exosphere.core.share.AccessRule;
import app.exosphere.core.share.ExportLocation;
import app.exosphere.core.share.Share;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to mount a CephFS share on an instance: the commands the web app shows on a share's page
 * (Exosphere's {@code Page.ShareDetail} mount tile, running {@code assets/scripts/mount_ceph.py}), with
 * every value shell-quoted, and a cloud-init fragment that mounts the share at first boot of an instance
 * the SDK launches. Pure: no I/O. The cephx key is a {@link Secret}: {@link #toString()} never shows it.
 *
 * <p>Differences from the web app, on purpose: values are single-quoted (the web app wraps them in
 * double quotes without escaping, so a {@code "} or {@code $} breaks its command); the boot-time mount
 * keeps the key in a root-only file ({@code /etc/ceph/<name>.secret}, mode 0600) named by
 * {@code secretfile=}, not in the world-readable mount unit; a read-only rule mounts {@code ro}.
 *
 * <pre>{@code
 * ShareMount m = ShareMount.of("lab data", "10.0.0.1:6789:/volumes/_nogroup/abc", "lab-rw", Optional.of(Secret.of("AQB...")), AccessLevel.RW);
 * String shown = m.mountCommand(ShareMount.scriptUrl("https://exosphere.jetstream-cloud.org/")).reveal();
 * LaunchRequest.builder().name("vm").image(ImageChoice.name("Featured-Ubuntu24")).addMountShares(m).build();
 * }</pre>
 */
public final class ShareMount {
    /** Where the web app mounts shares. */
    public static final String MOUNT_ROOT = "/media/share/";

    private final String shareName;
    private final String exportPath;
    private final String cephxId;
    private final Optional<Secret> accessKey;
    private final AccessLevel level;

    private ShareMount(
            String shareName, String exportPath, String cephxId, Optional<Secret> accessKey, AccessLevel level) {
        this.shareName = shareName;
        this.exportPath = exportPath;
        this.cephxId = cephxId;
        this.accessKey = accessKey;
        this.level = level;
    }

    /**
     * From raw values.
     *
     * @param rawShareName the share's name as Manila has it (null: the web app's word "share")
     * @param exportPath the export location's path
     * @param cephxId the access rule's {@code access_to}
     * @param accessKey the access rule's key (empty until Manila applied the rule)
     * @param level the rule's level
     */
    public static ShareMount of(
            String rawShareName, String exportPath, String cephxId, Optional<Secret> accessKey, AccessLevel level) {
        Objects.requireNonNull(exportPath, "exportPath");
        Objects.requireNonNull(cephxId, "cephxId");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(level, "level");
        if (exportPath.isBlank() || exportPath.contains("\n")) {
            throw new InvalidShareRequestException("The export location path is empty or has a line break.");
        }
        if (!cephxId.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidShareRequestException(
                    "The access rule's CephX id \"" + cephxId
                            + "\" has characters Ceph does not accept; use a rule whose access_to has letters, digits, '.', '-' and '_' only.");
        }
        if (accessKey.isPresent() && !accessKey.get().reveal().matches("[\\x21-\\x7e]+")) {
            throw new InvalidShareRequestException(
                    "The access key has spaces or control characters, which no CephX key has; read it again from the share's access rules.");
        }
        return new ShareMount(
                sanitize(rawShareName == null ? "share" : rawShareName), exportPath, cephxId, accessKey, level);
    }

    /**
     * From what Manila returned: a CephFS share, one of its export locations (the web app takes the
     * first) and one of its CephX access rules.
     *
     * @throws InvalidShareRequestException when the share is not CephFS or the rule is not CephX
     */
    public static ShareMount of(Share share, ExportLocation location, AccessRule rule) {
        if (!share.isCephFs()) {
            throw new InvalidShareRequestException(
                    "Exosphere does not support automatically mounting a share with this protocol ("
                            + share.protocol().orElse("none") + "). You must mount it to your instance manually.");
        }
        if (!rule.isCephx()) {
            throw new InvalidShareRequestException("Access rule " + rule.id() + " is of type " + rule.accessType()
                    + "; mounting CephFS needs a cephx rule.");
        }
        return of(
                share.nameIfSet().orElse(null),
                location.path(),
                rule.accessTo(),
                rule.accessKey(),
                rule.level().orElse(AccessLevel.RW));
    }

    /**
     * The web app's rule: every run of characters outside {@code [A-Za-z0-9_]} becomes one {@code -}, case
     * kept, nothing stripped ({@code GetterSetters.sanitizeMountpoint}): {@code My Shared Data} →
     * {@code My-Shared-Data}, {@code " x "} → {@code -x-}.
     */
    public static String sanitize(String name) {
        return name.replaceAll("[^A-Za-z0-9_]+", "-");
    }

    /**
     * The helper script's URL for a web app deployment: {@code <app URL without query or fragment>}
     * {@code assets/scripts/mount_ceph.py} ({@code Page.ShareDetail}).
     *
     * @param exosphereAppUrl the deployment's URL, e.g. {@code https://jetstream2.exosphere.app/exosphere/}
     */
    public static String scriptUrl(String exosphereAppUrl) {
        String u = exosphereAppUrl.replaceAll("[?#].*$", "");
        if (!u.endsWith("/")) {
            u = u + "/";
        }
        return u + "assets/scripts/mount_ceph.py";
    }

    /** The sanitised share name used in paths and unit names. */
    public String shareName() {
        return shareName;
    }

    /** {@code /media/share/<shareName>}. */
    public String mountPoint() {
        return MOUNT_ROOT + shareName;
    }

    /** The rule's CephX id ({@code access_to}). */
    public String cephxId() {
        return cephxId;
    }

    /** The rule's level. */
    public AccessLevel level() {
        return level;
    }

    /** Whether the rule's key is known (Manila fills it once the rule is applied). */
    public boolean hasAccessKey() {
        return accessKey.isPresent();
    }

    /** The export location path. */
    public String exportPath() {
        return exportPath;
    }

    /**
     * The web app's mount command, every value single-quoted; parts joined by space, backslash, newline
     * and two spaces. It holds the cephx key, hence a {@link Secret}. Without a key, {@code nokey}, as
     * the web app.
     */
    public Secret mountCommand(String scriptUrl) {
        return Secret.of(String.join(
                " \\\n  ",
                "curl " + quote(scriptUrl) + " | sudo python3 - mount",
                "--access-rule-name=" + quote(cephxId),
                "--access-rule-key=" + quote(accessKey.map(Secret::reveal).orElse("nokey")),
                "--share-path=" + quote(exportPath),
                "--share-name=" + quote(shareName)));
    }

    /** The web app's unmount command, values single-quoted. */
    public String unmountCommand(String scriptUrl) {
        return String.join(
                " \\\n  ",
                "curl " + quote(scriptUrl) + " | sudo python3 - unmount",
                "--share-name=" + quote(shareName));
    }

    /** Where the boot-time mount keeps the key: {@code /etc/ceph/exosphere-share-<shareName>.secret} (0600, root). */
    public String secretFile() {
        return "/etc/ceph/exosphere-share-" + shareName + ".secret";
    }

    /** The systemd mount unit's name ({@code systemd-escape --path --suffix=mount <mountPoint>}). */
    public String unitName() {
        return systemdEscapePath(mountPoint()) + ".mount";
    }

    /**
     * A cloud-config fragment that mounts the share at first boot and on every boot after: installs
     * {@code ceph-common} (for {@code mount.ceph}'s {@code secretfile=}), writes the key to {@link
     * #secretFile()} (mode 0600, owner root), writes a mount unit without the key, enables it
     * ({@code nofail}: boot goes on when Ceph is unreachable) and, for a read-write rule, gives the mount
     * point to {@code exouser} as the web app's helper does.
     *
     * @throws InvalidShareRequestException when the rule has no key yet (Manila fills it once the rule
     *     is applied; fetch the rules again)
     */
    public CloudConfigFragment cloudConfig() {
        Secret key = accessKey.orElseThrow(
                () -> new InvalidShareRequestException(
                        "Access rule " + cephxId
                                + " has no access key yet: Manila fills it once the rule is active; fetch the share's access rules again."));
        String options = String.join(
                ",",
                level == AccessLevel.RO ? "ro" : "rw",
                "noatime",
                "_netdev",
                "nofail",
                "name=" + cephxId,
                "secretfile=" + secretFile());
        String unit = "[Unit]\n"
                + "Description=Share " + shareName + "\n"
                + "Wants=network-online.target\n"
                + "After=network-online.target\n"
                + "\n[Mount]\n"
                + "What=" + exportPath + "\n"
                + "Where=" + mountPoint() + "\n"
                + "Type=ceph\n"
                + "Options=" + options + "\n"
                + "DirectoryMode=0755\n"
                + "\n[Install]\n"
                + "WantedBy=remote-fs.target\n";
        List<Object> files = new ArrayList<>();
        files.add(file(secretFile(), "0600", key.reveal() + "\n"));
        files.add(file("/etc/systemd/system/" + unitName(), "0644", unit));
        List<Object> runcmd = new ArrayList<>();
        runcmd.add(List.of("systemctl", "daemon-reload"));
        runcmd.add(List.of("systemctl", "enable", "--now", unitName()));
        if (level == AccessLevel.RW) {
            runcmd.add(List.of("chown", "exouser:exouser", mountPoint()));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("packages", List.of("ceph-common"));
        map.put("write_files", files);
        map.put("runcmd", runcmd);
        return CloudConfigFragment.fromMap(map);
    }

    private static Map<String, Object> file(String path, String mode, String content) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", path);
        f.put("owner", "root:root");
        f.put("permissions", mode);
        f.put("content", content);
        return f;
    }

    /** POSIX shell single quoting: {@code it's} → {@code 'it'\''s'}. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** {@code systemd-escape --path}: slashes to {@code -}, other bytes outside {@code [A-Za-z0-9:_.]} as {@code \xNN}. */
    static String systemdEscapePath(String path) {
        String p = path.replaceAll("^/+|/+$", "").replaceAll("/+", "/");
        if (p.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean leadingDot = b == '.' && (i == 0 || bytes[i - 1] == '/');
            if (b == '/') {
                sb.append('-');
            } else if (!leadingDot && (Character.isLetterOrDigit(b) && b < 0x80 || b == ':' || b == '_' || b == '.')) {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "ShareMount{" + mountPoint() + " from " + exportPath + " as " + cephxId + " (" + level.label()
                + (accessKey.isPresent() ? ", key <redacted>" : ", no key yet") + ")}";
    }
}
