package app.exosphere.core.auth;

/**
 * A user, project or domain as named inside a token: id, name and owning domain.
 *
 * <pre>{@code
 * ScopeTarget p = openStack.token().execute().project().orElseThrow();
 * String where = p.name() + " in " + p.domainName();
 * }</pre>
 *
 * @param id the id
 * @param name the name
 * @param domainId the owning domain's id, or null
 * @param domainName the owning domain's name, or null
 */
public record ScopeTarget(String id, String name, String domainId, String domainName) {}
