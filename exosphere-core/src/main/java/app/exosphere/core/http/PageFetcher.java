package app.exosphere.core.http;

import java.util.concurrent.CompletableFuture;

/**
 * Loads one page: the first page when {@code nextUrl} is null, else the page at {@code nextUrl}. The
 * service clients implement this; gateway code rarely needs to.
 *
 * <pre>{@code
 * PageFetcher<String> fetcher = next -> CompletableFuture.completedFuture(new Page<>(List.of("a"), null));
 * Paginator<String> p = Paginator.of(fetcher);
 * }</pre>
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {
    /** Loads the page asynchronously. */
    CompletableFuture<Page<T>> fetch(String nextUrl);

    /**
     * Loads the page on the calling thread (what iteration uses). By default waits for {@link #fetch};
     * the service clients send synchronously instead.
     */
    default Page<T> fetchNow(String nextUrl) {
        return Paginator.join(fetch(nextUrl));
    }
}
