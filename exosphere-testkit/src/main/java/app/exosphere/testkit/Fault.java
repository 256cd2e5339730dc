package app.exosphere.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A scripted misbehaviour of the simulated cloud: which requests it hits (service, method, a path
 * pattern, which occurrences, a probability) and what happens to them (an error status in the
 * service's own error format, added latency, a connection closed before the request is processed,
 * or — the hard case for exactly-once logic — a response dropped <em>after</em> the cloud processed
 * the request). Immutable; add it with {@link Faults#add(Fault)}.
 *
 * <pre>{@code
 * // the first server create succeeds in the cloud but the client never hears back
 * cloud.faults().add(Fault.on(Service.COMPUTE).method("POST").path("^/servers$").dropResponseAfterProcessing().times(1).build());
 * // every Neutron call is slow, and one in three fails with 503
 * cloud.faults().add(Fault.on(Service.NETWORK).latency(Duration.ofMillis(300)).build());
 * cloud.faults().add(Fault.on(Service.NETWORK).respondWith(503).probability(1.0 / 3).build());
 * }</pre>
 */
public final class Fault {

    /** What a fault does to a request it hits. */
    public enum Effect {
        /** Answer with an error status without processing the request. */
        RESPOND,
        /** Process normally, but only after a delay. */
        LATENCY,
        /** Close the connection before the request is processed. */
        DISCONNECT,
        /** Process the request (state changes), then close the connection without answering. */
        DROP_RESPONSE,
        /** Process the request, then answer with its status but only the first half of its body. */
        TRUNCATE_RESPONSE,
        /** Process the request, then answer with its status and an empty body. */
        EMPTY_RESPONSE,
        /**
         * Close the connection without answering; the request takes effect {@link #landingDelay()} of
         * simulated time later (a create that reaches the service after the client gave up on it).
         */
        LAND_LATE
    }

    private final Service service;
    private final String method;
    private final Pattern path;
    private final Effect effect;
    private final int status;
    private final String message;
    private final Duration latency;
    private final Duration landingDelay;
    private final double probability;
    private final int skip;
    private final int times;
    private final long seed;

    private Fault(Builder b) {
        this.service = b.service;
        this.method = b.method;
        this.path = b.path;
        this.effect = Objects.requireNonNull(
                b.effect,
                "choose an effect: respondWith, latency, disconnect, dropResponseAfterProcessing,"
                        + " truncateResponseAfterProcessing, emptyResponseAfterProcessing or landLate");
        this.status = b.status;
        this.message = b.message;
        this.latency = b.latency;
        this.landingDelay = b.landingDelay;
        this.probability = b.probability;
        this.skip = b.skip;
        this.times = b.times;
        this.seed = b.seed;
    }

    /** Starts a fault aimed at {@code service} ({@link Service#ANY} for all). */
    public static Builder on(Service service) {
        return new Builder(Objects.requireNonNull(service, "service"));
    }

    public Service service() {
        return service;
    }

    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /** The pattern searched in the service-relative path (e.g. {@code /servers/abc/action}). */
    public Optional<Pattern> path() {
        return Optional.ofNullable(path);
    }

    public Effect effect() {
        return effect;
    }

    /** The status for {@link Effect#RESPOND}. */
    public int status() {
        return status;
    }

    /** The error message for {@link Effect#RESPOND}. */
    public String message() {
        return message;
    }

    /** The delay for {@link Effect#LATENCY}. */
    public Duration latency() {
        return latency;
    }

    /** The simulated delay after which a {@link Effect#LAND_LATE} request takes effect. */
    public Duration landingDelay() {
        return landingDelay;
    }

    public double probability() {
        return probability;
    }

    /** How many matching requests pass untouched before the fault starts hitting. */
    public int skip() {
        return skip;
    }

    /** How many requests the fault hits at most ({@code -1}: unlimited). */
    public int times() {
        return times;
    }

    long seed() {
        return seed;
    }

    /** Whether this fault is aimed at the request (before skip/times/probability). */
    public boolean aimsAt(Service s, String requestMethod, String servicePath) {
        return (service == Service.ANY || service == s)
                && (method == null || method.equalsIgnoreCase(requestMethod))
                && (path == null || path.matcher(servicePath).find());
    }

    @Override
    public String toString() {
        String what =
                switch (effect) {
                    case RESPOND -> "respond " + status;
                    case LATENCY -> "latency " + latency.toMillis() + "ms";
                    case DISCONNECT -> "disconnect";
                    case DROP_RESPONSE -> "drop response after processing";
                    case TRUNCATE_RESPONSE -> "truncate response after processing";
                    case EMPTY_RESPONSE -> "empty response after processing";
                    case LAND_LATE -> "drop response, land " + landingDelay.toSeconds() + "s later";
                };
        return "Fault[" + service + (method == null ? "" : " " + method) + (path == null ? "" : " " + path) + ": "
                + what + (probability < 1 ? ", p=" + probability : "") + (skip > 0 ? ", skip " + skip : "")
                + (times >= 0 ? ", times " + times : "") + "]";
    }

    /** Builds a {@link Fault}. */
    public static final class Builder {
        private final Service service;
        private String method;
        private Pattern path;
        private Effect effect;
        private int status;
        private String message;
        private Duration latency = Duration.ZERO;
        private Duration landingDelay = Duration.ZERO;
        private double probability = 1.0;
        private int skip;
        private int times = -1;
        private long seed = 42;

        private Builder(Service service) {
            this.service = service;
        }

        /** Only requests with this HTTP method. */
        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /** Only requests whose service-relative path contains a match of this regular expression. */
        public Builder path(String regex) {
            this.path = Pattern.compile(regex);
            return this;
        }

        /** Answer with {@code status} and a generic message, in the service's error format. */
        public Builder respondWith(int status) {
            return respondWith(status, "Simulated fault injected by the testkit (HTTP " + status + ")");
        }

        /** Answer with {@code status} and {@code message}, in the service's error format. */
        public Builder respondWith(int status, String message) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a fault status must be 4xx or 5xx, got " + status);
            }
            this.effect = Effect.RESPOND;
            this.status = status;
            this.message = Objects.requireNonNull(message, "message");
            return this;
        }

        /** Delay the response by {@code delay} (wall time), then answer normally. */
        public Builder latency(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative: " + delay);
            }
            this.effect = Effect.LATENCY;
            this.latency = delay;
            return this;
        }

        /** Close the connection before the request is processed. */
        public Builder disconnect() {
            this.effect = Effect.DISCONNECT;
            return this;
        }

        /** Process the request, then close the connection without answering. */
        public Builder dropResponseAfterProcessing() {
            this.effect = Effect.DROP_RESPONSE;
            return this;
        }

        /** Process the request, then answer with its status and only the first half of its body. */
        public Builder truncateResponseAfterProcessing() {
            this.effect = Effect.TRUNCATE_RESPONSE;
            return this;
        }

        /** Process the request, then answer with its status and an empty body. */
        public Builder emptyResponseAfterProcessing() {
            this.effect = Effect.EMPTY_RESPONSE;
            return this;
        }

        /**
         * Close the connection without answering, and let the request take effect {@code delay} of
         * simulated time later (it lands when the simulator next handles a request or is inspected after
         * that time). For exactly-once tests: a create that reaches Nova after the client saw a reset.
         */
        public Builder landLate(Duration delay) {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("the landing delay must be positive: " + delay);
            }
            this.effect = Effect.LAND_LATE;
            this.landingDelay = delay;
            return this;
        }

        /** Hit a matching request with this probability (seeded, so runs repeat). */
        public Builder probability(double p) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("probability must be in (0, 1], got " + p);
            }
            this.probability = p;
            return this;
        }

        /** The seed of the probability draw. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Let the first {@code n} matching requests through untouched ({@code skip(2).times(1)}: the third only). */
        public Builder skip(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("skip must be >= 0, got " + n);
            }
            this.skip = n;
            return this;
        }

        /** Hit at most {@code n} requests. */
        public Builder times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times must be >= 1, got " + n);
            }
            this.times = n;
            return this;
        }

        public Fault build() {
            return new Fault(this);
        }
    }
}
