package app.exosphere.core.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value (a password, an application-credential secret, a token, an exouser passphrase, a
 * Guacamole token) whose {@link #toString()} never shows it. The value is read only on purpose, with
 * {@link #reveal()}; printing, logging or concatenating a {@code Secret} gives {@code <redacted>}.
 *
 * <pre>{@code
 * Secret pw = instance.passphrase().orElseThrow();
 * log.info("passphrase: {}", pw);      // passphrase: <redacted>
 * char[] forSsh = pw.reveal().toCharArray();   // the value, where it is needed
 * }</pre>
 */
public final class Secret {
    private static final String MASK = "<redacted>";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @throws NullPointerException if {@code value} is {@code null}
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** The secret itself: use it where it must be sent, never in a message. */
    public String reveal() {
        return value;
    }

    /** Whether the value is the empty string. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Compares in time independent of where the values differ. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always {@code <redacted>}. */
    @Override
    public String toString() {
        return MASK;
    }
}
