package app.exosphere.core.internal.calls;

import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.ServiceCall;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One typed service operation with its sync and async forms sharing the request shape and the
 * decoder, so the two can never drift apart.
 *
 * @param <T> the decoded result
 */
public final class Call<T> {
    private final Supplier<ServiceCall> request;
    private final Function<OpenStackResponse, T> decoder;

    private Call(Supplier<ServiceCall> request, Function<OpenStackResponse, T> decoder) {
        this.request = request;
        this.decoder = decoder;
    }

    /** An operation: {@code request} builds a fresh call each time, {@code decoder} reads the answer. */
    public static <T> Call<T> of(Supplier<ServiceCall> request, Function<OpenStackResponse, T> decoder) {
        return new Call<>(request, decoder);
    }

    /** An operation whose answer body is ignored. */
    public static Call<Void> noResult(Supplier<ServiceCall> request) {
        return new Call<>(request, r -> null);
    }

    /** Sends on the calling thread. */
    public T sync() {
        return decoder.apply(request.get().send());
    }

    /** Sends asynchronously. */
    public CompletableFuture<T> async() {
        try {
            return request.get().sendAsync().thenApply(decoder);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
