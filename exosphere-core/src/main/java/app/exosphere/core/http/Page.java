package app.exosphere.core.http;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing: its items and the link to the next page, if any.
 *
 * <pre>{@code
 * for (Page<JsonNode> page : nova.get("servers/detail").paginate("servers", JsonNode.class).pages()) {
 *     System.out.println(page.items().size() + " servers, more: " + page.next().isPresent());
 * }
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Page<T> {
    private final List<T> items;
    private final String next;

    /**
     * A page.
     *
     * @param items the items of this page
     * @param next the absolute URL of the next page, or null for the last page
     */
    public Page(List<T> items, String next) {
        this.items = List.copyOf(items);
        this.next = next;
    }

    /** The items of this page, in service order. */
    public List<T> items() {
        return items;
    }

    /** The absolute URL of the next page (already re-parsed and normalised), if there is one. */
    public Optional<String> next() {
        return Optional.ofNullable(next);
    }

    @Override
    public String toString() {
        return "Page{" + items.size() + " items, next=" + (next != null) + "}";
    }
}
