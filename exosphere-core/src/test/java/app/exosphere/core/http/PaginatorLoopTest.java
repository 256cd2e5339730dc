package app.exosphere.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.PaginationException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PaginatorLoopTest {

    /** A hostile service: every page links to a new, distinct next page. */
    private static Paginator<Integer> endless(AtomicInteger fetches) {
        return Paginator.of(next -> {
            int n = fetches.incrementAndGet();
            return CompletableFuture.completedFuture(
                    new Page<>(List.of(n), "https://nova.example/v2.1/servers?limit=1&marker=m" + n));
        });
    }

    @Test
    void endlessDistinctNextLinksStopAtTheConfiguredPageLimitWithATypedError() {
        AtomicInteger fetches = new AtomicInteger();

        assertThatThrownBy(() -> endless(fetches).withMaxPages(50).toList())
                .isInstanceOf(PaginationException.class)
                .hasMessageContaining("more than 50 pages")
                .hasMessageContaining("withMaxPages")
                .satisfies(e ->
                        assertThat(((PaginationException) e).pagesFetched()).isEqualTo(50));
        assertThat(fetches).hasValue(50);
    }

    @Test
    void theDefaultPageLimitAlsoEndsAnEndlessListing() {
        AtomicInteger fetches = new AtomicInteger();

        assertThatThrownBy(() -> endless(fetches).toList()).isInstanceOf(PaginationException.class);
        assertThat(fetches).hasValue(Paginator.DEFAULT_MAX_PAGES);
    }

    @Test
    void asyncListingStopsAtThePageLimitToo() {
        AtomicInteger fetches = new AtomicInteger();

        assertThatThrownBy(() ->
                        endless(fetches).withMaxPages(7).all().executeAsync().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(PaginationException.class);
        assertThat(fetches).hasValue(7);
    }

    @Test
    void aRepeatedMarkerInOtherwiseDistinctLinksIsALoop() {
        AtomicInteger fetches = new AtomicInteger();
        Paginator<Integer> p = Paginator.of(next -> {
            int n = fetches.incrementAndGet();
            // the marker cycles between two values while another parameter changes
            return CompletableFuture.completedFuture(
                    new Page<>(List.of(n), "/v2/images?marker=m" + (n % 2) + "&page=" + n));
        });

        assertThatThrownBy(p::toList).isInstanceOf(PaginationException.class).hasMessageContaining("same marker twice");
        assertThat(fetches).hasValue(3);
    }

    @Test
    void aRepeatedNextLinkIsALoop() {
        Paginator<Integer> p = Paginator.of(
                next -> CompletableFuture.completedFuture(new Page<>(List.of(1), "https://x.example/a?page=2")));

        assertThatThrownBy(p::toList)
                .isInstanceOf(PaginationException.class)
                .hasMessageContaining("same next link twice");
    }

    @Test
    void aListingExactlyAtTheLimitIsComplete() {
        AtomicInteger fetches = new AtomicInteger();
        Paginator<Integer> p = Paginator.<Integer>of(next -> {
                    int n = fetches.incrementAndGet();
                    return CompletableFuture.completedFuture(new Page<>(List.of(n), n < 3 ? "/x?marker=" + n : null));
                })
                .withMaxPages(3);

        assertThat(p.toList()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> p.withMaxPages(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
