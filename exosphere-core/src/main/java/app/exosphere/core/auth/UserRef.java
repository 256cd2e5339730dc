package app.exosphere.core.auth;

import java.util.Objects;

/**
 * A Keystone user named by id, or by name within a domain.
 *
 * <pre>{@code
 * UserRef u = UserRef.name("alice", DomainRef.of("Default"));
 * }</pre>
 *
 * @param id the user id, or null
 * @param name the user name, or null
 * @param domain the user's domain (required with a name)
 */
public record UserRef(String id, String name, DomainRef domain) {
    public UserRef {
        if ((id == null) == (name == null)) {
            throw new IllegalArgumentException("a user is named by exactly one of id or name");
        }
        if (name != null && domain == null) {
            throw new IllegalArgumentException(
                    "a user named '" + name + "' needs a domain (e.g. DomainRef.of(\"Default\"))");
        }
    }

    /** The user with this id. */
    public static UserRef id(String id) {
        return new UserRef(Objects.requireNonNull(id, "id"), null, null);
    }

    /** The user with this name in {@code domain}. */
    public static UserRef name(String name, DomainRef domain) {
        return new UserRef(null, Objects.requireNonNull(name, "name"), domain);
    }

    @Override
    public String toString() {
        return id != null ? "user id " + id : "user " + name + " (" + domain + ")";
    }
}
