package app.exosphere.core.instance;

import app.exosphere.core.OpenStack;
import app.exosphere.core.Samples;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.http.TransportOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer routing requests by method and path (so a parallel wave can arrive in any order),
 * answering with upstream samples, recording every request with its arrival time. A route may hold a
 * sequence of answers (e.g. a fault, then the normal answer).
 */
final class RoutedCloud implements AutoCloseable {

    static final Instant SAMPLE_NOW = Instant.parse("2015-11-07T02:00:00Z");
    static final String PROJECT_ID = "a6944d763bf64ee6a275f1263fae0352";

    record Call(String method, String path, String query, String body, long arrivedNanos) {
        String line() {
            return method + " " + path;
        }
    }

    private record Route(
            String method,
            String pathRegex,
            Deque<Function<RecordedRequest, MockResponse>> once,
            Function<RecordedRequest, MockResponse> always) {}

    private static final long HOLD_LIMIT_SECONDS = 20;

    private final MockWebServer server = new MockWebServer();
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final long t0 = System.nanoTime();
    private volatile Set<String> heldTogether = Set.of();
    private volatile CountDownLatch allHeldArrived = new CountDownLatch(0);
    private final Set<String> heldArrived = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean heldAnswersTimedOut = new AtomicBoolean();
    private OpenStack openStack;

    RoutedCloud() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getUrl().encodedPath();
                long arrived = System.nanoTime() - t0;
                if (path.equals("/v3/auth/tokens")) {
                    return new MockResponse.Builder()
                            .code(201)
                            .addHeader("Content-Type", "application/json")
                            .addHeader("X-Subject-Token", "tok-1")
                            .body(Samples.text("keystone/auth__responses__project-scoped-password.json"))
                            .build();
                }
                if (r.getMethod().equals("GET") && path.equals("/compute/v2.1/")) {
                    return json(200, Samples.text("nova/versions__v21-version-get-resp.json"));
                }
                if (r.getMethod().equals("GET") && path.equals("/volume/v3/")) {
                    return json(200, Samples.text("cinder/versions__version-show-response.json"));
                }
                MockResponse answer = null;
                for (Route route : routes) {
                    if (route.method.equals(r.getMethod()) && path.matches(route.pathRegex)) {
                        Function<RecordedRequest, MockResponse> f;
                        synchronized (route.once) {
                            f = route.once.isEmpty() ? route.always : route.once.poll();
                        }
                        if (f != null) {
                            answer = f.apply(r);
                            break;
                        }
                    }
                }
                if (answer == null) {
                    answer = json(
                            404,
                            "{\"itemNotFound\":{\"message\":\"no route for " + r.getMethod() + " " + path
                                    + "\",\"code\":404}}");
                }
                String query = r.getUrl().encodedQuery();
                calls.add(new Call(
                        r.getMethod(),
                        path,
                        query == null ? "" : query,
                        r.getBody() == null ? "" : r.getBody().utf8(),
                        arrived));
                String line = r.getMethod() + " " + path;
                if (heldTogether.contains(line)) {
                    CountDownLatch latch = allHeldArrived;
                    if (heldArrived.add(line)) { // a retried request does not count twice
                        latch.countDown();
                    }
                    try {
                        if (!latch.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                            heldAnswersTimedOut.set(true);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return answer;
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Holds the answer to each of these requests ({@code "METHOD /path"}) until all of them have arrived,
     * so they are answered only if the client sent them concurrently; a client that waits for one answer
     * before sending the next stalls for {@value #HOLD_LIMIT_SECONDS} s and {@link #heldAnswersTimedOut()}
     * says so. No timing is measured: the proof is that every request arrived before any was answered.
     */
    RoutedCloud answerOnlyWhenAllArrived(Collection<String> lines) {
        this.heldArrived.clear();
        this.allHeldArrived = new CountDownLatch(lines.size());
        this.heldTogether = Set.copyOf(lines);
        return this;
    }

    /** Whether a request held by {@link #answerOnlyWhenAllArrived} gave up waiting for the others. */
    boolean heldAnswersTimedOut() {
        return heldAnswersTimedOut.get() || allHeldArrived.getCount() > 0;
    }

    /** Always answers {@code method pathRegex} this way (after any queued one-off answers). */
    RoutedCloud on(String method, String pathRegex, Function<RecordedRequest, MockResponse> answer) {
        routes.add(new Route(method, pathRegex, new ArrayDeque<>(), answer));
        return this;
    }

    RoutedCloud on(String method, String pathRegex, int code, String body) {
        return on(method, pathRegex, r -> json(code, body));
    }

    RoutedCloud onSample(String method, String pathRegex, String sample) {
        return on(method, pathRegex, 200, Samples.text(sample));
    }

    /** Answers the next matching request with {@code first} (before the route's normal answers). */
    RoutedCloud once(String method, String pathRegex, MockResponse first) {
        for (Route route : routes) {
            if (route.method.equals(method) && route.pathRegex.equals(pathRegex)) {
                route.once.add(r -> first);
                return this;
            }
        }
        Deque<Function<RecordedRequest, MockResponse>> q = new ArrayDeque<>();
        q.add(r -> first);
        routes.add(0, new Route(method, pathRegex, q, null));
        return this;
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    List<String> lines() {
        return calls.stream().map(Call::line).toList();
    }

    long count(String method, String pathRegex) {
        return calls.stream()
                .filter(c -> c.method.equals(method) && c.path.matches(pathRegex))
                .count();
    }

    String base() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    OpenStack openStack() {
        return openStack(Duration.ofSeconds(10));
    }

    synchronized OpenStack openStack(Duration readTimeout) {
        if (openStack == null) {
            String base = base();
            openStack = OpenStack.builder()
                    .authUrl(base + "/v3")
                    .credentials(Credentials.password(UserRef.name("admin", DomainRef.of("Default")), "pw"))
                    .project(PROJECT_ID)
                    .clock(Clock.fixed(SAMPLE_NOW, ZoneOffset.UTC))
                    .transport(TransportOptions.builder()
                            .maxAttempts(2)
                            .initialBackoff(Duration.ofMillis(1))
                            .maxBackoff(Duration.ofMillis(2))
                            .readTimeout(readTimeout)
                            .build())
                    .endpointOverride(ServiceType.COMPUTE, base + "/compute/v2.1")
                    .endpointOverride(ServiceType.IMAGE, base + "/image")
                    .endpointOverride(ServiceType.NETWORK, base + "/network")
                    .endpointOverride(ServiceType.VOLUME, base + "/volume/v3")
                    .build();
        }
        return openStack;
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
