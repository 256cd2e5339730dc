package app.exosphere.core.share;

import java.util.Locale;

/**
 * The level of an access rule: read-write ({@code rw}) or read-only ({@code ro}).
 *
 * <pre>{@code
 * AccessRuleRequest ro = AccessRuleRequest.cephx("data-ro", AccessLevel.RO);
 * }</pre>
 */
public enum AccessLevel {
    /** {@code rw}, shown by the web app as "read-write". */
    RW,
    /** {@code ro}, shown by the web app as "read-only". */
    RO;

    /** Manila's string ({@code rw}/{@code ro}). */
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The web app's label: "read-write" or "read-only". */
    public String label() {
        return this == RW ? "read-write" : "read-only";
    }
}
