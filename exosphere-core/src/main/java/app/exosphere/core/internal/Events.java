package app.exosphere.core.internal;

import app.exosphere.core.http.ExosphereListener;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the transport's events to the caller's {@link ExosphereListener}: builds the event records
 * (path templates without ids) and keeps a failing listener from breaking a request.
 */
public final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);
    // UUIDs (with or without hyphens), hex ids and numbers: the segments that identify resources
    private static final Pattern ID_SEGMENT =
            Pattern.compile("(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}|[0-9a-f]{32,}|\\d+");

    private final ExosphereListener listener;

    public Events(ExosphereListener listener) {
        this.listener = listener;
    }

    /** The URL's path with every id segment replaced by {@code {id}}. */
    public static String pathTemplate(HttpUrl url) {
        StringBuilder b = new StringBuilder();
        for (String segment : url.pathSegments()) {
            b.append('/').append(ID_SEGMENT.matcher(segment).matches() ? "{id}" : segment);
        }
        return b.length() == 0 ? "/" : b.toString();
    }

    void started(Exchange ex, int attempt) {
        deliver(l -> l.requestStarted(
                new ExosphereListener.RequestStarted(ex.service(), ex.method(), pathTemplate(ex.url()), attempt)));
    }

    void finished(Exchange ex, int attempt, int status, long nanos, String requestId, Throwable failure) {
        deliver(l -> l.requestFinished(new ExosphereListener.RequestFinished(
                ex.service(),
                ex.method(),
                pathTemplate(ex.url()),
                attempt,
                status,
                Duration.ofNanos(nanos),
                Optional.ofNullable(requestId),
                Optional.ofNullable(failure).map(Throwable::toString))));
    }

    void retry(Exchange ex, int nextAttempt, long delayMillis, String reason) {
        deliver(l -> l.retryScheduled(new ExosphereListener.RetryScheduled(
                ex.service(),
                ex.method(),
                pathTemplate(ex.url()),
                nextAttempt,
                Duration.ofMillis(delayMillis),
                reason)));
    }

    void reauthenticating(Exchange ex) {
        deliver(l -> l.reauthenticating(
                new ExosphereListener.Reauthentication(ex.service(), ex.method(), pathTemplate(ex.url()))));
    }

    CircuitBreaker watch(CircuitBreaker breaker) {
        breaker.getEventPublisher()
                .onStateTransition(
                        e -> deliver(l -> l.circuitBreakerStateChanged(new ExosphereListener.CircuitBreakerTransition(
                                e.getCircuitBreakerName(),
                                e.getStateTransition().getFromState().name(),
                                e.getStateTransition().getToState().name()))));
        return breaker;
    }

    /** Delivers a launch or watch milestone. */
    public void milestone(ExosphereListener.Milestone milestone) {
        deliver(l -> l.milestone(milestone));
    }

    private void deliver(Consumer<ExosphereListener> event) {
        if (listener == ExosphereListener.NONE) {
            return;
        }
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn(
                    "ExosphereListener {} failed; the SDK carries on",
                    listener.getClass().getName(),
                    e);
        }
    }
}
