package app.exosphere.core.instance;

import app.exosphere.core.image.Image;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an instance type version of a cloud configuration ({@code instanceTypes[].versions[]}) to a
 * concrete image and checks its flavor restriction, exactly like Exosphere: the newest image (by
 * {@code created_at}) matching every image filter; flavors restricted to {@code restrictFlavorIds} when
 * given.
 *
 * <pre>{@code
 * var filter = new InstanceTypeImages.Filter(Optional.of("Featured-Ubuntu24"), Optional.empty(),
 *         Optional.of("public"), Optional.empty(), Optional.empty(), Optional.empty());
 * Optional<Image> img = InstanceTypeImages.newestMatching(filter, images);
 * }</pre>
 */
public final class InstanceTypeImages {

    /**
     * The {@code imageFilters} of an instance type version; every present member must match.
     *
     * @param name exact image name
     * @param uuid image id, compared case-insensitively with dashes removed
     * @param visibility {@code public|private|shared|community}
     * @param osDistro exact {@code os_distro}
     * @param osVersion exact {@code os_version}
     * @param metadata an additional image property that must equal a value ({@code filterKey}, {@code filterValue})
     */
    public record Filter(
            Optional<String> name,
            Optional<String> uuid,
            Optional<String> visibility,
            Optional<String> osDistro,
            Optional<String> osVersion,
            Optional<Map.Entry<String, String>> metadata) {

        /** A filter matching every image. */
        public static Filter any() {
            return new Filter(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }

        /** A filter on the exact image name only. */
        public static Filter byName(String name) {
            return new Filter(
                    Optional.of(name),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }
    }

    private InstanceTypeImages() {}

    /** Whether an image passes every present filter member. */
    // exosphere-spec §8.5 imageFilters
    public static boolean matches(Filter filter, Image image) {
        if (filter.name().isPresent() && !filter.name().get().equals(image.name())) {
            return false;
        }
        if (filter.uuid().isPresent() && !normalizeUuid(filter.uuid().get()).equals(normalizeUuid(image.id()))) {
            return false;
        }
        if (filter.visibility().isPresent() && !filter.visibility().equals(image.visibility())) {
            return false;
        }
        if (filter.osDistro().isPresent() && !filter.osDistro().equals(image.osDistro())) {
            return false;
        }
        if (filter.osVersion().isPresent() && !filter.osVersion().equals(image.osVersion())) {
            return false;
        }
        if (filter.metadata().isPresent()) {
            Map.Entry<String, String> kv = filter.metadata().get();
            if (!image.properties().containsKey(kv.getKey())) {
                return false;
            }
            return kv.getValue().equals(render(image.properties().get(kv.getKey())));
        }
        return true;
    }

    /** The most recently created image matching the filter; empty means the version is hidden. */
    public static Optional<Image> newestMatching(Filter filter, Collection<Image> images) {
        return images.stream()
                .filter(i -> matches(filter, i))
                .max(Comparator.comparing(i -> i.createdAt().orElse(Instant.EPOCH)));
    }

    /**
     * The flavors a version allows: all when {@code restrictFlavorIds} is empty (null in the config),
     * else only those ids (the documented allow-list meaning; spec §11 item 2).
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

    private static String normalizeUuid(String s) {
        return s.replace("-", "").toLowerCase(Locale.ROOT);
    }

    // exosphere-spec §8.5: strings as-is, integers decimal, floats shortest, booleans True/False, null empty
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
