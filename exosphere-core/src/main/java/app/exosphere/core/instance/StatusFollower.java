package app.exosphere.core.instance;

import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.error.ResourceStatusException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one resource's status until it is where the caller wants it, with the watcher's adaptive
 * interval on the injected clock: {@link ExosphereSettings#fastPollInterval()} at first and after every
 * change of status, then doubling up to {@link ExosphereSettings#pollInterval()} while nothing changes.
 * A poll that fails ambiguously (connection, 5xx, cut body) is logged and repeated; a 404 means gone.
 * Blocking: run it inside {@link EngineContext#operation}.
 */
final class StatusFollower<T> {
    private static final Logger LOG = LoggerFactory.getLogger(StatusFollower.class);

    private final EngineContext ctx;
    private final String kind;
    private final String id;
    private final Supplier<T> fetch;
    private final Function<T, String> status;

    StatusFollower(EngineContext ctx, String kind, String id, Supplier<T> fetch, Function<T, String> status) {
        this.ctx = ctx;
        this.kind = kind;
        this.id = id;
        this.fetch = fetch;
        this.status = status;
    }

    /**
     * Polls until {@code done} holds for the status (returns the resource), {@code failed} holds (throws),
     * the resource is gone (returns empty when {@code goneIsDone}, else throws), or {@code waitFor} of
     * clock time passed (throws, {@link ResourceStatusException#timedOut()}).
     */
    Optional<T> until(
            Predicate<String> done, Predicate<String> failed, boolean goneIsDone, Duration waitFor, String wanted) {
        Instant deadline = ctx.clock.instant().plus(waitFor);
        Duration interval = ctx.settings.fastPollInterval();
        String last = null;
        while (true) {
            T current = null;
            boolean gone = false;
            boolean polled = false;
            try {
                current = fetch.get();
                polled = true;
            } catch (NotFoundException e) {
                gone = true;
            } catch (OpenStackException e) {
                if (!ExactlyOnceCreate.ambiguous(e)) {
                    throw e;
                }
                LOG.warn(
                        "{} {}: reading its status failed ({}); trying again",
                        kind,
                        id,
                        e.getClass().getSimpleName());
            }
            if (gone) {
                if (goneIsDone) {
                    return Optional.empty();
                }
                throw new ResourceStatusException(
                        id,
                        null,
                        false,
                        "The " + kind + " " + id + " no longer exists (last status " + (last == null ? "unknown" : last)
                                + ") while waiting for it to be " + wanted + "; create it again");
            }
            if (polled) {
                String s = status.apply(current);
                if (done.test(s)) {
                    return Optional.of(current);
                }
                if (failed.test(s)) {
                    throw new ResourceStatusException(
                            id,
                            s,
                            false,
                            "The " + kind + " " + id + " went to status " + s + " instead of " + wanted
                                    + "; delete it and create it again, or ask the cloud's operators why");
                }
                if (!Objects.equals(s, last)) {
                    interval = ctx.settings.fastPollInterval();
                } else {
                    Duration doubled = interval.multipliedBy(2);
                    interval =
                            doubled.compareTo(ctx.settings.pollInterval()) > 0 ? ctx.settings.pollInterval() : doubled;
                }
                last = s;
            }
            Duration left = Duration.between(ctx.clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new ResourceStatusException(
                        id,
                        last,
                        true,
                        "The " + kind + " " + id + " is still " + (last == null ? "unreadable" : last) + " after "
                                + waitFor.toSeconds() + " s of waiting for it to be " + wanted
                                + "; wait longer (it may still get there) or check it in the cloud");
            }
            Instances.join(ctx.timer.delay(left.compareTo(interval) < 0 ? left : interval));
        }
    }
}
