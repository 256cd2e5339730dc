package app.exosphere.testkit.internal;

import java.util.List;
import java.util.function.Function;

/** Marker/limit pagination shared by Nova, Glance, Neutron and Cinder. */
public final class Paging {
    private Paging() {}

    /** A page of items and whether a next link is due. */
    public record Page<T>(List<T> items, boolean more) {}

    /**
     * The items after {@code marker} (exclusive), at most {@code limit} of them (capped at
     * {@code maxLimit}); {@code more} is true when the page is full and items remain.
     */
    public static <T> Page<T> page(
            List<T> all,
            Function<T, String> id,
            Integer limit,
            String marker,
            int maxLimit,
            String markerNotFoundMessage) {
        int start = 0;
        if (marker != null) {
            int idx = -1;
            for (int i = 0; i < all.size(); i++) {
                if (id.apply(all.get(i)).equals(marker)) {
                    idx = i;
                    break;
                }
            }
            if (idx < 0) {
                throw new ApiException(400, markerNotFoundMessage);
            }
            start = idx + 1;
        }
        int effective = limit == null ? maxLimit : Math.min(limit, maxLimit);
        if (effective < 0) {
            throw new ApiException(400, "limit param must be positive");
        }
        int end = Math.min(all.size(), start + effective);
        List<T> items = all.subList(start, end);
        boolean more = end < all.size() && items.size() == effective && effective > 0;
        return new Page<>(List.copyOf(items), more);
    }

    public static Integer limit(Exchange ex) {
        String v = ex.query("limit");
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new ApiException(400, "limit param must be positive");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "limit param must be an integer");
        }
    }
}
