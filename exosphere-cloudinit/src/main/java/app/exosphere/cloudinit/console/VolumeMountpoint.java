package app.exosphere.cloudinit.console;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an attached volume is mounted inside an Exosphere instance, by two rules that differ on purpose:
 *
 * <ul>
 *   <li>{@link #of} is the Exosphere web app's <em>display</em> rule ({@code Helpers.GetterSetters}
 *       {@code volNameToMountpoint} / {@code volDeviceToMountpoint} as used by {@code Page.ServerDetail}):
 *       for servers with {@link ExoServerVersion#namedMountpoints() version 5 or later} the volume name
 *       alone decides (no name: no mountpoint, "could not determine"; empty name: {@code /media/volume/});
 *       older servers use the last path segment of the attachment device.
 *   <li>{@link #onInstance} is the instance's own automount script ({@code automount-volume.py}
 *       {@code do_mount}): the name that reached the instance through the {@code exoVolume::} device tag
 *       or {@code exoVolumes::} metadata, sanitised with Python's Unicode {@code \W}; without one, the
 *       kernel device name. Only here is the device-based path used on a named-mountpoint server.
 * </ul>
 *
 * <pre>{@code
 * VolumeMountpoint.of(ExoServerVersion.current(), "My data!", "/dev/sdb"); // /media/volume/My-data-
 * VolumeMountpoint.of(ExoServerVersion.current(), null, "/dev/sdb");       // empty: could not determine
 * VolumeMountpoint.of(new ExoServerVersion(4), "My data!", "/dev/sdc");    // /media/volume/sdc
 * VolumeMountpoint.onInstance(null, "/dev/sdb");                           // /media/volume/sdb
 * }</pre>
 */
public final class VolumeMountpoint {

    /** The directory under which volumes are mounted. */
    public static final String ROOT = "/media/volume/";

    // Helpers.GetterSetters.sanitizeMountpoint: an Elm (JavaScript) regex, \W is ASCII-only
    private static final Pattern NON_WORD_RUNS = Pattern.compile("[^A-Za-z0-9_]+");
    // automount-volume.py sanitize: Python 3 re on str, where \w is str.isalnum() or '_': letters of
    // every kind (L*) and numbers of every kind (Nd, Nl, No). Combining marks and other connector
    // punctuation are not word characters there (unlike Java's UNICODE_CHARACTER_CLASS \w, which
    // counts marks and Pc but not No such as ½ or ²).
    private static final Pattern PYTHON_NON_WORD_RUNS = Pattern.compile("[^\\p{L}\\p{N}_]+");

    private VolumeMountpoint() {}

    /**
     * The mountpoint the Exosphere web app displays for a volume attached to a server.
     *
     * @param version the server's version
     * @param volumeName the volume's name, {@code null} when the volume has none
     * @param device the attachment device (e.g. {@code /dev/sdc}), or {@code null}
     * @return the mountpoint, or empty where the web app shows "could not determine": a version ≥ 5
     *     server and a volume without a name, or an older server without a device
     */
    public static Optional<String> of(ExoServerVersion version, String volumeName, String device) {
        Objects.requireNonNull(version, "version");
        if (version.namedMountpoints()) {
            // Page.ServerDetail: v.name |> Maybe.andThen volNameToMountpoint
            return Optional.ofNullable(volumeName).map(n -> ROOT + sanitize(n));
        }
        // volDeviceToMountpoint: the last "/"-separated segment, even when empty
        return Optional.ofNullable(device).map(d -> ROOT + d.substring(d.lastIndexOf('/') + 1));
    }

    /**
     * The directory the instance's automount script mounts a volume at ({@code automount-volume.py}
     * {@code do_mount}, servers of version 5 and later): {@code /media/volume/} plus the
     * {@linkplain #sanitizeAsInstance sanitised} name the instance read from the {@code exoVolume::}
     * device tag or {@code exoVolumes::} metadata, or plus the kernel device name when no name reached
     * it. An empty name mounts at {@code /media/volume} itself (Python's {@code pathlib} drops it).
     *
     * @param nameOnInstance the name in the tag/metadata, {@code null} when the instance has none
     * @param device the attachment device (e.g. {@code /dev/sdc})
     * @return the mount directory, empty when neither a name nor a device is known
     */
    public static Optional<String> onInstance(String nameOnInstance, String device) {
        if (nameOnInstance != null) {
            String sanitized = sanitizeAsInstance(nameOnInstance);
            return Optional.of(sanitized.isEmpty() ? "/media/volume" : ROOT + sanitized);
        }
        if (device == null) {
            return Optional.empty();
        }
        String last = device.substring(device.lastIndexOf('/') + 1);
        return last.isEmpty() ? Optional.empty() : Optional.of(ROOT + last);
    }

    /**
     * The web app's rule ({@code Helpers.GetterSetters.sanitizeMountpoint}, a JavaScript regex): every
     * run of characters outside {@code [A-Za-z0-9_]} becomes {@code -}.
     */
    public static String sanitize(String volumeName) {
        return NON_WORD_RUNS
                .matcher(Objects.requireNonNull(volumeName, "volumeName"))
                .replaceAll("-");
    }

    /**
     * The instance's rule (Python 3 {@code re.sub(r"\W+", "-", name)} in {@code automount-volume.py}),
     * where word characters are Unicode letters, numbers of every kind and {@code _}. It agrees with
     * {@link #sanitize} for ASCII names; {@code "café data"} mounts at {@code café-data} (displayed as
     * {@code caf-data}), {@code "vol½"} and {@code "x²"} stay as they are, and {@code e}, a combining
     * acute accent and {@code x} become {@code e-x}.
     */
    public static String sanitizeAsInstance(String volumeName) {
        return PYTHON_NON_WORD_RUNS
                .matcher(Objects.requireNonNull(volumeName, "volumeName"))
                .replaceAll("-");
    }
}
