package app.exosphere.core.instance;

import app.exosphere.core.error.OpenStackClientException;
import app.exosphere.core.error.OpenStackException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One create request exactly once, for resources other than servers (images from instances, volume
 * snapshots, DNS record sets), by the rule {@link ExactlyOnceCreate} applies to servers: the transport
 * never retries a POST; when the create fails <em>ambiguously</em> (connection reset, timeout, 5xx, a cut
 * or empty 2xx body) the cloud may have acted, so {@code findNew} looks for what it would have made,
 * again and again with backoff (1, 2, 4 … 15 s of the injected clock), until it shows up or the reconcile
 * window ({@link ExosphereSettings#reconcileWindow()}) since the POST has passed. Only a look-up that
 * succeeded after the window and found nothing allows another POST (at most {@link #MAX_ATTEMPTS} in all);
 * when the look-ups keep failing until then, the outcome is unknown and the call fails saying so.
 * Blocking: run it inside {@link EngineContext#operation}.
 */
final class CreateOnce {
    private static final Logger LOG = LoggerFactory.getLogger(CreateOnce.class);
    static final int MAX_ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private CreateOnce() {}

    /**
     * @param what what is created, for messages ({@code image "vm-image" of server 1234})
     * @param create sends the create once and returns what it made
     * @param findNew looks for what an earlier create of this call made (never something that existed before)
     */
    static <T> T run(EngineContext ctx, String what, Supplier<T> create, Supplier<Optional<T>> findNew) {
        for (int attempt = 1; ; attempt++) {
            Instant sent = ctx.clock.instant();
            OpenStackException failure;
            try {
                return create.get();
            } catch (OpenStackException e) {
                if (!ExactlyOnceCreate.ambiguous(e)) {
                    throw e;
                }
                failure = e;
            }
            LOG.warn(
                    "creating {} failed ambiguously ({}); it may exist, looking for it for up to {} s",
                    what,
                    failure.getClass().getSimpleName(),
                    ctx.settings.reconcileWindow().toSeconds());
            Optional<T> found = lookUntilKnown(ctx, what, findNew, sent.plus(ctx.settings.reconcileWindow()), failure);
            if (found.isPresent()) {
                LOG.info("creating {}: the create had reached the cloud; not creating another", what);
                return found.get();
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new OpenStackClientException(
                        "Creating " + what + " failed " + attempt + " times and it does not exist; last error: "
                                + failure.getMessage(),
                        failure);
            }
            LOG.warn(
                    "creating {}: nothing appeared within {} s of the failed create; creating again (attempt {})",
                    what,
                    ctx.settings.reconcileWindow().toSeconds(),
                    attempt + 1);
        }
    }

    private static <T> Optional<T> lookUntilKnown(
            EngineContext ctx,
            String what,
            Supplier<Optional<T>> findNew,
            Instant deadline,
            OpenStackException createFailure) {
        Duration wait = Duration.ZERO;
        while (true) {
            Instances.join(ctx.timer.delay(wait));
            boolean pastDeadline = !ctx.clock.instant().isBefore(deadline);
            try {
                Optional<T> found = findNew.get();
                if (found.isPresent() || pastDeadline) {
                    return found;
                }
            } catch (OpenStackException e) {
                if (pastDeadline) {
                    throw new OpenStackClientException(
                            "Creating " + what + " failed ambiguously (" + createFailure.getMessage()
                                    + ") and looking for it kept failing (" + e.getMessage()
                                    + "); it may or may not exist: look for it before creating it again",
                            e);
                }
                LOG.warn(
                        "creating {}: looking for it failed ({}); trying again",
                        what,
                        e.getClass().getSimpleName());
            }
            wait = wait.isZero() ? FIRST_BACKOFF : min(wait.multipliedBy(2), MAX_BACKOFF);
            Duration left = Duration.between(ctx.clock.instant(), deadline);
            if (left.compareTo(wait) < 0) {
                wait = left.isNegative() ? Duration.ZERO : left;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? b : a;
    }
}
