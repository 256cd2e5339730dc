package app.exosphere.core.rules;

import app.exosphere.core.image.Image;
import java.util.Locale;
import java.util.Optional;

/**
 * The login user an image's cloud-init configures by default, guessed from the Glance image properties
 * {@code os_distro} and {@code os_version} like Exosphere does for servers it did not create (on servers
 * it created, the user is always {@code exouser}).
 *
 * <pre>{@code
 * DefaultSshUser.guess("ubuntu", "24.04");   // Optional[ubuntu]
 * DefaultSshUser.guess("centos", "9");       // Optional[cloud-user]
 * DefaultSshUser.guess("windows", null);     // Optional.empty
 * DefaultSshUser.forImage(openStack.image().get("0d1a0b0e").execute());   // from os_distro/os_version
 * }</pre>
 */
public final class DefaultSshUser {

    /** The user Exosphere's setup creates on every instance it launches. */
    public static final String EXOUSER = "exouser";

    private DefaultSshUser() {}

    /**
     * @param osDistro the image's {@code os_distro} (case-insensitive), or {@code null}
     * @param osVersion the image's {@code os_version}, or {@code null}
     * @return the default user name, or empty when it cannot be guessed
     */
    // Exosphere's `Image.guessOsDefaultUsername`
    public static Optional<String> guess(String osDistro, String osVersion) {
        if (osDistro == null) {
            return Optional.empty();
        }
        String distro = osDistro.toLowerCase(Locale.ROOT);
        switch (distro) {
            case "debian":
            case "ubuntu":
            case "rocky":
            case "almalinux":
            case "fedora":
            case "alpine":
            case "arch":
            case "opensuse":
            case "kali":
            case "cirros":
            case "freebsd":
            case "openbsd":
            case "netbsd":
                return Optional.of(distro);
            case "centos":
                // quirk kept: any version string starting with 7 or 8 (so "80" too) → centos
                return Optional.of(
                        osVersion != null && (osVersion.startsWith("7") || osVersion.startsWith("8"))
                                ? "centos"
                                : "cloud-user");
            case "rhel":
                return Optional.of("cloud-user");
            default:
                return Optional.empty();
        }
    }

    /**
     * The default user of a Glance image, from its {@code os_distro} and {@code os_version} properties
     * (what the web app shows in the SSH interaction of a server it did not create).
     */
    public static Optional<String> forImage(Image image) {
        return guess(image.osDistro().orElse(null), image.osVersion().orElse(null));
    }
}
