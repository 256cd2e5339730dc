package app.exosphere.examples;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A pause measured on a {@link Clock} rather than on wall time: {@code pause(Duration.ofSeconds(2))} returns
 * once the clock says two seconds have passed, whether it is the system clock or the simulator's
 * accelerated one (where that is a few wall milliseconds). The thread re-reads the clock at short wall
 * steps placed where the clock's observed rate says the end will be, as the SDK's own waits do.
 *
 * <pre>{@code
 * ClockPause pause = new ClockPause(Clock.systemUTC());
 * pause.pause(Duration.ofMillis(10));
 * }</pre>
 */
public final class ClockPause {
    private static final long MIN_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long FIRST_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long STILL_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Clock clock;

    /** A pause that follows {@code clock}. */
    public ClockPause(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns once {@code amount} of clock time has passed (at once for zero or negative amounts).
     *
     * @throws InterruptedException when the thread is interrupted meanwhile
     */
    public void pause(Duration amount) throws InterruptedException {
        pauseUntil(clock.instant().plus(amount));
    }

    /**
     * Returns once the clock reads {@code end} or later (at once if it already does).
     *
     * @throws InterruptedException when the thread is interrupted meanwhile
     */
    public void pauseUntil(Instant end) throws InterruptedException {
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        long step = FIRST_STEP_NANOS;
        while (true) {
            Instant now = clock.instant();
            if (!now.isBefore(end)) {
                return;
            }
            long wall = System.nanoTime() - startNanos;
            long passed = Duration.between(start, now).toNanos();
            if (wall > 0 && passed > 0) {
                double rate = (double) passed / wall;
                step = (long) (Duration.between(now, end).toNanos() / rate);
            } else if (wall > FIRST_STEP_NANOS) {
                step = STILL_STEP_NANOS; // a clock that has not moved yet (a manual one): look again soon
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(MIN_STEP_NANOS, Math.min(MAX_STEP_NANOS, step)));
        }
    }
}
