package app.exosphere.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.testkit.SimulatedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ClockPauseTest {
    private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");

    @Test
    void aPauseEndsOnlyWhenTheClockHasPassedItsLength() throws Exception {
        SimulatedClock manual = SimulatedClock.manual(START);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch firstRead = new CountDownLatch(1);
            Clock watched = new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    Instant now = manual.now();
                    firstRead.countDown();
                    return now;
                }
            };
            CompletableFuture<Void> paused = CompletableFuture.runAsync(() -> pauseUnchecked(watched, 10), pool);
            assertThat(firstRead.await(10, TimeUnit.SECONDS))
                    .as("the pause has read its start")
                    .isTrue();

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

    private static void pauseUnchecked(Clock clock, int seconds) {
        try {
            new ClockPause(clock).pause(Duration.ofSeconds(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
