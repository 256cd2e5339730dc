package app.exosphere.core.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A link that carries a credential: a Nova remote-console URL (its {@code token} query), a Guacamole or
 * Jupyter URL through the UAP, or the text an interaction hands out. {@link #toString()} is for logs: the
 * scheme, host and path stay, while every query value, any password in the user-info part and any
 * {@code /tokens/…} path segment show as {@code REDACTED} (also after a {@code #}, where Guacamole's
 * client routes put the {@code ?token=} query). The link itself is read on purpose, with
 * {@link #toUriString()}.
 *
 * <pre>{@code
 * SecretUrl console = SecretUrl.of("https://nova.example:6080/vnc_auto.html?path=%3Ftoken%3Db60bcfc3");
 * log.info("console at {}", console);  // console at https://nova.example:6080/vnc_auto.html?path=REDACTED
 * String link = console.toUriString();  // what the browser opens
 * }</pre>
 */
public final class SecretUrl {
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&;][^=&;#?]*=)[^&;#]*");
    private static final Pattern USER_INFO_PASSWORD =
            Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://[^/@:?#]*):[^/@?#]*@");
    private static final Pattern TOKEN_SEGMENT = Pattern.compile("(?i)(/tokens?/)[^/?#]+");
    private static final String MASK = "REDACTED";

    private final String value;

    private SecretUrl(String value) {
        this.value = value;
    }

    /**
     * Wraps a link (any text: it is not parsed, so a relative route or {@code user@host} is fine).
     *
     * @throws NullPointerException if {@code value} is {@code null}
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SecretUrl of(String value) {
        return new SecretUrl(Objects.requireNonNull(value, "value"));
    }

    /** The link itself, credential included: the thing to open, never a text to log. */
    public String toUriString() {
        return value;
    }

    /** The link with its query values, user-info password and token path segments replaced by {@code REDACTED}. */
    public String toRedactedString() {
        String masked = USER_INFO_PASSWORD.matcher(value).replaceFirst("$1:" + MASK + "@");
        masked = TOKEN_SEGMENT.matcher(masked).replaceAll("$1" + MASK);
        return QUERY_VALUE.matcher(masked).replaceAll("$1" + MASK);
    }

    /** {@link #toRedactedString()}: safe in logs and messages. */
    @Override
    public String toString() {
        return toRedactedString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretUrl other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
