package app.exosphere.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated cloud's time: an accelerated clock (simulated time runs {@code factor} times faster
 * than wall time) that tests may also push forward by hand. Server builds, instance setup, console
 * lines, token expiry and Guacamole token lifetime all follow it.
 *
 * <pre>{@code
 * SimulatedClock clock = SimulatedClock.accelerated(60);   // one wall second = one simulated minute
 * clock.advance(Duration.ofMinutes(5));                    // and jump ahead when a test wants to
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class SimulatedClock {
    private final Instant start;
    private final long startNanos;
    private final double factor;
    private final AtomicLong offsetNanos = new AtomicLong();

    private SimulatedClock(Instant start, double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("clock factor must be a finite number >= 0, got " + factor);
        }
        this.start = start;
        this.startNanos = System.nanoTime();
        this.factor = factor;
    }

    /** Simulated time starts now and runs {@code factor} times faster than wall time. */
    public static SimulatedClock accelerated(double factor) {
        return new SimulatedClock(Instant.now(), factor);
    }

    /** Simulated time starts at {@code start} and runs {@code factor} times faster than wall time. */
    public static SimulatedClock accelerated(Instant start, double factor) {
        return new SimulatedClock(start, factor);
    }

    /** Simulated time stands still at {@code start} and moves only by {@link #advance(Duration)}. */
    public static SimulatedClock manual(Instant start) {
        return new SimulatedClock(start, 0);
    }

    /** The current simulated instant. */
    public Instant now() {
        long wall = System.nanoTime() - startNanos;
        long scaled = (long) (wall * factor);
        return start.plusNanos(scaled + offsetNanos.get());
    }

    /** Moves simulated time forward by {@code amount} (on top of any acceleration). */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the simulated clock cannot go backwards: " + amount);
        }
        offsetNanos.addAndGet(amount.toNanos());
    }

    /** How many simulated seconds pass per wall second (0 for a manual clock). */
    public double factor() {
        return factor;
    }

    /** Wall-clock time that corresponds to {@code simulated} time, for sleeping in tests. */
    public Duration wallTimeFor(Duration simulated) {
        if (factor == 0) {
            throw new IllegalStateException("a manual clock never advances by itself; call advance()");
        }
        return Duration.ofNanos((long) (simulated.toNanos() / factor));
    }

    /**
     * This clock as a {@link java.time.Clock} (UTC), for code under test that takes one, e.g. an SDK
     * client that decides when tokens are about to expire or when setup has timed out.
     */
    public java.time.Clock asClock() {
        SimulatedClock self = this;
        return new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                if (zone.equals(java.time.ZoneOffset.UTC)) {
                    return this;
                }
                throw new UnsupportedOperationException("the simulated clock is UTC only");
            }

            @Override
            public Instant instant() {
                return self.now();
            }

            @Override
            public String toString() {
                return self.toString();
            }
        };
    }

    @Override
    public String toString() {
        return "SimulatedClock[now=" + now() + ", factor=" + factor + "]";
    }
}
