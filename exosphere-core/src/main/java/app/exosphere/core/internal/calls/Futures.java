package app.exosphere.core.internal.calls;

import app.exosphere.core.error.ConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waiting for the SDK's futures with its exceptions unwrapped. Not API. */
public final class Futures {
    private Futures() {}

    /** Joins a future, rethrowing the SDK exception unwrapped; an interrupt cancels the future. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ConnectionException("interrupted while waiting for OpenStack", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** The unwrapped cause as an unchecked exception (errors are rethrown as they are). */
    public static RuntimeException rethrow(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof RuntimeException re) {
            return re;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return new ConnectionException("unexpected failure: " + c, c);
    }

    /** The cause under any {@link CompletionException}/{@link ExecutionException} wrappers. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
