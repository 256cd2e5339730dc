package app.exosphere.benchmarks.launch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Records every HTTP exchange the SDK makes (method, path, start and end), to count requests, polls and
 * sequential round trips: overlapping requests (a parallel look-up wave) count as one round trip.
 */
final class RequestRecorder implements Interceptor {
    record Exchange(String method, String path, long startNanos, long endNanos) {}

    private final List<Exchange> exchanges = new ArrayList<>();
    private volatile String lastServerCreateBody;
    private volatile String lastServerCreateMicroversion;
    private volatile String lastServerCreateUrl;

    @Override
    public Response intercept(Chain chain) throws IOException {
        long start = System.nanoTime();
        var request = chain.request();
        if (request.method().equals("POST")
                && request.url().encodedPath().endsWith("/servers")
                && request.body() != null) {
            // kept so that openstack4j can send the very body the SDK sent (LaunchDeleteHarness -Do4j.body=sdk)
            okio.Buffer buffer = new okio.Buffer();
            request.body().writeTo(buffer);
            lastServerCreateBody = buffer.readUtf8();
            lastServerCreateMicroversion = request.header("OpenStack-API-Version");
            lastServerCreateUrl = request.url().toString();
        }
        try {
            return chain.proceed(chain.request());
        } finally {
            synchronized (this) {
                exchanges.add(new Exchange(
                        chain.request().method(), chain.request().url().encodedPath(), start, System.nanoTime()));
            }
        }
    }

    /** The body of the last {@code POST /servers} seen, or null. */
    String lastServerCreateBody() {
        return lastServerCreateBody;
    }

    /** The {@code OpenStack-API-Version} header of the last {@code POST /servers} seen, or null. */
    String lastServerCreateMicroversion() {
        return lastServerCreateMicroversion;
    }

    /** The URL of the last {@code POST /servers} seen, or null. */
    String lastServerCreateUrl() {
        return lastServerCreateUrl;
    }

    synchronized void clear() {
        exchanges.clear();
    }

    synchronized List<Exchange> snapshot() {
        return List.copyOf(exchanges);
    }

    /** Requests not matching {@code poll}. */
    static long count(List<Exchange> all, Predicate<Exchange> poll) {
        return all.stream().filter(poll.negate()).count();
    }

    /** Sequential round trips among the requests not matching {@code poll}: disjoint busy periods. */
    static int roundTrips(List<Exchange> all, Predicate<Exchange> poll) {
        List<Exchange> sorted = all.stream()
                .filter(poll.negate())
                .sorted(Comparator.comparingLong(Exchange::startNanos))
                .toList();
        int trips = 0;
        long busyUntil = Long.MIN_VALUE;
        for (Exchange e : sorted) {
            if (e.startNanos() >= busyUntil) {
                trips++;
            }
            busyUntil = Math.max(busyUntil, e.endNanos());
        }
        return trips;
    }
}
