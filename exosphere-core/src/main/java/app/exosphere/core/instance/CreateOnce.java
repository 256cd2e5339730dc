package app.exosphere.core.instance;

import app.exosphere.core.error.OpenStackClientException;
import app.exosphere.core.error.OpenStackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One create request exactly once — the one create-then-look-up loop of the SDK, used for servers ({@link
 * ExactlyOnceCreate}, which adds the launch-id rules) and for images from instances, volume snapshots, DNS
 * record sets and shares ({@link #run}): the transport never retries a POST; when the create fails
 * <em>ambiguously</em> (connection reset, timeout, 5xx, a cut or empty 2xx body) the cloud may have acted, so
 * {@link Target#findNew()} looks for what it would have made, again and again with backoff (1, 2, 4 … 15 s of
 * the injected clock), until it shows up or the reconcile window ({@link ExosphereSettings#reconcileWindow()})
 * since the POST has passed. Only a look-up that started after the window and found nothing allows another
 * POST (at most {@link #MAX_ATTEMPTS} in all); when the look-ups keep failing until then, the outcome is
 * unknown and the call fails saying so ({@link Target#outcomeUnknown}).
 *
 * <p>The loop is written once over futures. {@link #run} drives it on the caller's thread (its steps and
 * waits block, so every future is complete when the next step is chained); {@link #createAsync} with
 * non-blocking steps and {@link ClockTimer} waits holds no thread.
 */
final class CreateOnce {
    private static final Logger LOG = LoggerFactory.getLogger(CreateOnce.class);
    static final int MAX_ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private CreateOnce() {}

    /** What is created exactly once: the create, the look-up of what it made, and how failures are told. */
    interface Target<T> {
        /** What is created, for messages ({@code image "vm-image" of server 1234}). */
        String what();

        /** Sends the create once. */
        CompletableFuture<T> create();

        /** Looks for what an earlier create of this call made (never something that existed before). */
        CompletableFuture<Optional<T>> findNew();

        /**
         * The failure when no look-up succeeded from the reconcile deadline on.
         *
         * @param createFailure the ambiguous failure of the create, or null when looking before any create
         */
        RuntimeException outcomeUnknown(Throwable createFailure, Throwable lookupFailure);
    }

    /** The injected clock, the reconcile window, and how to wait an amount of that clock's time. */
    record Pace(Clock clock, Duration window, Function<Duration, CompletableFuture<Void>> delay) {
        /** Waits on the context's {@link ClockTimer} without holding a thread. */
        static Pace of(EngineContext ctx) {
            return new Pace(ctx.clock, ctx.settings.reconcileWindow(), ctx.timer::delay);
        }

        /** Waits on the context's {@link ClockTimer} blocking the calling thread. */
        static Pace blocking(EngineContext ctx) {
            return new Pace(ctx.clock, ctx.settings.reconcileWindow(), d -> {
                Instances.join(ctx.timer.delay(d));
                return CompletableFuture.completedFuture(null);
            });
        }
    }

    /**
     * Blocking steps, exactly once; run it inside {@link EngineContext#operation}.
     *
     * @param what what is created, for messages ({@code image "vm-image" of server 1234})
     * @param create sends the create once and returns what it made
     * @param findNew looks for what an earlier create of this call made (never something that existed before)
     */
    static <T> T run(EngineContext ctx, String what, Supplier<T> create, Supplier<Optional<T>> findNew) {
        Target<T> target = new Target<>() {
            @Override
            public String what() {
                return what;
            }

            @Override
            public CompletableFuture<T> create() {
                return now(create);
            }

            @Override
            public CompletableFuture<Optional<T>> findNew() {
                return now(findNew);
            }

            @Override
            public RuntimeException outcomeUnknown(Throwable createFailure, Throwable lookupFailure) {
                return new OpenStackClientException(
                        "Creating " + what + " failed ambiguously (" + createFailure.getMessage()
                                + ") and looking for it kept failing (" + lookupFailure.getMessage()
                                + "); it may or may not exist: look for it before creating it again",
                        lookupFailure);
            }
        };
        return Instances.join(createAsync(Pace.blocking(ctx), target));
    }

    /** A blocking step as an already completed future (a runtime exception as a failed one). */
    private static <T> CompletableFuture<T> now(Supplier<T> step) {
        try {
            return CompletableFuture.completedFuture(step.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The create, and after an ambiguous failure the look-ups and at most {@link #MAX_ATTEMPTS} creates in all. */
    static <T> CompletableFuture<T> createAsync(Pace pace, Target<T> target) {
        return post(pace, target, 1);
    }

    private static <T> CompletableFuture<T> post(Pace pace, Target<T> target, int attempt) {
        Instant sent = pace.clock().instant();
        CompletableFuture<T> created;
        try {
            created = target.create();
        } catch (RuntimeException e) {
            created = CompletableFuture.failedFuture(e);
        }
        return created.handle((made, err) -> {
                    if (err == null) {
                        return CompletableFuture.completedFuture(made);
                    }
                    Throwable cause = ExactlyOnceCreate.unwrap(err);
                    if (!ExactlyOnceCreate.ambiguous(cause)) {
                        return CompletableFuture.<T>failedFuture(cause);
                    }
                    LOG.warn(
                            "creating {} failed ambiguously ({}); it may exist, looking for it for up to {} s",
                            target.what(),
                            cause.getClass().getSimpleName(),
                            pace.window().toSeconds());
                    return reconcile(pace, target, attempt, sent, cause);
                })
                .thenCompose(f -> f);
    }

    /** Looks until found, or until a look-up after the window found nothing (then creates again). */
    private static <T> CompletableFuture<T> reconcile(
            Pace pace, Target<T> target, int attempt, Instant sent, Throwable createFailure) {
        return lookUntilKnown(pace, target, sent.plus(pace.window()), false, createFailure)
                .thenCompose(found -> {
                    if (found.isPresent()) {
                        LOG.info("creating {}: the create had reached the cloud; not creating another", target.what());
                        return CompletableFuture.completedFuture(found.get());
                    }
                    if (attempt >= MAX_ATTEMPTS) {
                        return CompletableFuture.<T>failedFuture(new OpenStackClientException(
                                "Creating " + target.what() + " failed " + attempt
                                        + " times and it does not exist; last error: " + createFailure.getMessage(),
                                createFailure));
                    }
                    LOG.warn(
                            "creating {}: nothing appeared within {} s of the failed create; creating again (attempt {})",
                            target.what(),
                            pace.window().toSeconds(),
                            attempt + 1);
                    return post(pace, target, attempt + 1);
                });
    }

    /**
     * Repeats the look-up (at once, then with doubling waits) until it finds something, or until one that
     * <em>started</em> at or after {@code deadline} (any one, with {@code emptyIsFinal}) succeeds and finds
     * nothing. A look-up failing with one of the SDK's exceptions is repeated; when every look-up from the
     * deadline on fails, the outcome is unknown ({@link Target#outcomeUnknown}).
     *
     * @param createFailure the create's ambiguous failure, or null when looking before any create
     */
    static <T> CompletableFuture<Optional<T>> lookUntilKnown(
            Pace pace, Target<T> target, Instant deadline, boolean emptyIsFinal, Throwable createFailure) {
        return look(pace, target, deadline, Duration.ZERO, emptyIsFinal, createFailure);
    }

    private static <T> CompletableFuture<Optional<T>> look(
            Pace pace,
            Target<T> target,
            Instant deadline,
            Duration wait,
            boolean emptyIsFinal,
            Throwable createFailure) {
        return pace.delay().apply(wait).thenCompose(v -> {
            boolean pastDeadline = !pace.clock().instant().isBefore(deadline);
            CompletableFuture<Optional<T>> lookup;
            try {
                lookup = target.findNew();
            } catch (RuntimeException e) {
                lookup = CompletableFuture.failedFuture(e);
            }
            return lookup.handle((found, err) -> {
                        Throwable cause = err == null ? null : ExactlyOnceCreate.unwrap(err);
                        if (cause == null && (found.isPresent() || pastDeadline || emptyIsFinal)) {
                            return CompletableFuture.completedFuture(found);
                        }
                        if (cause != null && !(cause instanceof OpenStackException)) {
                            return CompletableFuture.<Optional<T>>failedFuture(cause);
                        }
                        if (cause != null && pastDeadline) {
                            return CompletableFuture.<Optional<T>>failedFuture(
                                    target.outcomeUnknown(createFailure, cause));
                        }
                        if (cause != null) {
                            LOG.warn(
                                    "creating {}: looking for it failed ({}); trying again",
                                    target.what(),
                                    cause.getClass().getSimpleName());
                        }
                        Duration next = wait.isZero() ? FIRST_BACKOFF : min(wait.multipliedBy(2), MAX_BACKOFF);
                        Duration left = Duration.between(pace.clock().instant(), deadline);
                        if (left.compareTo(next) < 0) {
                            next = left.isNegative() ? Duration.ZERO : left;
                        }
                        return look(pace, target, deadline, next, emptyIsFinal, createFailure);
                    })
                    .thenCompose(f -> f);
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? b : a;
    }
}
