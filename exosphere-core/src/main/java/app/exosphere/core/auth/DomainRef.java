package app.exosphere.core.auth;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Keystone domain named by id or by name.
 *
 * <pre>{@code
 * DomainRef d = DomainRef.of("Default");   // a name
 * DomainRef e = DomainRef.of("default");   // the id of the default domain
 * }</pre>
 *
 * @param id the domain id, or null
 * @param name the domain name, or null
 */
public record DomainRef(String id, String name) {
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

    public DomainRef {
        if ((id == null) == (name == null)) {
            throw new IllegalArgumentException("a domain is named by exactly one of id or name");
        }
    }

    /** The domain with this id. */
    public static DomainRef id(String id) {
        return new DomainRef(Objects.requireNonNull(id, "id"), null);
    }

    /** The domain with this name. */
    public static DomainRef name(String name) {
        return new DomainRef(null, Objects.requireNonNull(name, "name"));
    }

    /**
     * Exosphere's rule for a user-typed domain: an id if it is a UUID (32 hex digits once hyphens are
     * removed) or exactly {@code default}, else a name.
     */
    // Exosphere's `Helpers.stringIsUuidOrDefault`
    public static DomainRef of(String value) {
        Objects.requireNonNull(value, "value");
        return isUuidOrDefault(value) ? id(value) : name(value);
    }

    /** True for {@code default} or 32 hex digits once {@code -} is removed (Exosphere's {@code Helpers.stringIsUuidOrDefault}). */
    public static boolean isUuidOrDefault(String value) {
        return "default".equals(value) || HEX32.matcher(value.replace("-", "")).matches();
    }

    @Override
    public String toString() {
        return id != null ? "domain id " + id : "domain " + name;
    }

    // written out, as Scope's: the record defaults are bootstrapped through ObjectMethods on first use
    @Override
    public final int hashCode() {
        return Objects.hash(id, name);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof DomainRef d && Objects.equals(id, d.id) && Objects.equals(name, d.name);
    }
}
