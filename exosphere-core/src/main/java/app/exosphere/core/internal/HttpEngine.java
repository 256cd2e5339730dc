package app.exosphere.core.internal;

import app.exosphere.core.error.ConnectionException;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.TransportOptions;
import app.exosphere.core.internal.calls.Futures;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
 * retries for idempotent requests, logging with redaction, and error mapping. Synchronous calls run on the
 * caller's thread ({@code execute()}), asynchronous ones on OkHttp's dispatcher ({@code enqueue}); both
 * go through the same admission, response and failure steps. Successful bodies are decoded once, from
 * the stream, by a {@link BodyReader}.
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
    private volatile boolean closed;
    // what close() ends: unfinished asynchronous results (with their exchange, for the message), OkHttp
    // calls in flight (sync and async), and the back-off / rate-limit pauses of synchronous callers
    private final ConcurrentMap<CompletableFuture<?>, Exchange> pending = new ConcurrentHashMap<>();
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<Void>> pauses = ConcurrentHashMap.newKeySet();
    private final Events events;
    private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final BodyReader<OpenStackResponse> buffered;
    // synchronous calls bypass OkHttp's dispatcher: the same per-host cap applies to them here
    private final ConcurrentMap<String, java.util.concurrent.Semaphore> syncPerHost = new ConcurrentHashMap<>();

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
        this.buffered = (head, body) -> OpenStackResponse.of(
                head.service(),
                head.method(),
                head.url(),
                head.status(),
                head.headerMap(),
                body.readAllBytes(),
                mapper);
    }

    private static boolean isRetryableFailure(Throwable t) {
        return t instanceof IOException && !(t instanceof SSLException) && !(t instanceof UnknownHostException);
    }

    /** Reads a 2xx body whole into an {@link OpenStackResponse}. */
    public BodyReader<OpenStackResponse> bufferedReader() {
        return buffered;
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
     * Ends what the engine started: unfinished calls fail with a {@link ConnectionException} at once
     * (also those waiting for a retry, a rate-limit permit or a token), their OkHttp calls are cancelled,
     * no further attempt is sent, and, if the SDK created the client, its dispatcher threads and pooled
     * connections are released (a caller's client is left to its owner). Idempotent.
     */
    public void close() {
        // synchronous calls run on the caller's thread, not the dispatcher: refuse them from now on too
        closed = true;
        pauses.forEach(p -> p.complete(null)); // wakes synchronous callers pausing before an attempt
        for (Call call : inFlight) {
            call.cancel(); // the SDK's own calls, also on a caller's client
        }
        pending.forEach((result, ex) -> result.completeExceptionally(closedFailure(ex)));
        if (ownsClient) {
            client.dispatcher().cancelAll();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** Whether {@link #close()} has been called: unfinished calls fail, and no new one is sent. */
    public boolean isClosed() {
        return closed;
    }

    private static ConnectionException closedFailure(Exchange ex) {
        return new ConnectionException(
                "this OpenStack connection was closed; " + ex.service() + " " + ex.method() + " "
                        + ex.url().encodedPath() + " did not complete. Build a new one with OpenStack.builder()",
                null);
    }

    /**
     * A new OkHttp call for an admitted request, tracked until it ends so that {@link #close()} cancels
     * it; one created while close() runs is cancelled here (it is then never sent).
     */
    private Call newCall(Exchange ex, Request request) {
        Call call = client.newCall(request);
        if (ex.timeout() != null) {
            call.timeout().timeout(ex.timeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        inFlight.add(call);
        if (closed) {
            call.cancel();
        }
        return call;
    }

    /** Sends the exchange; the future fails with an {@link OpenStackException}. */
    public CompletableFuture<OpenStackResponse> execute(Exchange ex) {
        return execute(ex, buffered);
    }

    /**
     * Sends the exchange asynchronously (OkHttp {@code enqueue}); a 2xx body is decoded by {@code reader}
     * on the thread that receives it. The future fails with an {@link OpenStackException}.
     */
    public <T> CompletableFuture<T> execute(Exchange ex, BodyReader<T> reader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        pending.put(result, ex);
        result.whenComplete((v, e) -> pending.remove(result));
        Retry.AsyncContext<RawResponse> ctx = ex.idempotent() ? retry.asyncContext() : null;
        attempt(ex, reader, ctx, 1, false, result);
        return result;
    }

    /** Sends and waits; rethrows the SDK exception unwrapped. */
    public OpenStackResponse executeSync(Exchange ex) {
        return executeSync(ex, buffered);
    }

    /**
     * Sends on the calling thread (OkHttp {@code execute()}, no hand-off to the dispatcher) with the same
     * token handling, circuit breaker, rate limiter, 401 re-auth and retries as {@link #execute(Exchange,
     * BodyReader)}; throws the SDK exception.
     */
    public <T> T executeSync(Exchange ex, BodyReader<T> reader) {
        Retry.AsyncContext<RawResponse> ctx = ex.idempotent() ? retry.asyncContext() : null;
        int attemptNo = 1;
        boolean replayed = false;
        while (true) {
            String token = ex.auth() == null ? null : Futures.join(ex.auth().token());
            Admission admission = admit(ex, token);
            pause(TimeUnit.NANOSECONDS.toMillis(admission.waitNanos()));
            java.util.concurrent.Semaphore permits = syncPerHost.computeIfAbsent(
                    ex.url().host(), h -> new java.util.concurrent.Semaphore(options.maxRequestsPerHost(), true));
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectionException(
                        "interrupted while waiting for a connection to "
                                + ex.url().host(),
                        e);
            }
            events.started(ex, attemptNo);
            long start = System.nanoTime();
            Outcome<T> outcome;
            Call call = null;
            try {
                call = newCall(ex, admission.request());
                Response response = call.execute();
                outcome = onResponse(ex, reader, ctx, attemptNo, replayed, token, response, admission.breaker(), start);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new ConnectionException("interrupted while waiting for OpenStack", e);
                }
                outcome = onFailure(ex, ctx, attemptNo, admission.breaker(), start, e);
            } finally {
                if (call != null) {
                    inFlight.remove(call);
                }
                permits.release();
            }
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            if (outcome.reauthenticate()) {
                Futures.join(ex.auth().reauthenticate(token));
                replayed = true;
            } else if (outcome.retryDelayMillis() >= 0) {
                pause(outcome.retryDelayMillis());
                attemptNo++;
            } else {
                return outcome.value();
            }
        }
    }

    private <T> void attempt(
            Exchange ex,
            BodyReader<T> reader,
            Retry.AsyncContext<RawResponse> ctx,
            int attemptNo,
            boolean replayed,
            CompletableFuture<T> result) {
        CompletableFuture<String> tokenFuture = ex.auth() == null
                ? CompletableFuture.completedFuture(null)
                : ex.auth().token();
        tokenFuture.whenComplete((token, err) -> {
            if (err != null) {
                result.completeExceptionally(Futures.unwrap(err));
                return;
            }
            try {
                send(ex, reader, ctx, attemptNo, replayed, token, result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    private <T> void send(
            Exchange ex,
            BodyReader<T> reader,
            Retry.AsyncContext<RawResponse> ctx,
            int attemptNo,
            boolean replayed,
            String token,
            CompletableFuture<T> result) {
        Admission admission = admit(ex, token);
        events.started(ex, attemptNo);
        Runnable go = () -> {
            if (closed) {
                // closed while waiting for a rate-limit permit: close() has failed the result
                result.completeExceptionally(closedFailure(ex));
                return;
            }
            newCall(ex, admission.request())
                    .enqueue(callback(ex, reader, ctx, attemptNo, replayed, token, admission, result));
        };
        if (admission.waitNanos() > 0) {
            later(TimeUnit.NANOSECONDS.toMillis(admission.waitNanos()), go);
        } else {
            go.run();
        }
    }

    private <T> Callback callback(
            Exchange ex,
            BodyReader<T> reader,
            Retry.AsyncContext<RawResponse> ctx,
            int attemptNo,
            boolean replayed,
            String token,
            Admission admission,
            CompletableFuture<T> result) {
        return new Callback() {
            private final long start = System.nanoTime();

            @Override
            public void onFailure(Call call, IOException e) {
                inFlight.remove(call);
                proceed(HttpEngine.this.onFailure(ex, ctx, attemptNo, admission.breaker(), start, e));
            }

            @Override
            public void onResponse(Call call, Response response) {
                Outcome<T> outcome;
                try {
                    outcome = HttpEngine.this.onResponse(
                            ex, reader, ctx, attemptNo, replayed, token, response, admission.breaker(), start);
                } catch (RuntimeException e) {
                    outcome = Outcome.failed(e);
                } finally {
                    inFlight.remove(call);
                }
                proceed(outcome);
            }

            private void proceed(Outcome<T> outcome) {
                if (outcome.failure() != null) {
                    result.completeExceptionally(outcome.failure());
                } else if (outcome.reauthenticate()) {
                    ex.auth().reauthenticate(token).whenComplete((t, err) -> {
                        if (err != null) {
                            result.completeExceptionally(Futures.unwrap(err));
                        } else {
                            attempt(ex, reader, ctx, attemptNo, true, result);
                        }
                    });
                } else if (outcome.retryDelayMillis() >= 0) {
                    later(outcome.retryDelayMillis(), () -> attempt(ex, reader, ctx, attemptNo + 1, replayed, result));
                } else {
                    result.complete(outcome.value());
                }
            }
        };
    }

    /** The request to send, and the circuit breaker / rate limiter's permission for it. */
    private record Admission(Request request, CircuitBreaker breaker, long waitNanos) {}

    /** What an attempt came to: a value, a failure, a retry after a delay, or a re-authentication. */
    private record Outcome<T>(T value, RuntimeException failure, long retryDelayMillis, boolean reauthenticate) {
        static <T> Outcome<T> done(T value) {
            return new Outcome<>(value, null, -1, false);
        }

        static <T> Outcome<T> failed(RuntimeException e) {
            return new Outcome<>(null, e, -1, false);
        }

        static <T> Outcome<T> retryAfter(long delayMillis) {
            return new Outcome<>(null, null, delayMillis, false);
        }

        static <T> Outcome<T> reauth() {
            return new Outcome<>(null, null, -1, true);
        }
    }

    private Admission admit(Exchange ex, String token) {
        if (closed) {
            throw new ConnectionException(
                    "this OpenStack connection is closed; not calling " + ex.service() + " " + ex.method() + " "
                            + ex.url().encodedPath() + ". Build a new one with OpenStack.builder()",
                    null);
        }
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
            throw new ConnectionException(
                    "circuit breaker open for " + endpointKey + " after repeated failures; not calling " + ex.service()
                            + " " + ex.method() + " " + ex.url().encodedPath(),
                    null);
        }
        long waitNanos = 0;
        if (options.rateLimitPerSecond() > 0) {
            waitNanos = limiter(endpointKey).reservePermission();
            if (waitNanos < 0) {
                throw new ConnectionException(
                        "client-side rate limit for " + endpointKey + " could not grant a permit", null);
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
        return new Admission(request, breaker, waitNanos);
    }

    private <T> Outcome<T> onFailure(
            Exchange ex,
            Retry.AsyncContext<RawResponse> ctx,
            int attemptNo,
            CircuitBreaker breaker,
            long start,
            IOException e) {
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
        if (closed) {
            return Outcome.failed(closedFailure(ex)); // cancelled by close(), or sent while it ran
        }
        long delay = ctx == null ? -1 : ctx.onError(e);
        if (delay >= 0) {
            events.retry(ex, attemptNo + 1, delay, e.toString());
            return Outcome.retryAfter(delay);
        }
        return Outcome.failed(ErrorMapper.ioException(ex.service(), ex.method(), redactor.url(ex.url()), e));
    }

    private <T> Outcome<T> onResponse(
            Exchange ex,
            BodyReader<T> reader,
            Retry.AsyncContext<RawResponse> ctx,
            int attemptNo,
            boolean replayed,
            String token,
            Response response,
            CircuitBreaker breaker,
            long start) {
        if (response.isSuccessful()) {
            return onSuccess(ex, reader, ctx, attemptNo, response, breaker, start);
        }
        RawResponse raw;
        try (ResponseBody rbody = response.body()) {
            raw = new RawResponse(ex.url().toString(), response.code(), response.headers(), rbody.bytes());
        } catch (IOException e) {
            return onFailure(ex, ctx, attemptNo, breaker, start, e);
        }
        long nanos = System.nanoTime() - start;
        if (breaker != null) {
            if (raw.status() >= 500) {
                breaker.onError(nanos, TimeUnit.NANOSECONDS, new IOException("HTTP " + raw.status()));
            } else {
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            }
        }
        logResponse(ex, attemptNo, raw.status(), raw.requestId(), nanos, raw.headers(), raw.body());
        events.finished(ex, attemptNo, raw.status(), nanos, raw.requestId(), null);
        if (raw.status() == 401 && ex.auth() != null && token != null && !replayed) {
            LOG.debug("{} {} got 401; re-authenticating once and replaying", ex.service(), ex.method());
            events.reauthenticating(ex);
            return Outcome.reauth();
        }
        long delay = ctx != null && RETRYABLE_STATUSES.contains(raw.status()) && !closed ? ctx.onResult(raw) : -1;
        if (delay >= 0) {
            events.retry(ex, attemptNo + 1, delay, "HTTP " + raw.status());
            return Outcome.retryAfter(delay);
        }
        return Outcome.failed(
                errors.serviceException(ex.service(), ex.method(), ex.url().encodedPath(), raw, clock));
    }

    /** A 2xx: the body is decoded once, from the stream (buffered only when TRACE logs it). */
    private <T> Outcome<T> onSuccess(
            Exchange ex,
            BodyReader<T> reader,
            Retry.AsyncContext<RawResponse> ctx,
            int attemptNo,
            Response response,
            CircuitBreaker breaker,
            long start) {
        ResponseHead head =
                new ResponseHead(ex.service(), ex.method(), ex.url().toString(), response.code(), response.headers());
        T value;
        try (ResponseBody rbody = response.body()) {
            if (LOG.isTraceEnabled()) {
                byte[] bytes = rbody.bytes();
                logResponse(
                        ex,
                        attemptNo,
                        head.status(),
                        head.requestId().orElse(null),
                        System.nanoTime() - start,
                        head.headers(),
                        bytes);
                value = reader.read(head, new java.io.ByteArrayInputStream(bytes));
            } else {
                okio.BufferedSource source = rbody.source();
                value = reader.read(head, new NonClosingStream(source.inputStream()));
                // read to the end: a body cut short is a transport failure, and the connection is reused
                okio.Buffer sink = new okio.Buffer();
                while (source.read(sink, 8192) != -1) {
                    sink.clear();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            events.finished(
                    ex,
                    attemptNo,
                    head.status(),
                    System.nanoTime() - start,
                    head.requestId().orElse(null),
                    e);
            return Outcome.failed(decodingFailure(head, e));
        } catch (IOException e) {
            return onFailure(ex, ctx, attemptNo, breaker, start, e);
        }
        long nanos = System.nanoTime() - start;
        if (breaker != null) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
        events.finished(ex, attemptNo, head.status(), nanos, head.requestId().orElse(null), null);
        if (!LOG.isTraceEnabled()) {
            logResponse(ex, attemptNo, head.status(), head.requestId().orElse(null), nanos, head.headers(), null);
        }
        if (ctx != null) {
            ctx.onComplete();
        }
        return Outcome.done(value);
    }

    private void logResponse(
            Exchange ex,
            int attemptNo,
            int status,
            String requestId,
            long nanos,
            okhttp3.Headers headers,
            byte[] body) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "{} {} {} -> {} in {} ms, request id {}{}",
                    ex.service(),
                    ex.method(),
                    redactor.url(ex.url()),
                    status,
                    TimeUnit.NANOSECONDS.toMillis(nanos),
                    requestId == null ? "-" : requestId,
                    attemptNo > 1 ? " (attempt " + attemptNo + ")" : "");
        }
        if (body != null && LOG.isTraceEnabled()) {
            LOG.trace(
                    "{} {} {} response headers [{}] body {}",
                    ex.service(),
                    ex.method(),
                    redactor.url(ex.url()),
                    redactor.headers(headers),
                    redactor.body(body, headers.get("Content-Type")));
        }
    }

    /** The body did not decode: names the call and the location, never quotes the body. */
    static ResponseDecodingException decodingFailure(
            ResponseHead head, com.fasterxml.jackson.core.JsonProcessingException e) {
        String where = "";
        if (e.getLocation() != null) {
            where = " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
        }
        String path = head.url().replaceFirst("^[a-zA-Z]+://[^/]+", "").replaceFirst("\\?.*$", "");
        return new ResponseDecodingException(
                head.service() + " " + head.method() + " " + path
                        + head.requestId().map(id -> " (request id " + id + ")").orElse("")
                        + ": could not decode the response body" + where,
                null);
    }

    /**
     * Waits out a retry backoff or a rate-limiter delay on the calling thread, without busy waiting; {@link
     * #close()} ends the pause (the next attempt is then refused). Transport waits (here and in {@link #later})
     * are wall time, not the injected {@link Clock}: they pace requests to a server that recovers in real
     * time, and the clock may be fixed ({@code Clock.fixed}, e.g. for token expiry in tests) or manual, on
     * which a clock-measured backoff would never end. The synchronous and asynchronous paths wait the same
     * delays; this one blocks because {@code execute()} must.
     */
    private void pause(long millis) {
        if (millis > 0) {
            CompletableFuture<Void> delay =
                    new CompletableFuture<Void>().completeOnTimeout(null, millis, TimeUnit.MILLISECONDS);
            pauses.add(delay);
            try {
                if (closed) {
                    delay.complete(null); // close() may have run before it was added
                }
                Futures.join(delay);
            } finally {
                pauses.remove(delay);
            }
        }
    }

    /** Hands a body stream to a reader that may close it without cutting the connection short. */
    private static final class NonClosingStream extends java.io.FilterInputStream {
        NonClosingStream(java.io.InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the engine drains and closes the body
        }
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
