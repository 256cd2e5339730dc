package app.exosphere.core.auth;

import java.util.Objects;

/**
 * What a token is scoped to: nothing (unscoped), a project by id or by name within a domain, or a
 * domain. Application credentials carry their own project: use {@link #unscoped()} or that project.
 *
 * <pre>{@code
 * Scope s = Scope.projectName("demo", DomainRef.of("Default"));
 * OpenStack demo = openStack.forProject(s);
 * }</pre>
 *
 * @param kind what is scoped to
 * @param id the project or domain id, or null
 * @param name the project or domain name, or null
 * @param domain the project's domain when named by name, or null
 */
public record Scope(Kind kind, String id, String name, DomainRef domain) {
    /** The kinds of scope. */
    public enum Kind {
        UNSCOPED,
        PROJECT,
        DOMAIN,
        SYSTEM
    }

    private static final Scope UNSCOPED = new Scope(Kind.UNSCOPED, null, null, null);
    private static final Scope SYSTEM = new Scope(Kind.SYSTEM, null, null, null);

    public Scope {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.PROJECT && id == null && (name == null || domain == null)) {
            throw new IllegalArgumentException("a project scope needs an id, or a name and a domain");
        }
        if (kind == Kind.DOMAIN && id == null && name == null) {
            throw new IllegalArgumentException("a domain scope needs an id or a name");
        }
    }

    /** No scope: the token can list projects and regions but has no service catalog. */
    public static Scope unscoped() {
        return UNSCOPED;
    }

    /** The system scope (cloud administrators). */
    public static Scope system() {
        return SYSTEM;
    }

    /** The project with this id. */
    public static Scope project(String projectId) {
        return new Scope(Kind.PROJECT, Objects.requireNonNull(projectId, "projectId"), null, null);
    }

    /** The project with this name in {@code domain}. */
    public static Scope projectName(String projectName, DomainRef domain) {
        return new Scope(
                Kind.PROJECT, null, Objects.requireNonNull(projectName, "projectName"), Objects.requireNonNull(domain));
    }

    /** The domain with this id. */
    public static Scope domain(String domainId) {
        return new Scope(Kind.DOMAIN, Objects.requireNonNull(domainId, "domainId"), null, null);
    }

    /** The domain with this name. */
    public static Scope domainName(String domainName) {
        return new Scope(Kind.DOMAIN, null, Objects.requireNonNull(domainName, "domainName"), null);
    }

    /** True for {@link Kind#UNSCOPED}. */
    public boolean isUnscoped() {
        return kind == Kind.UNSCOPED;
    }

    @Override
    public String toString() {
        switch (kind) {
            case PROJECT:
                return id != null ? "project " + id : "project " + name + " (" + domain + ")";
            case DOMAIN:
                return id != null ? "domain id " + id : "domain " + name;
            default:
                return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    // equals and hashCode written out: the record's generated ones are bootstrapped through
    // java.lang.runtime.ObjectMethods on first use, which costs a fresh JVM tens of milliseconds of
    // method-handle spinning on its first call (the token cache is keyed by Scope)
    @Override
    public final int hashCode() {
        return Objects.hash(kind, id, name, domain);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof Scope s
                && kind == s.kind
                && Objects.equals(id, s.id)
                && Objects.equals(name, s.name)
                && Objects.equals(domain, s.domain);
    }
}
