package app.exosphere.cloudinit.console;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an attached volume is mounted inside an Exosphere instance (exosphere-spec §2.4). For servers
 * with {@link ExoServerVersion#namedMountpoints() version 5 or later} the mountpoint is
 * {@code /media/volume/} plus the volume name with every run of non-word characters ({@code \W+}, ASCII
 * word characters only) replaced by {@code -}; otherwise it is {@code /media/volume/} plus the last path
 * segment of the attachment device. Example:
 *
 * <pre>{@code
 * VolumeMountpoint.of(ExoServerVersion.current(), "My data!", "/dev/sdb"); // /media/volume/My-data-
 * VolumeMountpoint.of(new ExoServerVersion(4), "My data!", "/dev/sdc");    // /media/volume/sdc
 * }</pre>
 */
public final class VolumeMountpoint {

    /** The directory under which volumes are mounted. */
    public static final String ROOT = "/media/volume/";

    // exosphere-spec §0: Elm regexes are JavaScript regexes, \W is ASCII-only
    private static final Pattern NON_WORD_RUNS = Pattern.compile("[^A-Za-z0-9_]+");
    private static final Pattern UNICODE_NON_WORD_RUNS = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

    private VolumeMountpoint() {}

    /**
     * The mountpoint Exosphere displays.
     *
     * @param version the server's version
     * @param volumeName the volume's name; {@code null} or empty falls back to the device
     * @param device the attachment device (e.g. {@code /dev/sdc}), or {@code null}
     * @return the mountpoint, or empty when neither a usable name (version ≥ 5) nor a device is known
     */
    public static Optional<String> of(ExoServerVersion version, String volumeName, String device) {
        Objects.requireNonNull(version, "version");
        if (version.namedMountpoints() && volumeName != null && !volumeName.isEmpty()) {
            return Optional.of(ROOT + sanitize(volumeName));
        }
        if (device == null || device.isEmpty()) {
            return Optional.empty();
        }
        String last = device.substring(device.lastIndexOf('/') + 1);
        return last.isEmpty() ? Optional.empty() : Optional.of(ROOT + last);
    }

    /**
     * Exosphere's (JavaScript regex) rule: every run of characters outside {@code [A-Za-z0-9_]} becomes
     * {@code -}. This is what the Exosphere web app displays.
     */
    public static String sanitize(String volumeName) {
        return NON_WORD_RUNS
                .matcher(Objects.requireNonNull(volumeName, "volumeName"))
                .replaceAll("-");
    }

    /**
     * The instance's rule (Python 3 {@code re.sub(r"\W+", "-", name)} in {@code automount-volume.py}),
     * where word characters include non-ASCII letters and digits. It agrees with {@link #sanitize} for
     * ASCII names; for names like {@code "café data"} the instance mounts {@code café-data} while
     * Exosphere displays {@code caf-data}.
     */
    public static String sanitizeAsInstance(String volumeName) {
        return UNICODE_NON_WORD_RUNS
                .matcher(Objects.requireNonNull(volumeName, "volumeName"))
                .replaceAll("-");
    }
}
