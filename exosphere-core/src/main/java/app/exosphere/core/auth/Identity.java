package app.exosphere.core.auth;

import app.exosphere.core.http.ServiceClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Keystone operations of one {@code OpenStack} view: the projects and regions the user can use, and
 * the current user's application credentials (what Exosphere creates after a password login so that
 * the password need not be kept, Exosphere's {@code Rest.Keystone.requestAppCredential}).
 *
 * <pre>{@code
 * Identity keystone = openStack.identity();
 * List<Project> projects = keystone.projects();
 * ApplicationCredential ac = keystone.createApplicationCredential(ApplicationCredentialRequest.named("gw"));
 * keystone.deleteApplicationCredential(ac.id());
 * }</pre>
 */
public interface Identity {
    /** {@code GET /v3/auth/projects}: projects the user can scope to. */
    List<Project> projects();

    CompletableFuture<List<Project>> projectsAsync();

    /** {@code GET /v3/regions}. */
    List<Region> regions();

    CompletableFuture<List<Region>> regionsAsync();

    /**
     * {@code POST /v3/users/{userId}/application_credentials} for the current user and project. The
     * returned credential carries the secret; store it now.
     */
    ApplicationCredential createApplicationCredential(ApplicationCredentialRequest request);

    CompletableFuture<ApplicationCredential> createApplicationCredentialAsync(ApplicationCredentialRequest request);

    /** {@code GET /v3/users/{userId}/application_credentials} (secrets are not returned). */
    List<ApplicationCredential> applicationCredentials();

    /** {@code DELETE /v3/users/{userId}/application_credentials/{id}}. */
    void deleteApplicationCredential(String applicationCredentialId);

    CompletableFuture<Void> deleteApplicationCredentialAsync(String applicationCredentialId);

    /** The raw Keystone transport (catalog identity endpoint, {@code v3} root) for other calls. */
    ServiceClient client();
}
