package app.exosphere.core.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Keystone token and what it says about the session: user, project, roles, expiry and catalog.
 * {@link #toString()} never prints the token itself; {@link #id()} returns it as a {@link Secret}
 * ({@code id().reveal()} for callers that must hand it to another tool).
 *
 * <pre>{@code
 * TokenInfo t = openStack.token().execute();
 * System.out.println(t.user().name() + " in " + t.project().map(ScopeTarget::name).orElse("-")
 *         + " until " + t.expiresAt());
 * }</pre>
 */
public final class TokenInfo {
    private final Secret id;
    private final Instant expiresAt;
    private final Instant issuedAt;
    private final List<String> methods;
    private final ScopeTarget user;
    private final ScopeTarget project;
    private final ScopeTarget domain;
    private final List<String> roles;
    private final ServiceCatalog catalog;
    private final String applicationCredentialId;

    /**
     * Creates token information (the SDK builds these from Keystone responses).
     *
     * @param id the token (X-Subject-Token)
     * @param expiresAt expiry
     * @param issuedAt issue time, or null
     * @param methods authentication methods
     * @param user the user
     * @param project the scoped project, or null
     * @param domain the scoped domain, or null
     * @param roles role names
     * @param catalog the catalog (empty if unscoped)
     * @param applicationCredentialId the application credential used, or null
     */
    public TokenInfo(
            String id,
            Instant expiresAt,
            Instant issuedAt,
            List<String> methods,
            ScopeTarget user,
            ScopeTarget project,
            ScopeTarget domain,
            List<String> roles,
            ServiceCatalog catalog,
            String applicationCredentialId) {
        this.id = Secret.of(Objects.requireNonNull(id, "id"));
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.issuedAt = issuedAt;
        this.methods = List.copyOf(methods);
        this.user = Objects.requireNonNull(user, "user");
        this.project = project;
        this.domain = domain;
        this.roles = List.copyOf(roles);
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.applicationCredentialId = applicationCredentialId;
    }

    /** The token itself, as a {@link Secret}: {@code reveal()} it only to send it. */
    public Secret id() {
        return id;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> issuedAt() {
        return Optional.ofNullable(issuedAt);
    }

    /** Authentication methods ({@code password}, {@code application_credential}, {@code token}, ...). */
    public List<String> methods() {
        return methods;
    }

    public ScopeTarget user() {
        return user;
    }

    /** The project the token is scoped to. */
    public Optional<ScopeTarget> project() {
        return Optional.ofNullable(project);
    }

    /** The domain the token is scoped to. */
    public Optional<ScopeTarget> domain() {
        return Optional.ofNullable(domain);
    }

    public List<String> roles() {
        return roles;
    }

    public ServiceCatalog catalog() {
        return catalog;
    }

    /** The application credential the token was issued for, if any. */
    public Optional<String> applicationCredentialId() {
        return Optional.ofNullable(applicationCredentialId);
    }

    /** True if the token expires before {@code instant}. */
    public boolean expiresBefore(Instant instant) {
        return expiresAt.isBefore(instant);
    }

    @Override
    public String toString() {
        return "TokenInfo{user=" + user.name() + ", project=" + (project == null ? "-" : project.name())
                + ", expiresAt=" + expiresAt + ", token=<redacted>}";
    }
}
