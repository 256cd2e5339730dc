package app.exosphere.core;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.http.ServiceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenRefreshSingleFlightTest {
    private final MockCloud cloud = new MockCloud();

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void concurrentCallersShareOneProactiveRefresh() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        ConcurrentLinkedQueue<String> tokensSeen = new ConcurrentLinkedQueue<>();
        cloud.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                if (r.getTarget().equals("/v3/auth/tokens")) {
                    int n = issued.incrementAndGet();
                    Thread.sleep(50); // keep the refresh in flight while the others arrive
                    return cloud.scopedToken("tok-" + n);
                }
                tokensSeen.add(r.getHeaders().get("X-Auth-Token"));
                return MockCloud.json(200, "{\"servers\": []}");
            }
        });
        MutableClock clock = new MutableClock(MockCloud.SAMPLE_NOW);
        OpenStack os = cloud.builder(MockCloud.ALICE).project("p").clock(clock).build();
        assertThat(issued.get()).isEqualTo(1);

        clock.set(Instant.parse("2015-11-07T02:55:00Z")); // inside the 5-minute margin
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return os.service(ServiceType.COMPUTE).get("servers").execute();
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(issued.get()).isEqualTo(2);
        assertThat(tokensSeen).hasSize(32).containsOnly("tok-2");
    }
}
