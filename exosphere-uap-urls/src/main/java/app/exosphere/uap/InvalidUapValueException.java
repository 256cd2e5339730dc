package app.exosphere.uap;

import java.util.Objects;

/**
 * Thrown when a value given to this library cannot take part in a UAP hostname or URL: an IPv6 or
 * malformed IPv4 address, a port outside 1–65535, a malformed UAP hostname, a request host that is not
 * below the UAP hostname, and so on. The message names the bad value and says what is expected;
 * {@link #reason()} lets callers react programmatically. Secret values (query parameter values such as
 * tokens) are never included.
 *
 * <pre>{@code
 * try {
 *     UapTarget.http("2001:db8::1", 8888);
 * } catch (InvalidUapValueException e) {
 *     e.reason(); // IPV6_NOT_SUPPORTED
 * }
 * }</pre>
 */
public final class InvalidUapValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** What kind of value was rejected. */
    public enum Reason {
        /** An IPv6 address: the UAP hostname scheme only carries IPv4 addresses. */
        IPV6_NOT_SUPPORTED,
        /** Not a dotted-decimal IPv4 address ({@code a.b.c.d}, each 0–255, no leading zeros). */
        MALFORMED_IPV4,
        /** A port outside 1–65535. */
        PORT_OUT_OF_RANGE,
        /** A UAP hostname that breaks the DNS hostname rules (labels, length, characters). */
        MALFORMED_HOSTNAME,
        /** A request host that is not {@code [http-|https-]<a-b-c-d>-<port>.<uap hostname>}. */
        MALFORMED_REQUEST_HOST,
        /** A path containing characters that cannot appear in a URL (control characters). */
        MALFORMED_PATH,
        /** A query parameter that cannot be encoded (empty key, unpaired UTF-16 surrogate). */
        MALFORMED_QUERY
    }

    private final Reason reason;
    private final String value;

    InvalidUapValueException(Reason reason, String value, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.value = value;
    }

    /** What kind of value was rejected. */
    public Reason reason() {
        return reason;
    }

    /**
     * The rejected value as given (never a secret: for {@link Reason#MALFORMED_QUERY} this is the
     * parameter's key), or {@code null} when the value itself was {@code null}.
     */
    public String value() {
        return value;
    }
}
