package app.exosphere.core.instance;

import java.util.Objects;
import java.util.Optional;

/**
 * Which flavor (size) a launch uses: by id, by exact name, or Exosphere's default — the smallest flavor
 * allowed for the image (fewest vCPUs, then least RAM, then smallest disk; restricted by the instance
 * type's {@code restrictFlavorIds}).
 *
 * <pre>{@code
 * FlavorChoice.name("m3.small");
 * FlavorChoice.smallestAllowed();
 * }</pre>
 */
public final class FlavorChoice {

    /** How the flavor is chosen. */
    public enum Kind {
        /** A flavor id. */
        ID,
        /** An exact flavor name. */
        NAME,
        /** The smallest allowed flavor. */
        SMALLEST_ALLOWED
    }

    private static final FlavorChoice SMALLEST = new FlavorChoice(Kind.SMALLEST_ALLOWED, null);

    private final Kind kind;
    private final String value;

    private FlavorChoice(Kind kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    /** The flavor with this id. */
    public static FlavorChoice id(String flavorId) {
        return new FlavorChoice(Kind.ID, ImageChoice.requireText(flavorId, "flavor id"));
    }

    /** The flavor with exactly this name. */
    public static FlavorChoice name(String flavorName) {
        return new FlavorChoice(Kind.NAME, ImageChoice.requireText(flavorName, "flavor name"));
    }

    /** Exosphere's default: the smallest allowed flavor. */
    public static FlavorChoice smallestAllowed() {
        return SMALLEST;
    }

    /** How the flavor is chosen. */
    public Kind kind() {
        return kind;
    }

    /** The id or name, when given. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlavorChoice c && c.kind == kind && Objects.equals(c.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value);
    }

    @Override
    public String toString() {
        return kind == Kind.SMALLEST_ALLOWED ? "SMALLEST_ALLOWED" : kind + "(" + value + ")";
    }
}
