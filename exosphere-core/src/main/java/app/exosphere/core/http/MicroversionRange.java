package app.exosphere.core.http;

import java.util.Objects;

/**
 * The microversions a service endpoint supports, read from its version document
 * ({@code min_version} and {@code version}/{@code max_version}).
 *
 * <pre>{@code
 * MicroversionRange range = openStack.service(ServiceType.COMPUTE).microversions().execute();
 * boolean tagsSupported = range.supports(Microversion.parse("2.26"));
 * }</pre>
 *
 * @param min the lowest supported microversion
 * @param max the highest supported microversion
 */
public record MicroversionRange(Microversion min, Microversion max) {
    public MicroversionRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }

    /** True if {@code v} lies within {@code [min, max]}. */
    public boolean supports(Microversion v) {
        return v.isAtLeast(min) && max.isAtLeast(v);
    }

    @Override
    public String toString() {
        return min + ".." + max;
    }
}
