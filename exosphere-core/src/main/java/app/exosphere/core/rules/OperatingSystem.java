package app.exosphere.core.rules;

import app.exosphere.core.image.Image;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The operating system an image is likely to run and whether Exosphere supports launching it, detected
 * from the image name and the Glance properties {@code os_distro} and {@code os_version} like the web
 * app's image list and create page do (Exosphere's {@code Image.detectOperatingSystem}).
 *
 * <p>When {@code os_distro} is present it alone decides (case-insensitive equality) and the name is
 * ignored; otherwise the name is searched case-insensitively for an identifier. "Windows" is checked
 * first and always means unsupported, so a name like {@code not-windows-actually-ubuntu} is Windows.
 * Supported distributions are supported only in their listed versions; any other version, or an
 * unrecognised {@code os_distro} (returned verbatim), has {@link Support#UNKNOWN unknown} support.
 *
 * <pre>{@code
 * OperatingSystem.detect("Featured-Ubuntu24", "ubuntu", "24.04");   // Ubuntu 24.04, SUPPORTED
 * OperatingSystem.detect("Windows-Server-2022", null, null);        // Windows, UNSUPPORTED
 * OperatingSystem.detect("unhelpful-image-name", null, null);       // Optional.empty
 * }</pre>
 *
 * @param distribution the friendly distribution name ({@code Ubuntu}, {@code Rocky Linux}, {@code Windows}…)
 *     or the {@code os_distro} as given when it is not one Exosphere knows
 * @param version the image's {@code os_version}, when set
 * @param support whether Exosphere supports launching it
 */
public record OperatingSystem(String distribution, Optional<String> version, Support support) {

    /** Whether Exosphere supports launching an operating system (three-valued, like the web app's). */
    public enum Support {
        /** A supported distribution in a listed version: the web app shows a green check. */
        SUPPORTED,
        /** Known not to work with Exosphere's setup (Windows): the web app shows "not supported". */
        UNSUPPORTED,
        /** Anything else: no marker in the web app. */
        UNKNOWN
    }

    private record Known(String identifier, String friendlyName, List<String> versions) {}

    // Exosphere's `Image.detectOperatingSystem` supported table, in matching order
    private static final List<Known> SUPPORTED = List.of(
            new Known("debian", "Debian", List.of("11")),
            new Known("ubuntu", "Ubuntu", List.of("20.04", "22.04", "24.04", "24.10")),
            new Known("rocky", "Rocky Linux", List.of("8", "9")),
            new Known("alma", "AlmaLinux", List.of("8", "9")),
            new Known("centos", "CentOS", List.of()));

    private static final String WINDOWS = "Windows";

    /** Checks the components; an empty distribution is refused. */
    public OperatingSystem {
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(support, "support");
    }

    /**
     * Detects the operating system of an image.
     *
     * @param imageName the image name (may be {@code null})
     * @param osDistro the {@code os_distro} property, or {@code null}
     * @param osVersion the {@code os_version} property, or {@code null}
     * @return the detected system, or empty when neither {@code os_distro} nor the name says anything
     */
    // Exosphere's `Image.detectOperatingSystem`
    public static Optional<OperatingSystem> detect(String imageName, String osDistro, String osVersion) {
        Optional<String> version = Optional.ofNullable(osVersion);
        if (likely(WINDOWS, imageName, osDistro)) {
            return Optional.of(new OperatingSystem(WINDOWS, version, Support.UNSUPPORTED));
        }
        for (Known k : SUPPORTED) {
            if (likely(k.identifier(), imageName, osDistro)) {
                boolean listed = osVersion != null && k.versions().stream().anyMatch(osVersion::equalsIgnoreCase);
                return Optional.of(
                        new OperatingSystem(k.friendlyName(), version, listed ? Support.SUPPORTED : Support.UNKNOWN));
            }
        }
        if (osDistro != null) {
            return Optional.of(new OperatingSystem(osDistro, version, Support.UNKNOWN));
        }
        return Optional.empty();
    }

    /** Detects the operating system of a Glance image from its name, {@code os_distro} and {@code os_version}. */
    public static Optional<OperatingSystem> detect(Image image) {
        return detect(
                image.name(), image.osDistro().orElse(null), image.osVersion().orElse(null));
    }

    /** "Is likely to be": {@code os_distro} equal ignoring case when given, else a substring of the name. */
    private static boolean likely(String identifier, String imageName, String osDistro) {
        if (osDistro != null) {
            return osDistro.equalsIgnoreCase(identifier);
        }
        return imageName != null && imageName.toLowerCase(Locale.ROOT).contains(identifier.toLowerCase(Locale.ROOT));
    }

    /**
     * The web app's wording: "Exosphere supports launching Ubuntu instances" for a supported system, and
     * "Windows is not supported" (or "Support for X is unknown") otherwise.
     */
    public String describe() {
        String v = version.map(s -> " " + s).orElse("");
        return switch (support) {
            case SUPPORTED -> "Exosphere supports launching " + distribution + v + " instances";
            case UNSUPPORTED -> "Exosphere does not support launching " + distribution + v + " instances";
            case UNKNOWN -> "Exosphere support for launching " + distribution + v + " instances is unknown";
        };
    }
}
