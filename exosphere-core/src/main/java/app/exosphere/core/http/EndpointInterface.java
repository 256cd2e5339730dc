package app.exosphere.core.http;

import java.util.Locale;

/**
 * Which catalog endpoint interface to use. Public is the default, as in Exosphere and openstacksdk.
 *
 * <pre>{@code
 * OpenStack internal = openStack.withInterface(EndpointInterface.INTERNAL);
 * }</pre>
 */
public enum EndpointInterface {
    PUBLIC,
    INTERNAL,
    ADMIN;

    /** The catalog spelling ({@code public}, {@code internal}, {@code admin}). */
    public String catalogName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code public}, {@code publicURL}, {@code internal}, {@code internalURL}, {@code admin},
     * {@code adminURL} (case-insensitive), as written in clouds.yaml and OpenRC files.
     */
    public static EndpointInterface parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("url")) {
            v = v.substring(0, v.length() - 3);
        }
        switch (v) {
            case "public":
                return PUBLIC;
            case "internal":
                return INTERNAL;
            case "admin":
                return ADMIN;
            default:
                throw new IllegalArgumentException(
                        "unknown endpoint interface '" + value + "'; use public, internal or admin");
        }
    }
}
