package app.exosphere.core.image;

import java.util.Locale;

/**
 * Who can see a Glance image (the values of {@code visibility}).
 *
 * <pre>{@code
 * image.setVisibility(imageId, ImageVisibility.COMMUNITY).execute();
 * }</pre>
 */
public enum ImageVisibility {
    /** Every project. */
    PUBLIC,
    /** Every project, but not listed by default. */
    COMMUNITY,
    /** The owner and the projects it is shared with (members). */
    SHARED,
    /** The owner only. */
    PRIVATE;

    /** The value Glance uses ({@code public}, {@code community}, {@code shared}, {@code private}). */
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a Glance value case-insensitively.
     *
     * @throws IllegalArgumentException naming the four accepted values
     */
    public static ImageVisibility of(String value) {
        for (ImageVisibility v : values()) {
            if (v.apiValue().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException(
                "image visibility must be one of public, community, shared or private, got \"" + value + "\"");
    }
}
