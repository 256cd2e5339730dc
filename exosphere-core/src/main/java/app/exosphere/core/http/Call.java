package app.exosphere.core.http;

import java.util.concurrent.CompletableFuture;

/**
 * One OpenStack operation, ready to send: every service operation of the SDK returns one, and the
 * caller chooses how to run it. Nothing is sent until {@link #execute()} or {@link #executeAsync()}
 * is called; a {@code Call} may be executed again (each execution sends afresh), and is safe to share
 * between threads.
 *
 * <pre>{@code
 * Flavor now(Call<Flavor> getFlavor) { return getFlavor.execute(); }              // blocks
 * CompletableFuture<Flavor> later(Call<Flavor> getFlavor) { return getFlavor.executeAsync(); }
 * }</pre>
 *
 * @param <T> what the operation returns ({@code Void} when nothing)
 */
public interface Call<T> {
    /**
     * Sends the operation on the calling thread and returns its result.
     *
     * @throws app.exosphere.core.error.OpenStackException on any failure, typed as client-side or
     *     service-side
     */
    T execute();

    /**
     * Sends the operation without blocking. The future fails with the same typed exceptions that
     * {@link #execute()} throws (unwrapped from {@link java.util.concurrent.CompletionException} by
     * {@code join()}'s callers as usual).
     */
    CompletableFuture<T> executeAsync();
}
