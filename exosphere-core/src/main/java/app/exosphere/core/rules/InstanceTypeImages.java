package app.exosphere.core.rules;

import app.exosphere.core.config.ImageFilters;
import app.exosphere.core.config.MetadataFilter;
import app.exosphere.core.image.Image;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Resolves an instance type version of a cloud configuration ({@link ImageFilters} of
 * {@code instanceTypes[].versions[]}) to a
 * concrete image and checks its flavor restriction, exactly like Exosphere: the newest image (by
 * {@code created_at}) matching every image filter; flavors restricted to {@code restrictFlavorIds} when
 * given.
 *
 * <pre>{@code
 * InstanceTypeVersion ubuntu = exosphere.instances().settings().instanceTypes().get(0).versions().get(0);
 * Optional<Image> img = InstanceTypeImages.newestMatching(ubuntu.imageFilters(), image.list().toList());
 * }</pre>
 */
public final class InstanceTypeImages {

    private InstanceTypeImages() {}

    /** Whether an image passes every present filter member. */
    // Exosphere's `docs/instance-types.md`, imageFilters
    public static boolean matches(ImageFilters filter, Image image) {
        if (filter.name() != null && !filter.name().equals(image.name())) {
            return false;
        }
        if (filter.uuid() != null && !filter.matchesUuid(image.id())) {
            return false;
        }
        if (filter.visibility() != null && !Optional.of(filter.visibility()).equals(image.visibility())) {
            return false;
        }
        if (filter.osDistro() != null && !Optional.of(filter.osDistro()).equals(image.osDistro())) {
            return false;
        }
        if (filter.osVersion() != null && !Optional.of(filter.osVersion()).equals(image.osVersion())) {
            return false;
        }
        if (filter.metadata() != null) {
            MetadataFilter kv = filter.metadata();
            if (!image.properties().containsKey(kv.filterKey())) {
                return false;
            }
            return kv.filterValue().equals(render(image.properties().get(kv.filterKey())));
        }
        return true;
    }

    /** The most recently created image matching the filter; empty means the version is hidden. */
    public static Optional<Image> newestMatching(ImageFilters filter, Collection<Image> images) {
        return images.stream()
                .filter(i -> matches(filter, i))
                .max(Comparator.comparing(i -> i.createdAt().orElse(Instant.EPOCH)));
    }

    /**
     * The flavors a version allows: all when {@code restrictFlavorIds} is empty (null in the config),
     * else only those ids (the documented allow-list meaning; Exosphere's {@code ServerCreate.getAllowedFlavors} excludes them).
     */
    public static <F> List<F> allowedFlavors(
            Optional<List<String>> restrictFlavorIds, List<F> flavors, java.util.function.Function<F, String> idOf) {
        if (restrictFlavorIds.isEmpty()) {
            return List.copyOf(flavors);
        }
        return flavors.stream()
                .filter(f -> restrictFlavorIds.get().contains(idOf.apply(f)))
                .toList();
    }

    // Exosphere's `docs/instance-types.md`: strings as-is, integers decimal, floats shortest, booleans True/False, null
    // empty
    static String render(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof java.math.BigInteger) {
            return v.toString();
        }
        if (v instanceof Number n) {
            BigDecimal d = new BigDecimal(Double.toString(n.doubleValue())).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        return "IGNORE";
    }
}
