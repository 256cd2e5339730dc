package app.exosphere.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import okhttp3.HttpUrl;

/** Finds the next-page link in every OpenStack pagination style. */
public final class NextLinks {
    private NextLinks() {}

    /**
     * The absolute next-page URL, or null.
     *
     * @param page the page body
     * @param collectionKey the collection member ({@code servers})
     * @param current the URL that returned {@code page}
     * @param versionedRoot the service's versioned root (for Glance's root-relative links)
     * @param itemCount items on this page
     */
    public static HttpUrl find(
            JsonNode page, String collectionKey, HttpUrl current, HttpUrl versionedRoot, int itemCount) {
        return find(page, collectionKey, current, versionedRoot, itemCount, () -> {
            JsonNode items = page.get(collectionKey);
            JsonNode last = items == null ? null : items.get(items.size() - 1);
            return last != null && last.path("id").isTextual() ? last.get("id").asText() : null;
        });
    }

    /**
     * The absolute next-page URL, or null, when the items were decoded apart from the page.
     *
     * @param page the page body's link members ({@code <collection>_links}, {@code links}, {@code next},
     *     {@code first}); the items need not be there
     * @param collectionKey the collection member ({@code servers})
     * @param current the URL that returned {@code page}
     * @param versionedRoot the service's versioned root (for Glance's root-relative links)
     * @param itemCount items on this page
     * @param lastItemId the id of the page's last item, or null (Neutron's marker/limit paging)
     */
    public static HttpUrl find(
            JsonNode page,
            String collectionKey,
            HttpUrl current,
            HttpUrl versionedRoot,
            int itemCount,
            java.util.function.Supplier<String> lastItemId) {
        String href = null;
        // Nova, Cinder, Neutron: "<collection>_links": [{"rel": "next", "href": ...}]
        href = relNext(page.get(collectionKey + "_links"));
        if (href == null) {
            JsonNode links = page.get("links");
            if (links != null && links.isObject() && links.path("next").isTextual()) {
                href = links.get("next").asText(); // Keystone: "links": {"next": ..., "self": ...}
            } else {
                href = relNext(links); // generic "links": [{"rel": "next"}]
            }
        }
        if (href == null && page.path("next").isTextual()) {
            href = page.get("next").asText(); // Glance: "next": "/v2/images?marker=..."
        }
        if (href != null && !href.isBlank()) {
            return resolve(href, current, versionedRoot);
        }
        boolean linkStyle = page.has(collectionKey + "_links") || page.has("links") || page.has("first");
        if (linkStyle) {
            return null; // the service paginates with links and this was the last page
        }
        // Neutron without pagination links: marker/limit when the page was full
        String limit = current.queryParameter("limit");
        if (limit != null && itemCount > 0) {
            try {
                if (itemCount >= Integer.parseInt(limit)) {
                    String lastId = lastItemId.get();
                    if (lastId != null) {
                        return current.newBuilder()
                                .setQueryParameter("marker", lastId)
                                .build();
                    }
                }
            } catch (NumberFormatException ignored) {
                return null;
            }
        }
        return null;
    }

    private static String relNext(JsonNode links) {
        if (links == null || !links.isArray()) {
            return null;
        }
        for (JsonNode l : links) {
            if ("next".equals(l.path("rel").asText()) && l.path("href").isTextual()) {
                return l.get("href").asText();
            }
        }
        return null;
    }

    /**
     * Re-parses a link: absolute links keep their path and query but use the scheme, host and port we
     * are talking to (services behind proxies often advertise internal hosts); root-relative links are
     * placed under the endpoint's path prefix.
     */
    static HttpUrl resolve(String href, HttpUrl current, HttpUrl versionedRoot) {
        HttpUrl absolute = HttpUrl.parse(href);
        if (absolute != null) {
            return absolute.newBuilder()
                    .scheme(current.scheme())
                    .host(current.host())
                    .port(current.port())
                    .build();
        }
        if (href.startsWith("/")) {
            HttpUrl rel = HttpUrl.parse("http://x" + href);
            if (rel == null) {
                return null;
            }
            List<String> linkSegs = rel.encodedPathSegments();
            List<String> rootSegs = versionedRoot.encodedPathSegments();
            // prefix = root segments before the link's first segment (e.g. "image" for /image/v2/)
            int idx = linkSegs.isEmpty() ? -1 : rootSegs.indexOf(linkSegs.get(0));
            StringBuilder path = new StringBuilder();
            if (idx > 0) {
                for (int i = 0; i < idx; i++) {
                    path.append('/').append(rootSegs.get(i));
                }
            }
            path.append(rel.encodedPath());
            HttpUrl.Builder b =
                    current.newBuilder().encodedPath(path.toString()).encodedQuery(rel.encodedQuery());
            return b.build();
        }
        return current.resolve(href);
    }
}
