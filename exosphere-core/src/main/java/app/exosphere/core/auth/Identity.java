package app.exosphere.core.auth;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.ServiceClient;
import java.util.List;

/**
 * Keystone operations of one {@code OpenStack} view: the projects and regions the user can use, and
 * the current user's application credentials (what Exosphere creates after a password login so that
 * the password need not be kept, Exosphere's {@code Rest.Keystone.requestAppCredential}).
 *
 * <pre>{@code
 * Identity keystone = openStack.identity();
 * List<Project> projects = keystone.projects().execute();
 * ApplicationCredential ac =
 *         keystone.createApplicationCredential(ApplicationCredentialRequest.named("gw")).execute();
 * keystone.deleteApplicationCredential(ac.id()).execute();
 * }</pre>
 */
public interface Identity {
    /** {@code GET /v3/auth/projects}: projects the user can scope to. */
    Call<List<Project>> projects();

    /** {@code GET /v3/regions}. */
    Call<List<Region>> regions();

    /**
     * {@code POST /v3/users/{userId}/application_credentials} for the current user and project. The
     * returned credential carries the secret; store it now.
     */
    Call<ApplicationCredential> createApplicationCredential(ApplicationCredentialRequest request);

    /** {@code GET /v3/users/{userId}/application_credentials} (secrets are not returned). */
    Call<List<ApplicationCredential>> applicationCredentials();

    /** {@code DELETE /v3/users/{userId}/application_credentials/{id}}. */
    Call<Void> deleteApplicationCredential(String applicationCredentialId);

    /** The raw Keystone transport (catalog identity endpoint, {@code v3} root) for other calls. */
    ServiceClient client();
}
