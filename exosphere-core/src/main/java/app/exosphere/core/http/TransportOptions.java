package app.exosphere.core.http;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Timeouts, retries, concurrency and optional client-side protection (rate limiter, circuit breaker)
 * of one {@code OpenStack} connection. Immutable; {@link #defaults()} suits most gateways.
 *
 * <p>Retries (Resilience4j) apply only to idempotent requests (GET, HEAD, PUT, DELETE, or requests
 * marked idempotent) and only after connection failures or HTTP 429/502/503/504; the back-off is
 * exponential with jitter, and a {@code Retry-After} header (429, 503) takes precedence, capped at
 * {@link #maxRetryAfter()}.
 *
 * <p>The retry and the circuit breakers are created in the caller's Resilience4j registries when given
 * ({@link Builder#retryRegistry}, {@link Builder#circuitBreakerRegistry}), so a gateway can bind its
 * metrics (e.g. Micrometer's) to them; an {@link ExosphereListener} hears every request, retry,
 * re-authentication, breaker change and launch milestone.
 *
 * <pre>{@code
 * TransportOptions opts = TransportOptions.builder()
 *         .readTimeout(Duration.ofMinutes(2))
 *         .maxAttempts(5)
 *         .rateLimitPerSecond(20)          // per service endpoint
 *         .circuitBreaker(true)
 *         .retryRegistry(RetryRegistry.ofDefaults())          // or the gateway's registries
 *         .circuitBreakerRegistry(CircuitBreakerRegistry.ofDefaults())
 *         .listener(new ExosphereListener() {})
 *         .build();
 * }</pre>
 */
public final class TransportOptions {
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final double jitter;
    private final int rateLimitPerSecond;
    private final boolean circuitBreaker;
    private final int maxRequests;
    private final int maxRequestsPerHost;
    private final ExosphereListener listener;
    private final RetryRegistry retryRegistry;
    private final CircuitBreakerRegistry circuitBreakerRegistry;

    private TransportOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.jitter = b.jitter;
        this.rateLimitPerSecond = b.rateLimitPerSecond;
        this.circuitBreaker = b.circuitBreaker;
        this.maxRequests = b.maxRequests;
        this.maxRequestsPerHost = b.maxRequestsPerHost;
        this.listener = b.listener;
        this.retryRegistry = b.retryRegistry;
        this.circuitBreakerRegistry = b.circuitBreakerRegistry;
    }

    /** Connect 10 s, read 60 s, call 5 min; 4 attempts, back-off 0.5 s..20 s; no limiter, no breaker. */
    public static TransportOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.callTimeout = callTimeout;
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxRetryAfter = maxRetryAfter;
        b.jitter = jitter;
        b.rateLimitPerSecond = rateLimitPerSecond;
        b.circuitBreaker = circuitBreaker;
        b.maxRequests = maxRequests;
        b.maxRequestsPerHost = maxRequestsPerHost;
        b.listener = listener;
        b.retryRegistry = retryRegistry;
        b.circuitBreakerRegistry = circuitBreakerRegistry;
        return b;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Whole-call timeout per attempt ({@code Duration.ZERO} = none). */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Total attempts for idempotent requests, including the first (1 = no retries). */
    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Upper bound on honouring a server's {@code Retry-After}. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Randomization factor of the back-off (0 = none, 0.5 = +-50 %). */
    public double jitter() {
        return jitter;
    }

    /** Permits per second per service endpoint; 0 disables the client-side rate limiter. */
    public int rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    /** True if a circuit breaker per service endpoint short-circuits calls to a failing endpoint. */
    public boolean circuitBreaker() {
        return circuitBreaker;
    }

    /** Maximum concurrent requests over all hosts. */
    public int maxRequests() {
        return maxRequests;
    }

    /**
     * Maximum concurrent requests to one host, default 8: on HTTP/1.1 each concurrent request needs its
     * own connection, so this bounds the connections a fan-out opens (sequential use keeps one). Applies
     * to asynchronous calls (OkHttp's dispatcher queues the rest) and, separately, to synchronous calls
     * (which wait for a permit); over HTTP/2 the requests share one multiplexed connection.
     */
    public int maxRequestsPerHost() {
        return maxRequestsPerHost;
    }

    /** The listener of requests, retries, re-authentications, breaker changes and milestones. */
    public ExosphereListener listener() {
        return listener;
    }

    /** The caller's registry the retry ({@code openstack}) is created in, if any. */
    public Optional<RetryRegistry> retryRegistry() {
        return Optional.ofNullable(retryRegistry);
    }

    /** The caller's registry the circuit breakers ({@code <service>@<endpoint>}) are created in, if any. */
    public Optional<CircuitBreakerRegistry> circuitBreakerRegistry() {
        return Optional.ofNullable(circuitBreakerRegistry);
    }

    /** Builds {@link TransportOptions}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ofMinutes(5);
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(20);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private double jitter = 0.5;
        private int rateLimitPerSecond;
        private boolean circuitBreaker;
        private int maxRequests = 256;
        private int maxRequestsPerHost = 8;
        private ExosphereListener listener = ExosphereListener.NONE;
        private RetryRegistry retryRegistry;
        private CircuitBreakerRegistry circuitBreakerRegistry;

        private Builder() {}

        /** Hears every request, retry, re-authentication, breaker change and launch milestone. */
        public Builder listener(ExosphereListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /**
         * Creates the retry (named {@code openstack}, with this transport's configuration) in the caller's
         * registry, e.g. to bind Resilience4j's Micrometer metrics to it.
         */
        public Builder retryRegistry(RetryRegistry value) {
            this.retryRegistry = Objects.requireNonNull(value, "retryRegistry");
            return this;
        }

        /**
         * Creates the circuit breakers (one per service endpoint, named {@code <service>@<scheme>://<host>:<port>},
         * with this transport's configuration) in the caller's registry. Breakers exist only with
         * {@link #circuitBreaker(boolean) circuitBreaker(true)}.
         */
        public Builder circuitBreakerRegistry(CircuitBreakerRegistry value) {
            this.circuitBreakerRegistry = Objects.requireNonNull(value, "circuitBreakerRegistry");
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = nonNegative(value, "connectTimeout");
            return this;
        }

        public Builder readTimeout(Duration value) {
            this.readTimeout = nonNegative(value, "readTimeout");
            return this;
        }

        public Builder callTimeout(Duration value) {
            this.callTimeout = nonNegative(value, "callTimeout");
            return this;
        }

        public Builder maxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = value;
            return this;
        }

        public Builder initialBackoff(Duration value) {
            this.initialBackoff = nonNegative(value, "initialBackoff");
            return this;
        }

        public Builder maxBackoff(Duration value) {
            this.maxBackoff = nonNegative(value, "maxBackoff");
            return this;
        }

        public Builder maxRetryAfter(Duration value) {
            this.maxRetryAfter = nonNegative(value, "maxRetryAfter");
            return this;
        }

        public Builder jitter(double value) {
            if (value < 0 || value >= 1) {
                throw new IllegalArgumentException("jitter must be in [0, 1)");
            }
            this.jitter = value;
            return this;
        }

        public Builder rateLimitPerSecond(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("rateLimitPerSecond must not be negative");
            }
            this.rateLimitPerSecond = value;
            return this;
        }

        public Builder circuitBreaker(boolean value) {
            this.circuitBreaker = value;
            return this;
        }

        public Builder maxRequests(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRequests must be at least 1");
            }
            this.maxRequests = value;
            return this;
        }

        public Builder maxRequestsPerHost(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRequestsPerHost must be at least 1");
            }
            this.maxRequestsPerHost = value;
            return this;
        }

        public TransportOptions build() {
            return new TransportOptions(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return d;
        }
    }
}
