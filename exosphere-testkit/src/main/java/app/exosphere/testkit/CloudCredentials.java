package app.exosphere.testkit;

import java.util.Objects;

/**
 * What a client needs to authenticate to a {@link CloudSimulator}: the Keystone URL, a user with a
 * password, the project, a ready-made application credential and an OIDC access token.
 * {@link #toString()} never shows a secret.
 *
 * <pre>{@code
 * CloudCredentials c = cloud.credentials();
 * String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{"
 *     + "\"name\":\"" + c.username() + "\",\"domain\":{\"id\":\"default\"},\"password\":\"" + c.password() + "\"}}}}}";
 * }</pre>
 *
 * @param authUrl the Keystone v3 URL, e.g. {@code http://127.0.0.1:41234/v3}
 * @param username the Keystone user name
 * @param password the user's password
 * @param userDomainName the user's domain name ({@code Default})
 * @param userDomainId the user's domain id ({@code default})
 * @param userId the Keystone user id
 * @param projectName the project's name
 * @param projectId the project's id
 * @param projectDomainName the project's domain name
 * @param defaultRegion the first region of the scenario (e.g. {@code IU})
 * @param applicationCredentialId the id of an application credential created for the project
 * @param applicationCredentialSecret its secret
 * @param oidcIdentityProvider the federated identity provider id ({@code /v3/OS-FEDERATION/identity_providers/{idp}})
 * @param oidcProtocol the federation protocol id ({@code openid})
 * @param oidcAccessToken an access token Keystone accepts for that identity provider
 */
public record CloudCredentials(
        String authUrl,
        String username,
        String password,
        String userDomainName,
        String userDomainId,
        String userId,
        String projectName,
        String projectId,
        String projectDomainName,
        String defaultRegion,
        String applicationCredentialId,
        String applicationCredentialSecret,
        String oidcIdentityProvider,
        String oidcProtocol,
        String oidcAccessToken) {

    /** Checks that nothing is null. */
    public CloudCredentials {
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(applicationCredentialSecret, "applicationCredentialSecret");
        Objects.requireNonNull(oidcAccessToken, "oidcAccessToken");
    }

    /** The OIDC token endpoint of the simulated identity provider's protocol. */
    public String oidcAuthUrl() {
        return authUrl + "/OS-FEDERATION/identity_providers/" + oidcIdentityProvider + "/protocols/" + oidcProtocol
                + "/auth";
    }

    @Override
    public String toString() {
        return "CloudCredentials[authUrl=" + authUrl + ", username=" + username + ", project=" + projectName + " ("
                + projectId + "), region=" + defaultRegion + ", applicationCredentialId=" + applicationCredentialId
                + ", secrets=<redacted>]";
    }
}
