/**
 * Keystone v3: credentials (password, application credential, token, OIDC access token), scopes,
 * tokens and service catalogs, projects, regions and application credentials.
 *
 * <pre>{@code
 * Credentials c = Credentials.applicationCredential(id, secret);
 * List<Project> projects = openStack.identity().projects().execute();
 * }</pre>
 */
package app.exosphere.core.auth;
