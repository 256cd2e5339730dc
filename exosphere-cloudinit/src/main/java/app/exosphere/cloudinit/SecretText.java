package app.exosphere.cloudinit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret held by the cloud-init and workflow models (an application-credential secret to inject, a
 * Jupyter token read from the console): {@link #toString()} is always {@code <redacted>}, and the value is
 * read on purpose with {@link #reveal()}. This module cannot use exosphere-core's {@code Secret}, which
 * sits above it; the two behave alike.
 *
 * <pre>{@code
 * SecretText secret = SecretText.of("app-cred-secret");
 * String shown = "secret=" + secret;   // "secret=<redacted>"
 * String value = secret.reveal();       // where it must be written
 * }</pre>
 */
public final class SecretText {
    private static final String MASK = "<redacted>";

    private final String value;

    private SecretText(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @throws NullPointerException if {@code value} is {@code null}
     */
    public static SecretText of(String value) {
        return new SecretText(Objects.requireNonNull(value, "value"));
    }

    /** The secret itself: use it where it must be written or sent, never in a message. */
    public String reveal() {
        return value;
    }

    /** Compares in time independent of where the values differ. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SecretText other
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
