package app.exosphere.core.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Hears what the SDK does, for metrics and tracing: every HTTP request (start and end, with service,
 * method, path template, status, latency and request id), every retry, re-authentication and circuit
 * breaker state change, and the milestones of launches and watches. Register it with
 * {@link TransportOptions.Builder#listener}; every method has an empty default, so implement only what you
 * need. Methods are called on the SDK's threads and must return quickly; an exception they throw is
 * logged and ignored. Events never carry tokens, passwords or bodies.
 *
 * <pre>{@code
 * TransportOptions options = TransportOptions.builder()
 *         .listener(new ExosphereListener() {
 *             @Override
 *             public void requestFinished(RequestFinished r) {
 *                 log.debug("{} {} {} -> {} in {}", r.service(), r.method(), r.pathTemplate(), r.status(), r.latency());
 *             }
 *         })
 *         .build();
 * }</pre>
 */
public interface ExosphereListener {

    /** A listener that ignores everything (the default). */
    ExosphereListener NONE = new ExosphereListener() {};

    /** An attempt of a request is about to be sent. */
    default void requestStarted(RequestStarted request) {}

    /** An attempt ended: with a response ({@code status} > 0) or a connection failure ({@code status} 0). */
    default void requestFinished(RequestFinished request) {}

    /** A failed attempt of an idempotent request will be retried after {@code delay}. */
    default void retryScheduled(RetryScheduled retry) {}

    /** A request got 401: the SDK re-authenticates once and replays it. */
    default void reauthenticating(Reauthentication reauthentication) {}

    /** A circuit breaker of a service endpoint changed state (e.g. {@code CLOSED} to {@code OPEN}). */
    default void circuitBreakerStateChanged(CircuitBreakerTransition transition) {}

    /**
     * A launch or watch milestone: {@code CREATED} (the server exists), the watch's states ({@code BUILDING},
     * {@code ACTIVE}, {@code FLOATING_IP_ATTACHED}, {@code SETUP_STARTING}, {@code SETUP_RUNNING},
     * {@code READY}, {@code WORKFLOW_STARTED}, {@code WORKFLOW_READY}, {@code ERROR}, {@code TIMEOUT}), and
     * decisions not to do what a request left to the defaults ({@code GUACAMOLE_SKIPPED} with its reason).
     */
    default void milestone(Milestone milestone) {}

    /**
     * One attempt of a request.
     *
     * @param service the catalog service type, e.g. {@code compute}
     * @param method the HTTP method
     * @param pathTemplate the URL path with ids replaced by {@code {id}}, e.g. {@code /v2.1/servers/{id}}
     * @param attempt 1 for the first attempt
     */
    record RequestStarted(String service, String method, String pathTemplate, int attempt) {}

    /**
     * The end of one attempt.
     *
     * @param service the catalog service type
     * @param method the HTTP method
     * @param pathTemplate the URL path with ids replaced by {@code {id}}
     * @param attempt 1 for the first attempt
     * @param status the HTTP status, 0 when no response arrived
     * @param latency time from sending to the whole response (or the failure)
     * @param requestId the OpenStack request id ({@code X-Openstack-Request-Id}), when answered
     * @param failure the connection failure (its class and message), when no response arrived
     */
    record RequestFinished(
            String service,
            String method,
            String pathTemplate,
            int attempt,
            int status,
            Duration latency,
            Optional<String> requestId,
            Optional<String> failure) {}

    /**
     * A retry to come.
     *
     * @param service the catalog service type
     * @param method the HTTP method
     * @param pathTemplate the URL path with ids replaced by {@code {id}}
     * @param nextAttempt the number of the attempt to come
     * @param delay the back-off (or the server's {@code Retry-After})
     * @param reason e.g. {@code HTTP 503} or the connection failure
     */
    record RetryScheduled(
            String service, String method, String pathTemplate, int nextAttempt, Duration delay, String reason) {}

    /**
     * A re-authentication after a 401.
     *
     * @param service the catalog service type
     * @param method the HTTP method
     * @param pathTemplate the URL path with ids replaced by {@code {id}}
     */
    record Reauthentication(String service, String method, String pathTemplate) {}

    /**
     * A circuit breaker's state change.
     *
     * @param name the breaker's name: {@code <service>@<scheme>://<host>:<port>}
     * @param from the previous state
     * @param to the new state
     */
    record CircuitBreakerTransition(String name, String from, String to) {}

    /**
     * A launch or watch milestone.
     *
     * @param kind what happened (see {@link ExosphereListener#milestone})
     * @param serverId the server, when known
     * @param launchId the launch id ({@code exoLaunchId}), when known
     * @param detail a human-readable message or reason
     * @param at when, on the SDK's clock
     */
    record Milestone(String kind, Optional<String> serverId, Optional<String> launchId, String detail, Instant at) {}
}
