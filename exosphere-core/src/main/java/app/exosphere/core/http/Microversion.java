package app.exosphere.core.http;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API microversion such as compute {@code 2.27}, volume {@code 3.71} or placement {@code 1.9}.
 * Ordered numerically (2.9 &lt; 2.27).
 *
 * <pre>{@code
 * Microversion v = Microversion.parse("2.27");
 * boolean ok = v.isAtLeast(Microversion.of(2, 26));
 * }</pre>
 *
 * @param major the major version
 * @param minor the minor version
 */
public record Microversion(int major, int minor) implements Comparable<Microversion> {
    private static final Pattern FORMAT = Pattern.compile("v?(\\d+)\\.(\\d+)");

    public Microversion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("microversion parts must not be negative");
        }
    }

    /** A microversion from its parts. */
    public static Microversion of(int major, int minor) {
        return new Microversion(major, minor);
    }

    /**
     * Parses {@code "2.27"} (an optional leading {@code v} is accepted).
     *
     * @throws IllegalArgumentException if the text is not {@code <major>.<minor>}
     */
    public static Microversion parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a microversion (expected <major>.<minor>): '" + text + "'");
        }
        return new Microversion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** True if this is greater than or equal to {@code other}. */
    public boolean isAtLeast(Microversion other) {
        return compareTo(other) >= 0;
    }

    /** The smaller of two microversions. */
    public static Microversion min(Microversion a, Microversion b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public int compareTo(Microversion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    // written out: the record's generated equals/hashCode are bootstrapped through
    // java.lang.runtime.ObjectMethods on first use, a cost a fresh JVM pays on its first call
    @Override
    public final int hashCode() {
        return 31 * major + minor;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof Microversion m && major == m.major && minor == m.minor;
    }
}
