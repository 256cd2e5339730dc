package app.exosphere.core.internal;

import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.Scope;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.auth.TokenInfo;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.error.AuthenticationExpiredException;
import app.exosphere.core.error.ConfigurationException;
import app.exosphere.core.error.UnauthorizedException;
import app.exosphere.core.internal.calls.Futures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keystone v3 authentication and the token cache of one {@code OpenStack} root: one slot per scope,
 * proactive refresh before expiry, single-flight re-authentication, and the token-only expiry rule.
 */
public final class Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger("app.exosphere.core.auth");
    private static final String JSON = "application/json";
    private static final Duration MIN_TOKEN_USE = Duration.ofSeconds(30);

    private final HttpEngine engine;
    private final HttpUrl v3Root;
    private final Credentials credentials;
    private final Duration refreshMargin;
    private final ConcurrentMap<Scope, TokenSlot> slots = new ConcurrentHashMap<>();

    public Authenticator(HttpEngine engine, HttpUrl v3Root, Credentials credentials, Duration refreshMargin) {
        this.engine = engine;
        this.v3Root = v3Root;
        this.credentials = credentials;
        this.refreshMargin = refreshMargin;
    }

    public HttpUrl v3Root() {
        return v3Root;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The valid token for {@code scope}, issuing or refreshing it as needed. */
    public CompletableFuture<TokenInfo> token(Scope scope) {
        return slot(scope).get(null).thenApply(t -> checkScope(scope, t));
    }

    /** A binding that supplies the token of {@code scope} to the HTTP engine. */
    public AuthBinding binding(Scope scope) {
        TokenSlot slot = slot(scope);
        return new AuthBinding() {
            @Override
            public CompletableFuture<String> token() {
                return slot.get(null).thenApply(t -> checkScope(scope, t).id().reveal());
            }

            @Override
            public CompletableFuture<String> reauthenticate(String rejected) {
                return slot.get(rejected).thenApply(t -> t.id().reveal());
            }
        };
    }

    private TokenSlot slot(Scope scope) {
        // application credentials carry their own scope: every view shares one token
        Scope key = credentials instanceof Credentials.ApplicationCredential ? Scope.unscoped() : scope;
        return slots.computeIfAbsent(key, TokenSlot::new);
    }

    private TokenInfo checkScope(Scope scope, TokenInfo t) {
        if (credentials instanceof Credentials.ApplicationCredential && scope.kind() == Scope.Kind.PROJECT) {
            boolean matches = t.project()
                    .map(p -> (scope.id() != null && scope.id().equals(p.id()))
                            || (scope.name() != null && scope.name().equals(p.name())))
                    .orElse(false);
            if (!matches) {
                throw new ConfigurationException("application credential "
                        + t.applicationCredentialId().orElse("?") + " is bound to project "
                        + t.project().map(p -> p.name() + " (" + p.id() + ")").orElse("-")
                        + "; it cannot act in " + scope + ". Create an application credential for that project.");
            }
        }
        return t;
    }

    /** One scope's token, refreshed single-flight. */
    private final class TokenSlot {
        private final Scope scope;
        private TokenInfo current;
        private Instant obtainedAt;
        private CompletableFuture<TokenInfo> inflight;

        TokenSlot(Scope scope) {
            this.scope = scope;
        }

        /** The current token; with {@code rejected} non-null, a token other than the rejected one. */
        synchronized CompletableFuture<TokenInfo> get(String rejected) {
            Instant now = engine.clock().instant();
            if (current != null) {
                boolean wasRejected =
                        rejected != null && rejected.equals(current.id().reveal());
                // within the margin, but a token we just obtained is used for a while anyway, so a
                // Keystone issuing tokens shorter than the margin does not cause a re-auth per request
                boolean stale = !now.isBefore(current.expiresAt())
                        || (!now.plus(refreshMargin).isBefore(current.expiresAt())
                                && now.isAfter(obtainedAt.plus(MIN_TOKEN_USE)));
                if (!wasRejected && !stale) {
                    return CompletableFuture.completedFuture(current);
                }
                if (!credentials.canReauthenticate()) {
                    if (!wasRejected && now.isBefore(current.expiresAt())) {
                        return CompletableFuture.completedFuture(current); // nothing to refresh with
                    }
                    return CompletableFuture.failedFuture(new AuthenticationExpiredException(
                            "the token this session was built from "
                                    + (wasRejected
                                            ? "was rejected (expired or revoked)"
                                            : "expired at " + current.expiresAt())
                                    + "; authenticate again with fresh credentials",
                            current.expiresAt()));
                }
            }
            if (inflight != null) {
                return inflight;
            }
            CompletableFuture<TokenInfo> f;
            try {
                f = issue(scope);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            inflight = f;
            f.whenComplete((t, e) -> {
                synchronized (TokenSlot.this) {
                    inflight = null;
                    if (t != null) {
                        current = t;
                        obtainedAt = engine.clock().instant();
                    }
                }
            });
            return f;
        }
    }

    private CompletableFuture<TokenInfo> issue(Scope scope) {
        LOG.debug(
                "requesting a Keystone token for {} with {}",
                scope,
                credentials.getClass().getSimpleName());
        if (credentials instanceof Credentials.Password p) {
            return postToken(passwordBody(p, scope));
        }
        if (credentials instanceof Credentials.ApplicationCredential ac) {
            return postToken(appCredBody(ac));
        }
        if (credentials instanceof Credentials.Token t) {
            if (scope.isUnscoped()) {
                return validate(t.token().reveal()).exceptionallyCompose(e -> expiredIfUnauthorized(e));
            }
            return postToken(tokenBody(t.token().reveal(), scope)).exceptionallyCompose(e -> expiredIfUnauthorized(e));
        }
        Credentials.OidcAccessToken oidc = (Credentials.OidcAccessToken) credentials;
        if (scope.isUnscoped()) {
            return federate(oidc);
        }
        return slot(Scope.unscoped())
                .get(null)
                .thenCompose(base -> postToken(tokenBody(base.id().reveal(), scope)));
    }

    private static CompletableFuture<TokenInfo> expiredIfUnauthorized(Throwable e) {
        Throwable c = Futures.unwrap(e);
        if (c instanceof UnauthorizedException) {
            return CompletableFuture.failedFuture(new AuthenticationExpiredException(
                    "Keystone rejected the session token (expired or revoked); authenticate again", null));
        }
        return CompletableFuture.failedFuture(c);
    }

    private CompletableFuture<TokenInfo> postToken(ObjectNode body) {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        Exchange ex = new Exchange(
                "identity",
                "POST",
                KeystoneUrls.resolve(v3Root, "auth/tokens"),
                Headers.of(),
                bytes,
                JSON,
                true, // issuing a token twice is harmless
                null);
        return engine.execute(ex)
                .thenApply(r -> TokenParser.parse(
                        r.header("X-Subject-Token").orElse(null),
                        r.json(),
                        r.requestId().orElse(null)));
    }

    private CompletableFuture<TokenInfo> validate(String token) {
        Exchange ex = new Exchange(
                "identity",
                "GET",
                KeystoneUrls.resolve(v3Root, "auth/tokens"),
                Headers.of("X-Auth-Token", token, "X-Subject-Token", token),
                null,
                null,
                true,
                null);
        return engine.execute(ex)
                .thenApply(r -> TokenParser.parse(
                        r.header("X-Subject-Token").orElse(token),
                        r.json(),
                        r.requestId().orElse(null)));
    }

    private CompletableFuture<TokenInfo> federate(Credentials.OidcAccessToken oidc) {
        Secret supplied = oidc.accessToken().get();
        String accessToken = supplied == null ? null : supplied.reveal();
        if (accessToken == null || accessToken.isBlank()) {
            return CompletableFuture.failedFuture(new AuthenticationExpiredException(
                    "the OIDC access token supplier returned no token; log the user in again", null));
        }
        HttpUrl url = KeystoneUrls.resolve(
                v3Root,
                "OS-FEDERATION/identity_providers/"
                        + app.exosphere.core.http.OpenStackRequest.encodeSegment(oidc.identityProvider())
                        + "/protocols/" + app.exosphere.core.http.OpenStackRequest.encodeSegment(oidc.protocol())
                        + "/auth");
        Exchange ex = new Exchange(
                "identity",
                "POST",
                url,
                Headers.of("Authorization", "Bearer " + accessToken),
                new byte[0],
                JSON,
                true,
                null);
        return engine.execute(ex)
                .thenApply(r -> TokenParser.parse(
                        r.header("X-Subject-Token").orElse(null),
                        r.json(),
                        r.requestId().orElse(null)))
                .exceptionallyCompose(e -> {
                    Throwable c = Futures.unwrap(e);
                    if (c instanceof UnauthorizedException) {
                        return CompletableFuture.failedFuture(new AuthenticationExpiredException(
                                "Keystone rejected the OIDC access token for identity provider "
                                        + oidc.identityProvider() + " (expired or not mapped); obtain a new one",
                                null));
                    }
                    return CompletableFuture.failedFuture(c);
                });
    }

    private ObjectMapper mapper() {
        return engine.mapper();
    }

    private ObjectNode passwordBody(Credentials.Password p, Scope scope) {
        ObjectNode root = mapper().createObjectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        putUser(user, p.user());
        user.put("password", p.password().reveal());
        putScope(auth, scope);
        return root;
    }

    private ObjectNode appCredBody(Credentials.ApplicationCredential ac) {
        ObjectNode root = mapper().createObjectNode();
        ObjectNode identity = root.putObject("auth").putObject("identity");
        identity.putArray("methods").add("application_credential");
        ObjectNode cred = identity.putObject("application_credential");
        if (ac.id() != null) {
            cred.put("id", ac.id());
        } else {
            cred.put("name", ac.name());
            putUser(cred.putObject("user"), ac.user());
        }
        cred.put("secret", ac.secret().reveal());
        return root;
    }

    private ObjectNode tokenBody(String token, Scope scope) {
        ObjectNode root = mapper().createObjectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("token");
        identity.putObject("token").put("id", token);
        putScope(auth, scope);
        return root;
    }

    private static void putUser(ObjectNode user, UserRef ref) {
        if (ref.id() != null) {
            user.put("id", ref.id());
        } else {
            user.put("name", ref.name());
            putDomain(user.putObject("domain"), ref.domain());
        }
    }

    private static void putDomain(ObjectNode node, DomainRef d) {
        if (d.id() != null) {
            node.put("id", d.id());
        } else {
            node.put("name", d.name());
        }
    }

    private static void putScope(ObjectNode auth, Scope scope) {
        switch (scope.kind()) {
            case PROJECT: {
                ObjectNode project = auth.putObject("scope").putObject("project");
                if (scope.id() != null) {
                    project.put("id", scope.id());
                } else {
                    project.put("name", scope.name());
                    putDomain(project.putObject("domain"), scope.domain());
                }
                break;
            }
            case DOMAIN: {
                ObjectNode domain = auth.putObject("scope").putObject("domain");
                if (scope.id() != null) {
                    domain.put("id", scope.id());
                } else {
                    domain.put("name", scope.name());
                }
                break;
            }
            case SYSTEM:
                auth.putObject("scope").putObject("system").put("all", true);
                break;
            default:
                break;
        }
    }
}
