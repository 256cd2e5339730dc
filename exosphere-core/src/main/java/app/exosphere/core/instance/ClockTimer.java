package app.exosphere.core.instance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Waits measured on the injected {@link Clock}, not on wall time: a wait of 10 s ends when the clock says
 * 10 s have passed, whether it is the system clock, an accelerated simulated clock or a manual one. The
 * scheduler only re-checks the clock; the next check is placed where the clock's observed rate says the
 * deadline will be (clamped to [1 ms, 1 s] of wall time), so a real-time wait costs a handful of wake-ups
 * and an accelerated clock is followed closely.
 */
final class ClockTimer {
    private static final long MIN_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_STEP_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long FIRST_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MANUAL_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    ClockTimer(Clock clock, ScheduledExecutorService scheduler) {
        this.clock = clock;
        this.scheduler = scheduler;
    }

    Instant now() {
        return clock.instant();
    }

    /** Completes once {@code amount} of clock time has passed (at once for zero or negative amounts). */
    CompletableFuture<Void> delay(Duration amount) {
        return until(clock.instant().plus(amount));
    }

    /** Completes once the clock reaches {@code deadline}. */
    CompletableFuture<Void> until(Instant deadline) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Instant start = clock.instant();
        if (!start.isBefore(deadline)) {
            done.complete(null);
            return done;
        }
        check(done, deadline, start, System.nanoTime(), FIRST_STEP_NANOS);
        return done;
    }

    private void check(CompletableFuture<Void> done, Instant deadline, Instant start, long startNanos, long step) {
        if (done.isDone()) {
            return;
        }
        try {
            scheduler.schedule(
                    () -> {
                        Instant now = clock.instant();
                        if (!now.isBefore(deadline)) {
                            done.complete(null);
                            return;
                        }
                        long wall = System.nanoTime() - startNanos;
                        long clockPassed = Duration.between(start, now).toNanos();
                        long remaining = Duration.between(now, deadline).toNanos();
                        long next;
                        if (clockPassed <= 0 || wall <= 0) {
                            next = MANUAL_STEP_NANOS; // a manual clock, or no observable progress yet
                        } else {
                            double rate = (double) clockPassed / wall;
                            next = (long) (remaining / rate);
                        }
                        next = Math.max(MIN_STEP_NANOS, Math.min(MAX_STEP_NANOS, next));
                        check(done, deadline, start, startNanos, next);
                    },
                    step,
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(
                    new InstanceFailedException("", "The scheduler was shut down while waiting", false));
        }
    }
}
