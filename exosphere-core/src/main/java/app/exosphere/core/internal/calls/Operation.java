package app.exosphere.core.internal.calls;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.ServiceCall;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The SDK's implementation of {@link Call}: a typed service operation whose synchronous and
 * asynchronous executions share one definition, so the two can never drift apart. Single-request
 * operations are built with {@link #of}; operations that need several requests with
 * {@link #composite(Supplier, Supplier)} or {@link #fromAsync(Supplier)}.
 *
 * @param <T> the decoded result
 */
public final class Operation<T> implements Call<T> {
    private final Supplier<T> sync;
    private final Supplier<CompletableFuture<T>> async;

    private Operation(Supplier<T> sync, Supplier<CompletableFuture<T>> async) {
        this.sync = sync;
        this.async = async;
    }

    /** A one-request operation: {@code request} builds a fresh call each time, {@code decoder} reads the answer. */
    public static <T> Operation<T> of(Supplier<ServiceCall> request, Function<OpenStackResponse, T> decoder) {
        return new Operation<>(
                () -> decoder.apply(request.get().execute()),
                () -> request.get().executeAsync().thenApply(decoder));
    }

    /** A one-request operation whose answer body is ignored. */
    public static Operation<Void> noResult(Supplier<ServiceCall> request) {
        return of(request, r -> null);
    }

    /**
     * A multi-request operation with a blocking form (run on the caller's thread, no hand-off) and a
     * non-blocking form; both must implement the same steps.
     */
    public static <T> Operation<T> composite(Supplier<T> sync, Supplier<CompletableFuture<T>> async) {
        return new Operation<>(sync, async);
    }

    /** A multi-request operation defined once, asynchronously; {@link #execute()} waits for it. */
    public static <T> Operation<T> fromAsync(Supplier<CompletableFuture<T>> async) {
        return new Operation<>(() -> Futures.join(async.get()), async);
    }

    @Override
    public T execute() {
        return sync.get();
    }

    @Override
    public CompletableFuture<T> executeAsync() {
        try {
            return async.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** This operation with its result transformed (same requests). */
    public <R> Operation<R> map(Function<? super T, ? extends R> f) {
        return new Operation<>(() -> f.apply(sync.get()), () -> executeAsync().thenApply(f));
    }
}
