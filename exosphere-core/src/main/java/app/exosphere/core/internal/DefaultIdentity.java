package app.exosphere.core.internal;

import app.exosphere.core.auth.ApplicationCredential;
import app.exosphere.core.auth.ApplicationCredentialRequest;
import app.exosphere.core.auth.Identity;
import app.exosphere.core.auth.Project;
import app.exosphere.core.auth.Region;
import app.exosphere.core.auth.Scope;
import app.exosphere.core.auth.TokenInfo;
import app.exosphere.core.http.Call;
import app.exosphere.core.http.EndpointInterface;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.internal.calls.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Keystone calls of one view. */
public final class DefaultIdentity implements Identity {
    private final Context ctx;
    private final Scope scope;
    private final ServiceClient authRoot;
    private final ServiceClient catalogIdentity;

    public DefaultIdentity(Context ctx, Scope scope, String region, EndpointInterface iface) {
        this.ctx = ctx;
        this.scope = scope;
        this.authRoot = new DefaultServiceClient(
                ctx, ServiceType.IDENTITY, scope, region, iface, ctx.auth().v3Root());
        this.catalogIdentity = new DefaultServiceClient(ctx, ServiceType.IDENTITY, scope, region, iface);
    }

    @Override
    public ServiceClient client() {
        return catalogIdentity;
    }

    @Override
    public Call<List<Project>> projects() {
        // Exosphere's `Rest.Keystone.requestUnscopedProjects`: listed at the auth URL with the current token
        return Operation.fromAsync(() -> authRoot.get("auth/projects")
                .paginate("projects", JsonNode.class)
                .all()
                .executeAsync()
                .thenApply(nodes -> {
                    List<Project> out = new ArrayList<>();
                    for (JsonNode p : nodes) {
                        out.add(new Project(
                                p.path("id").asText(),
                                p.path("name").asText(),
                                p.path("domain_id").asText(null),
                                p.path("description").asText(null),
                                p.path("enabled").asBoolean(true)));
                    }
                    return out;
                }));
    }

    @Override
    public Call<List<Region>> regions() {
        return Operation.fromAsync(() -> authRoot.get("regions")
                .paginate("regions", JsonNode.class)
                .all()
                .executeAsync()
                .thenApply(nodes -> {
                    List<Region> out = new ArrayList<>();
                    for (JsonNode r : nodes) {
                        out.add(new Region(
                                r.path("id").asText(),
                                r.path("description").asText(""),
                                r.path("parent_region_id").isTextual()
                                        ? r.get("parent_region_id").asText()
                                        : null));
                    }
                    return out;
                }));
    }

    private CompletableFuture<ServiceClient> keystone() {
        return ctx.auth().token(scope).thenApply(t -> t.catalog().services().isEmpty() ? authRoot : catalogIdentity);
    }

    private CompletableFuture<TokenInfo> token() {
        return ctx.auth().token(scope);
    }

    @Override
    public Call<ApplicationCredential> createApplicationCredential(ApplicationCredentialRequest request) {
        ObjectNode body = ctx.engine().mapper().createObjectNode();
        ObjectNode ac = body.putObject("application_credential");
        ac.put("name", request.name());
        request.description().ifPresent(d -> ac.put("description", d));
        request.expiresAt().ifPresent(e -> ac.put("expires_at", e.toString()));
        if (!request.roles().isEmpty()) {
            request.roles().forEach(r -> ac.withArray("roles").addObject().put("name", r));
        }
        if (request.unrestricted()) {
            ac.put("unrestricted", true);
        }
        return Operation.fromAsync(() -> token().thenCompose(t -> keystone()
                .thenCompose(ks -> ks.post(
                                "users/{userId}/application_credentials",
                                t.user().id())
                        .body(body)
                        .executeAsync())
                .thenApply(r -> parse(r.json().path("application_credential")))));
    }

    @Override
    public Call<List<ApplicationCredential>> applicationCredentials() {
        return Operation.fromAsync(() -> token().thenCompose(t -> keystone()
                .thenCompose(ks -> ks.get(
                                "users/{userId}/application_credentials",
                                t.user().id())
                        .paginate("application_credentials", JsonNode.class)
                        .all()
                        .executeAsync())
                .thenApply(nodes -> {
                    List<ApplicationCredential> out = new ArrayList<>();
                    nodes.forEach(n -> out.add(parse(n)));
                    return out;
                })));
    }

    @Override
    public Call<Void> deleteApplicationCredential(String applicationCredentialId) {
        return Operation.fromAsync(() -> token().thenCompose(t -> keystone()
                .thenCompose(ks -> ks.delete(
                                "users/{userId}/application_credentials/{id}",
                                t.user().id(),
                                applicationCredentialId)
                        .executeAsync())
                .thenApply(r -> null)));
    }

    private static ApplicationCredential parse(JsonNode n) {
        return new ApplicationCredential(
                n.path("id").asText(null),
                n.path("name").asText(null),
                n.path("secret").isTextual() ? n.get("secret").asText() : null,
                n.path("project_id").asText(null),
                n.path("description").isTextual() ? n.get("description").asText() : null,
                n.path("expires_at").isTextual()
                        ? TokenParser.instant(n.get("expires_at").asText())
                        : null,
                n.path("unrestricted").asBoolean(false));
    }
}
