package app.exosphere.core.instance;

import app.exosphere.core.config.ImageFilters;
import app.exosphere.core.config.InstanceTypeVersion;
import app.exosphere.core.error.InvalidLaunchRequestException;
import java.util.Objects;
import java.util.Optional;

/**
 * Which image a launch boots: by Glance id, by exact name (the newest active image of that name), or by
 * an instance type and version of the cloud's Exosphere configuration (the newest image matching its
 * filters, Exosphere's {@code docs/instance-types.md}).
 *
 * <pre>{@code
 * ImageChoice.id("0d1a0b0e-...");
 * ImageChoice.name("Featured-Ubuntu24");
 * ImageChoice.filter(new ImageFilters("Featured-Ubuntu24", null, null, null, null, null), List.of("1", "2"));
 * }</pre>
 */
public final class ImageChoice {

    /** How the image is chosen. */
    public enum Kind {
        /** A Glance image id. */
        ID,
        /** The newest active image with this exact name. */
        NAME,
        /** The newest image matching instance-type filters. */
        FILTER,
        /**
         * The newest active featured image: public, named with the cloud configuration's
         * {@code featuredImageNamePrefix} (default {@code Featured-}, as on Jetstream2).
         */
        FEATURED
    }

    private static final ImageChoice FEATURED_IMAGE = new ImageChoice(Kind.FEATURED, null, null, null);

    private final Kind kind;
    private final String value;
    private final ImageFilters filter;
    private final java.util.List<String> restrictFlavorIds;

    private ImageChoice(Kind kind, String value, ImageFilters filter, java.util.List<String> restrict) {
        this.kind = kind;
        this.value = value;
        this.filter = filter;
        this.restrictFlavorIds = restrict;
    }

    /** The image with this Glance id. */
    public static ImageChoice id(String imageId) {
        return new ImageChoice(Kind.ID, requireText(imageId, "image id"), null, null);
    }

    /**
     * The newest active featured image (public, name starting with the cloud configuration's
     * {@code featuredImageNamePrefix}, default {@code Featured-}); ties go to the last name in order, so
     * {@code Featured-Ubuntu24} before {@code Featured-Ubuntu22}. The default of {@link LaunchRequest#image()}
     * and what the {@code exosphere} CLI launches when no image is named.
     */
    public static ImageChoice featured() {
        return FEATURED_IMAGE;
    }

    /** The newest active image with exactly this name. */
    public static ImageChoice name(String imageName) {
        return new ImageChoice(Kind.NAME, requireText(imageName, "image name"), null, null);
    }

    /**
     * The newest image matching an instance type version's {@code imageFilters}, with its
     * {@code restrictFlavorIds} ({@code null} = every flavor allowed).
     */
    public static ImageChoice filter(ImageFilters filter, java.util.List<String> restrictFlavorIds) {
        return new ImageChoice(
                Kind.FILTER,
                null,
                Objects.requireNonNull(filter, "filter"),
                restrictFlavorIds == null ? null : java.util.List.copyOf(restrictFlavorIds));
    }

    /** How the image is chosen. */
    public Kind kind() {
        return kind;
    }

    /** The id or name for {@link Kind#ID} and {@link Kind#NAME}. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /**
     * The image of a configured instance type version: its {@code imageFilters} and
     * {@code restrictFlavorIds} (Exosphere's {@code docs/instance-types.md}).
     */
    public static ImageChoice instanceType(InstanceTypeVersion version) {
        Objects.requireNonNull(version, "version");
        return filter(version.imageFilters(), version.restrictFlavorIds());
    }

    /** The filter for {@link Kind#FILTER}. */
    public Optional<ImageFilters> filter() {
        return Optional.ofNullable(filter);
    }

    /** The flavor ids this image may be launched with; empty means any. */
    public Optional<java.util.List<String>> restrictFlavorIds() {
        return Optional.ofNullable(restrictFlavorIds);
    }

    static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new InvalidLaunchRequestException("The " + what + " must not be blank");
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageChoice c
                && c.kind == kind
                && Objects.equals(c.value, value)
                && Objects.equals(c.filter, filter)
                && Objects.equals(c.restrictFlavorIds, restrictFlavorIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value, filter, restrictFlavorIds);
    }

    @Override
    public String toString() {
        if (kind == Kind.FEATURED) {
            return "FEATURED";
        }
        return kind == Kind.FILTER ? "FILTER(" + filter + ")" : kind + "(" + value + ")";
    }
}
