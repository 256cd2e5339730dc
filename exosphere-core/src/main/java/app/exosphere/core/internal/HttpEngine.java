package app.exosphere.core.internal;

import app.exosphere.core.error.ConnectionException;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.TransportOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends exchanges: token, rate limiter, circuit breaker, OkHttp, 401 re-auth + replay, Resilience4j
 * retries for idempotent requests, logging with redaction, and error mapping. Sync callers join the
 * same future, so both paths share one implementation.
 */
public final class HttpEngine {
    private static final Logger LOG = LoggerFactory.getLogger("app.exosphere.core.http");
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

    private final OkHttpClient client;
    private final ObjectMapper mapper;
    private final TransportOptions options;
    private final Redactor redactor;
    private final ErrorMapper errors;
    private final Clock clock;
    private final String userAgent;
    private final Retry retry;
    private final boolean ownsClient;
    private final Events events;
    private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public HttpEngine(
            OkHttpClient client, ObjectMapper mapper, TransportOptions options, Clock clock, String userAgent) {
        this(client, mapper, options, clock, userAgent, false);
    }

    /** As above; {@code ownsClient}: the SDK created {@code client}, and {@link #close()} releases it. */
    public HttpEngine(
            OkHttpClient client,
            ObjectMapper mapper,
            TransportOptions options,
            Clock clock,
            String userAgent,
            boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.mapper = mapper;
        this.options = options;
        this.redactor = new Redactor(mapper);
        this.errors = new ErrorMapper(mapper);
        this.clock = clock;
        this.userAgent = userAgent;
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                Math.max(1, options.initialBackoff().toMillis()),
                2.0,
                options.jitter() == 0 ? 0.000001 : options.jitter(),
                Math.max(1, options.maxBackoff().toMillis()));
        RetryConfig config = RetryConfig.<RawResponse>custom()
                .maxAttempts(options.maxAttempts())
                .retryOnResult(r -> RETRYABLE_STATUSES.contains(r.status()))
                .retryOnException(HttpEngine::isRetryableFailure)
                .failAfterMaxAttempts(false)
                .intervalBiFunction((attempt, either) -> {
                    if (either.isRight()) {
                        Duration retryAfter = either.get()
                                .header("Retry-After")
                                .map(v -> ErrorMapper.parseRetryAfter(v, clock))
                                .orElse(null);
                        if (retryAfter != null) {
                            return Math.min(
                                    retryAfter.toMillis(),
                                    options.maxRetryAfter().toMillis());
                        }
                    }
                    return backoff.apply(attempt);
                })
                .build();
        this.retry = options.retryRegistry()
                .map(r -> r.retry("openstack", config))
                .orElseGet(() -> Retry.of("openstack", config));
        this.events = new Events(options.listener());
    }

    private static boolean isRetryableFailure(Throwable t) {
        return t instanceof IOException && !(t instanceof SSLException) && !(t instanceof UnknownHostException);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Clock clock() {
        return clock;
    }

    public OkHttpClient client() {
        return client;
    }

    /** The transport options. */
    public TransportOptions options() {
        return options;
    }

    /** Where events go (the caller's {@code ExosphereListener}). */
    public Events events() {
        return events;
    }

    /**
     * Releases the client's dispatcher threads and pooled connections if the SDK created the client
     * (a caller's client is left to its owner). Idempotent.
     */
    public void close() {
        if (ownsClient) {
            client.dispatcher().cancelAll();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** Sends the exchange; the future fails with an {@link OpenStackException}. */
    public CompletableFuture<OpenStackResponse> execute(Exchange ex) {
        CompletableFuture<OpenStackResponse> result = new CompletableFuture<>();
        Retry.AsyncContext<RawResponse> ctx = ex.idempotent() ? retry.asyncContext() : null;
        attempt(ex, ctx, 1, false, result);
        return result;
    }

    /** Sends and waits; rethrows the SDK exception unwrapped. */
    public OpenStackResponse executeSync(Exchange ex) {
        return join(execute(ex));
    }

    /** Joins a future, rethrowing the SDK exception unwrapped. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ConnectionException("interrupted while waiting for OpenStack", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    static RuntimeException rethrow(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof RuntimeException re) {
            return re;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return new ConnectionException("unexpected failure: " + c, c);
    }

    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private void attempt(
            Exchange ex,
            Retry.AsyncContext<RawResponse> ctx,
            int attemptNo,
            boolean replayed,
            CompletableFuture<OpenStackResponse> result) {
        CompletableFuture<String> tokenFuture = ex.auth() == null
                ? CompletableFuture.completedFuture(null)
                : ex.auth().token();
        tokenFuture.whenComplete((token, err) -> {
            if (err != null) {
                result.completeExceptionally(unwrap(err));
                return;
            }
            try {
                send(ex, ctx, attemptNo, replayed, token, result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    private void send(
            Exchange ex,
            Retry.AsyncContext<RawResponse> ctx,
            int attemptNo,
            boolean replayed,
            String token,
            CompletableFuture<OpenStackResponse> result) {
        Request.Builder rb = new Request.Builder().url(ex.url()).headers(ex.headers());
        rb.header("User-Agent", userAgent);
        if (ex.headers().get("Accept") == null) {
            rb.header("Accept", "application/json");
        }
        if (token != null) {
            rb.header("X-Auth-Token", token);
        }
        RequestBody body = null;
        if (ex.body() != null) {
            body = RequestBody.create(ex.body(), MediaType.get(ex.contentType()));
        } else if (requiresBody(ex.method())) {
            body = RequestBody.create(new byte[0], null);
        }
        rb.method(ex.method(), body);
        Request request = rb.build();

        // per service endpoint: Keystone and Nova on one host keep separate breakers and limiters
        String endpointKey = ex.service() + "@" + ex.url().scheme() + "://"
                + ex.url().host() + ":" + ex.url().port();
        CircuitBreaker breaker = options.circuitBreaker() ? breaker(endpointKey) : null;
        if (breaker != null && !breaker.tryAcquirePermission()) {
            result.completeExceptionally(new ConnectionException(
                    "circuit breaker open for " + endpointKey + " after repeated failures; not calling " + ex.service()
                            + " " + ex.method() + " " + ex.url().encodedPath(),
                    null));
            return;
        }
        long waitNanos = 0;
        if (options.rateLimitPerSecond() > 0) {
            waitNanos = limiter(endpointKey).reservePermission();
            if (waitNanos < 0) {
                result.completeExceptionally(new ConnectionException(
                        "client-side rate limit for " + endpointKey + " could not grant a permit", null));
                return;
            }
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace(
                    "{} {} {} request headers [{}] body {}",
                    ex.service(),
                    ex.method(),
                    redactor.url(ex.url()),
                    redactor.headers(request.headers()),
                    redactor.body(ex.body(), ex.contentType()));
        }
        events.started(ex, attemptNo);
        Runnable go = () -> client.newCall(request).enqueue(new Callback() {
            private final long start = System.nanoTime();

            @Override
            public void onFailure(Call call, IOException e) {
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (breaker != null) {
                    breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
                }
                LOG.debug(
                        "{} {} {} failed after {} ms (attempt {}): {}",
                        ex.service(),
                        ex.method(),
                        redactor.url(ex.url()),
                        ms,
                        attemptNo,
                        e.toString());
                events.finished(ex, attemptNo, 0, System.nanoTime() - start, null, e);
                long delay = ctx == null ? -1 : ctx.onError(e);
                if (delay >= 0) {
                    events.retry(ex, attemptNo + 1, delay, e.toString());
                    later(delay, () -> attempt(ex, ctx, attemptNo + 1, replayed, result));
                } else {
                    result.completeExceptionally(
                            ErrorMapper.ioException(ex.service(), ex.method(), redactor.url(ex.url()), e));
                }
            }

            @Override
            public void onResponse(Call call, Response response) {
                RawResponse raw;
                try (ResponseBody rbody = response.body()) {
                    raw = new RawResponse(ex.url().toString(), response.code(), response.headers(), rbody.bytes());
                } catch (IOException e) {
                    onFailure(call, e);
                    return;
                }
                long nanos = System.nanoTime() - start;
                if (breaker != null) {
                    if (raw.status() >= 500) {
                        breaker.onError(nanos, TimeUnit.NANOSECONDS, new IOException("HTTP " + raw.status()));
                    } else {
                        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
                    }
                }
                handle(ex, ctx, attemptNo, replayed, token, raw, nanos, result);
            }
        });
        if (waitNanos > 0) {
            later(TimeUnit.NANOSECONDS.toMillis(waitNanos), go);
        } else {
            go.run();
        }
    }

    private void handle(
            Exchange ex,
            Retry.AsyncContext<RawResponse> ctx,
            int attemptNo,
            boolean replayed,
            String token,
            RawResponse raw,
            long nanos,
            CompletableFuture<OpenStackResponse> result) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} {} {} -> {} in {} ms, request id {}{}",
                    ex.service(),
                    ex.method(),
                    redactor.url(ex.url()),
                    raw.status(),
                    TimeUnit.NANOSECONDS.toMillis(nanos),
                    raw.requestId() == null ? "-" : raw.requestId(),
                    attemptNo > 1 ? " (attempt " + attemptNo + ")" : "");
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace(
                    "{} {} {} response headers [{}] body {}",
                    ex.service(),
                    ex.method(),
                    redactor.url(ex.url()),
                    redactor.headers(raw.headers()),
                    redactor.body(raw.body(), raw.contentType()));
        }
        events.finished(ex, attemptNo, raw.status(), nanos, raw.requestId(), null);
        if (raw.status() == 401 && ex.auth() != null && token != null && !replayed) {
            LOG.debug("{} {} got 401; re-authenticating once and replaying", ex.service(), ex.method());
            events.reauthenticating(ex);
            ex.auth().reauthenticate(token).whenComplete((t, err) -> {
                if (err != null) {
                    result.completeExceptionally(unwrap(err));
                } else {
                    attempt(ex, ctx, attemptNo, true, result);
                }
            });
            return;
        }
        if (raw.isSuccessful()) {
            if (ctx != null) {
                ctx.onComplete();
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(raw.headers().toMultimap());
            result.complete(OpenStackResponse.of(
                    ex.service(), ex.method(), raw.url(), raw.status(), headers, raw.body(), mapper));
            return;
        }
        long delay = ctx != null && RETRYABLE_STATUSES.contains(raw.status()) ? ctx.onResult(raw) : -1;
        if (delay >= 0) {
            events.retry(ex, attemptNo + 1, delay, "HTTP " + raw.status());
            later(delay, () -> attempt(ex, ctx, attemptNo + 1, replayed, result));
            return;
        }
        result.completeExceptionally(
                errors.serviceException(ex.service(), ex.method(), ex.url().encodedPath(), raw, clock));
    }

    private static void later(long delayMillis, Runnable task) {
        if (delayMillis <= 0) {
            CompletableFuture.runAsync(task);
        } else {
            CompletableFuture.runAsync(task, CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS));
        }
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private CircuitBreaker breaker(String key) {
        return breakers.computeIfAbsent(key, k -> {
            CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                    .failureRateThreshold(50)
                    .minimumNumberOfCalls(20)
                    .slidingWindowSize(50)
                    .waitDurationInOpenState(Duration.ofSeconds(30))
                    .build();
            return events.watch(options.circuitBreakerRegistry()
                    .map(r -> r.circuitBreaker(k, config))
                    .orElseGet(() -> CircuitBreaker.of(k, config)));
        });
    }

    private RateLimiter limiter(String key) {
        return limiters.computeIfAbsent(
                key,
                k -> RateLimiter.of(
                        k,
                        RateLimiterConfig.custom()
                                .limitForPeriod(options.rateLimitPerSecond())
                                .limitRefreshPeriod(Duration.ofSeconds(1))
                                .timeoutDuration(Duration.ofMinutes(5))
                                .build()));
    }
}
