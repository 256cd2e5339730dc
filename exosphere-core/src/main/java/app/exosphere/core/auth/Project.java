package app.exosphere.core.auth;

/**
 * A Keystone project the user can scope to, as listed by {@code GET /v3/auth/projects}.
 *
 * <pre>{@code
 * for (Project p : openStack.projects().execute()) {
 *     OpenStack view = openStack.forProject(p.id());
 * }
 * }</pre>
 *
 * @param id the project id
 * @param name the project name
 * @param domainId the id of the project's domain, or null
 * @param description the description, or null
 * @param enabled whether the project is enabled
 */
public record Project(String id, String name, String domainId, String description, boolean enabled) {}
