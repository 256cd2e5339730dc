package app.exosphere.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.testkit.SimulatedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ClockPauseTest {
    private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void aPauseEndsOnlyWhenTheClockReachesItsEnd() throws Exception {
        SimulatedClock manual = SimulatedClock.manual(START);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Void> paused =
                    CompletableFuture.runAsync(() -> pauseUnchecked(manual.asClock(), START.plusSeconds(10)), pool);

            manual.advance(Duration.ofSeconds(9));
            assertThatThrownBy(() -> paused.get(300, TimeUnit.MILLISECONDS))
                    .as("9 of 10 clock seconds have passed, however long that took on the wall")
                    .isInstanceOf(TimeoutException.class);

            manual.advance(Duration.ofSeconds(1));
            paused.get(10, TimeUnit.SECONDS);
            assertThat(paused).isCompleted();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAcceleratedClockEndsAMinuteLongPauseAfterAMinuteOfItsTime() throws Exception {
        Clock fast = SimulatedClock.accelerated(START, 600).asClock();
        Instant before = fast.instant();

        new ClockPause(fast).pause(Duration.ofMinutes(1));

        assertThat(Duration.between(before, fast.instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void zeroAndNegativePausesReturnWithoutWaitingForTheClock() throws Exception {
        Clock stopped = Clock.fixed(START, ZoneOffset.UTC);
        ClockPause pause = new ClockPause(stopped);

        pause.pause(Duration.ZERO);
        pause.pause(Duration.ofSeconds(-5));
    }

    @Test
    void anInterruptedPauseSaysSo() {
        Clock stopped = Clock.fixed(START, ZoneOffset.UTC);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> new ClockPause(stopped).pause(Duration.ofSeconds(1)))
                .isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
    }

    private static void pauseUnchecked(Clock clock, Instant end) {
        try {
            new ClockPause(clock).pauseUntil(end);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
