package app.exosphere.core.config;

import java.util.Optional;

/**
 * How an instance-type version picks its image (Exosphere's {@code docs/instance-types.md}): every present filter must match,
 * and the most recently created matching image wins. Members with a wrong type or an unknown
 * visibility are ignored, as in Exosphere.
 *
 * <pre>{@code
 * ImageFilters f = ImageFilters.NONE;
 * f.nameValue().ifPresent(n -> System.out.println("image named " + n));
 * }</pre>
 *
 * @param name exact image name, or null
 * @param uuid image id (compared case-insensitively without hyphens), or null
 * @param visibility {@code private}, {@code shared}, {@code community} or {@code public}, or null
 * @param osDistro exact {@code os_distro}, or null
 * @param osVersion exact {@code os_version}, or null
 * @param metadata a property filter, or null
 */
public record ImageFilters(
        String name, String uuid, String visibility, String osDistro, String osVersion, MetadataFilter metadata) {

    /** No filters. */
    public static final ImageFilters NONE = new ImageFilters(null, null, null, null, null, null);

    public Optional<String> nameValue() {
        return Optional.ofNullable(name);
    }

    public Optional<String> visibilityValue() {
        return Optional.ofNullable(visibility);
    }

    public Optional<MetadataFilter> metadataValue() {
        return Optional.ofNullable(metadata);
    }

    /** True if {@code imageId} matches the {@code uuid} filter (or there is none). */
    public boolean matchesUuid(String imageId) {
        return uuid == null || (imageId != null && uuid.replace("-", "").equalsIgnoreCase(imageId.replace("-", "")));
    }
}
