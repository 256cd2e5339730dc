package app.exosphere.core.auth;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * How to authenticate with Keystone v3. The secret parts never appear in {@code toString()}, logs or
 * exception messages.
 *
 * <ul>
 *   <li>{@link #password(UserRef, String)}: re-authenticates by itself whenever a token runs out.
 *   <li>{@link #applicationCredential(String, String)} (or by name and user): what Exosphere stores
 *       after a password login (Exosphere's {@code Rest.Keystone.requestAppCredential}); the token is scoped to the credential's project.
 *   <li>{@link #token(String)}: an existing token; the session ends with an
 *       {@code AuthenticationExpiredException} when it expires.
 *   <li>{@link #oidcAccessToken(String, String, Supplier)}: an OpenID Connect access token exchanged
 *       through Keystone federation; the supplier is asked again whenever a new Keystone token is
 *       needed.
 * </ul>
 *
 * <pre>{@code
 * Credentials c = Credentials.password(UserRef.name("alice", DomainRef.of("Default")), password);
 * Credentials a = Credentials.applicationCredential(id, secret);
 * }</pre>
 */
public sealed interface Credentials
        permits Credentials.Password,
                Credentials.ApplicationCredential,
                Credentials.Token,
                Credentials.OidcAccessToken {

    /** Password authentication of {@code user}. */
    static Credentials password(UserRef user, String password) {
        return new Password(user, Secret.of(Objects.requireNonNull(password, "password")));
    }

    /** Application credential by id (the usual form). */
    static Credentials applicationCredential(String id, String secret) {
        return new ApplicationCredential(
                Objects.requireNonNull(id, "id"), null, null, Secret.of(Objects.requireNonNull(secret, "secret")));
    }

    /** Application credential by name, which needs its owner. */
    static Credentials applicationCredential(String name, UserRef user, String secret) {
        return new ApplicationCredential(
                null,
                Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(user, "user"),
                Secret.of(Objects.requireNonNull(secret, "secret")));
    }

    /** An existing Keystone token (unscoped or scoped). */
    static Credentials token(String token) {
        return new Token(Secret.of(Objects.requireNonNull(token, "token")));
    }

    /** An OIDC access token exchanged at {@code OS-FEDERATION/identity_providers/{idp}/protocols/{protocol}/auth}. */
    static Credentials oidcAccessToken(String identityProvider, String protocol, String accessToken) {
        Secret value = Secret.of(Objects.requireNonNull(accessToken, "accessToken"));
        return new OidcAccessToken(identityProvider, protocol, () -> value);
    }

    /** An OIDC access token obtained afresh from {@code accessToken} each time one is needed. */
    static Credentials oidcAccessToken(String identityProvider, String protocol, Supplier<String> accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        return new OidcAccessToken(identityProvider, protocol, () -> {
            String value = accessToken.get();
            return value == null ? null : Secret.of(value);
        });
    }

    /** True if the SDK can obtain a new token by itself when the current one expires. */
    boolean canReauthenticate();

    /**
     * Password credentials.
     *
     * @param user the user
     * @param password the password (never printed)
     */
    record Password(UserRef user, Secret password) implements Credentials {
        public Password {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public boolean canReauthenticate() {
            return true;
        }

        @Override
        public String toString() {
            return "Password[" + user + ", password=<redacted>]";
        }
    }

    /**
     * Application credentials.
     *
     * @param id the credential id, or null when named
     * @param name the credential name, or null
     * @param user the owner (needed with a name), or null
     * @param secret the secret (never printed)
     */
    record ApplicationCredential(String id, String name, UserRef user, Secret secret) implements Credentials {
        public ApplicationCredential {
            Objects.requireNonNull(secret, "secret");
            if (id == null && (name == null || user == null)) {
                throw new IllegalArgumentException("an application credential needs an id, or a name and a user");
            }
        }

        @Override
        public boolean canReauthenticate() {
            return true;
        }

        @Override
        public String toString() {
            return "ApplicationCredential[" + (id != null ? "id " + id : name + " of " + user) + ", secret=<redacted>]";
        }
    }

    /**
     * An existing token.
     *
     * @param token the token (never printed)
     */
    record Token(Secret token) implements Credentials {
        public Token {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public boolean canReauthenticate() {
            return false;
        }

        @Override
        public String toString() {
            return "Token[<redacted>]";
        }
    }

    /**
     * OIDC access token through Keystone federation.
     *
     * @param identityProvider the Keystone identity provider id
     * @param protocol the federation protocol id (often {@code openid})
     * @param accessToken supplies the current access token (never printed), or {@code null} when it has none
     */
    record OidcAccessToken(String identityProvider, String protocol, Supplier<Secret> accessToken)
            implements Credentials {
        public OidcAccessToken {
            Objects.requireNonNull(identityProvider, "identityProvider");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(accessToken, "accessToken");
        }

        @Override
        public boolean canReauthenticate() {
            return true;
        }

        @Override
        public String toString() {
            return "OidcAccessToken[" + identityProvider + "/" + protocol + ", accessToken=<redacted>]";
        }
    }
}
