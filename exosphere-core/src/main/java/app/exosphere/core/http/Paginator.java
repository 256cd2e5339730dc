package app.exosphere.core.http;

import app.exosphere.core.error.OpenStackClientException;
import app.exosphere.core.error.PaginationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;

/**
 * A lazy listing over every OpenStack pagination style (Nova/Cinder/Neutron {@code *_links} rel=next,
 * Glance {@code next}, Keystone {@code links.next}, Neutron marker/limit). Nothing is fetched until
 * iteration starts; each page is fetched when the previous one is exhausted, so memory stays bounded by
 * one page. Each iteration starts again from the first page. Immutable and thread-safe (iterators are
 * not).
 *
 * <pre>{@code
 * Paginator<JsonNode> servers = nova.get("servers/detail").paginate("servers", JsonNode.class, 100);
 * servers.stream().filter(s -> s.path("status").asText().equals("ACTIVE")).forEach(System.out::println);
 * }</pre>
 *
 * @param <T> the item type
 */
public final class Paginator<T> implements Iterable<T> {
    /** How many pages a listing may have unless {@link #withMaxPages} says otherwise. */
    public static final int DEFAULT_MAX_PAGES = 10_000;

    private final PageFetcher<T> fetcher;
    private final int maxPages;

    private Paginator(PageFetcher<T> fetcher, int maxPages) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.maxPages = maxPages;
    }

    /** A paginator over the pages {@code fetcher} loads, at most {@link #DEFAULT_MAX_PAGES} of them. */
    public static <T> Paginator<T> of(PageFetcher<T> fetcher) {
        return new Paginator<>(fetcher, DEFAULT_MAX_PAGES);
    }

    /**
     * A copy that stops with a {@link PaginationException} when a listing has more than {@code maxPages}
     * pages (a service sending endless distinct next links would otherwise never end).
     *
     * @throws IllegalArgumentException if {@code maxPages < 1}
     */
    public Paginator<T> withMaxPages(int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1, was " + maxPages);
        }
        return new Paginator<>(fetcher, maxPages);
    }

    /** The page limit of this paginator. */
    public int maxPages() {
        return maxPages;
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

    /**
     * The pages themselves, fetched lazily.
     *
     * @throws PaginationException (from the iterator) on a repeated next link or marker, or past the
     *     page limit
     */
    public Iterable<Page<T>> pages() {
        return () -> new Iterator<>() {
            private Page<T> prefetched;
            private String nextUrl;
            private boolean started;
            private boolean done;
            private final LoopGuard guard = new LoopGuard(maxPages);

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
                guard.beforeFetch();
                prefetched = fetcher.fetchNow(nextUrl);
                started = true;
                nextUrl = prefetched.next().orElse(null);
                if (nextUrl != null) {
                    guard.next(nextUrl);
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

    /**
     * All items as one operation: {@code execute()} is {@link #toList()}, {@code executeAsync()} fetches
     * page after page without blocking a thread (same loop and page-limit checks). Nothing is fetched
     * until it is executed; each execution lists afresh.
     *
     * <pre>{@code
     * CompletableFuture<List<Flavor>> flavors = compute.flavors().listDetail().all().executeAsync();
     * }</pre>
     */
    public Call<List<T>> all() {
        return new Call<>() {
            @Override
            public List<T> execute() {
                return toList();
            }

            @Override
            public CompletableFuture<List<T>> executeAsync() {
                List<T> all = new ArrayList<>();
                return collect(null, all, new LoopGuard(maxPages)).thenApply(v -> all);
            }
        };
    }

    private CompletableFuture<Void> collect(String url, List<T> into, LoopGuard guard) {
        try {
            guard.beforeFetch();
        } catch (PaginationException e) {
            return CompletableFuture.failedFuture(e);
        }
        return fetcher.fetch(url).thenCompose(page -> {
            into.addAll(page.items());
            String next = page.next().orElse(null);
            if (next == null) {
                return CompletableFuture.completedFuture(null);
            }
            try {
                guard.next(next);
            } catch (PaginationException e) {
                return CompletableFuture.failedFuture(e);
            }
            return collect(next, into, guard);
        });
    }

    /**
     * Stops a listing that would not end: the same next link twice, the same {@code marker} twice (links
     * that differ only in other parameters), or more than {@code maxPages} pages. Not thread-safe: one
     * per iteration.
     */
    private static final class LoopGuard {
        private final int maxPages;
        private final Set<String> links = new HashSet<>();
        private final Set<String> markers = new HashSet<>();
        private int fetched;

        LoopGuard(int maxPages) {
            this.maxPages = maxPages;
        }

        void beforeFetch() {
            if (fetched >= maxPages) {
                throw new PaginationException(
                        "the listing has more than " + maxPages + " pages; the service may be sending endless"
                                + " next links. Narrow the listing with filters or raise the limit with"
                                + " Paginator.withMaxPages(n)",
                        fetched);
            }
            fetched++;
        }

        void next(String link) {
            if (!links.add(link)) {
                throw new PaginationException(
                        "pagination loop: the service sent the same next link twice (after " + fetched + " pages)",
                        fetched);
            }
            String marker = marker(link);
            if (marker != null && !markers.add(marker)) {
                throw new PaginationException(
                        "pagination loop: the service sent the same marker twice (after " + fetched + " pages)",
                        fetched);
            }
        }

        private static String marker(String link) {
            HttpUrl url = HttpUrl.parse(link);
            if (url == null) {
                // a relative link (Glance's "next"): read the query by hand
                int q = link.indexOf('?');
                if (q < 0) {
                    return null;
                }
                url = HttpUrl.parse("http://relative.invalid/" + link.substring(q));
                if (url == null) {
                    return null;
                }
            }
            return url.queryParameter("marker");
        }
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
