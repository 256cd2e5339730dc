package app.exosphere.core.page;

import app.exosphere.core.error.OpenStackClientException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing over every OpenStack pagination style (Nova/Cinder/Neutron {@code *_links} rel=next,
 * Glance {@code next}, Keystone {@code links.next}, Neutron marker/limit). Nothing is fetched until
 * iteration starts; each page is fetched when the previous one is exhausted, so memory stays bounded by
 * one page. Each iteration starts again from the first page. Immutable and thread-safe (iterators are
 * not).
 *
 * <pre>{@code
 * Paginator<JsonNode> servers = compute.get("servers/detail").paginate("servers", JsonNode.class, 100);
 * servers.stream().filter(s -> s.path("status").asText().equals("ACTIVE")).forEach(System.out::println);
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Paginator<T> implements Iterable<T> {
    private final PageFetcher<T> fetcher;

    private Paginator(PageFetcher<T> fetcher) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    }

    /** A paginator over the pages {@code fetcher} loads. */
    public static <T> Paginator<T> of(PageFetcher<T> fetcher) {
        return new Paginator<>(fetcher);
    }

    /** Iterates over the items of all pages, fetching lazily. */
    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = pages().iterator();
        return new Iterator<>() {
            private Iterator<T> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    current = pages.next().items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The items as a sequential, lazy stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** The pages themselves, fetched lazily. */
    public Iterable<Page<T>> pages() {
        return () -> new Iterator<>() {
            private Page<T> prefetched;
            private String nextUrl;
            private boolean started;
            private boolean done;
            private final java.util.Set<String> seen = new java.util.HashSet<>();

            @Override
            public boolean hasNext() {
                if (prefetched != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                if (started && nextUrl == null) {
                    done = true;
                    return false;
                }
                prefetched = fetcher.fetchNow(nextUrl);
                started = true;
                nextUrl = prefetched.next().orElse(null);
                if (nextUrl != null && !seen.add(nextUrl)) {
                    throw new OpenStackClientException(
                            "pagination loop: the service returned the same next link twice (" + nextUrl + ")");
                }
                return true;
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Page<T> p = prefetched;
                prefetched = null;
                return p;
            }
        };
    }

    /** The first page only (one request). */
    public Page<T> firstPage() {
        return fetcher.fetchNow(null);
    }

    /** All items in a list (fetches every page). */
    public List<T> toList() {
        List<T> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /** All items, fetched asynchronously page after page. */
    public CompletableFuture<List<T>> toListAsync() {
        List<T> all = new ArrayList<>();
        return collect(null, all, new java.util.HashSet<>()).thenApply(v -> all);
    }

    private CompletableFuture<Void> collect(String url, List<T> into, java.util.Set<String> seen) {
        return fetcher.fetch(url).thenCompose(page -> {
            into.addAll(page.items());
            String next = page.next().orElse(null);
            if (next == null) {
                return CompletableFuture.completedFuture(null);
            }
            if (!seen.add(next)) {
                return CompletableFuture.failedFuture(new OpenStackClientException(
                        "pagination loop: the service returned the same next link twice (" + next + ")"));
            }
            return collect(next, into, seen);
        });
    }

    static <P> P join(CompletableFuture<P> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenStackClientException("interrupted while fetching a page", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            while (c instanceof CompletionException && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new OpenStackClientException("page fetch failed: " + c, c);
        }
    }
}
