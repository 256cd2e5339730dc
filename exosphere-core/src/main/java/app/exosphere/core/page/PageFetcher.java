package app.exosphere.core.page;

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
    CompletableFuture<Page<T>> fetch(String nextUrl);
}
