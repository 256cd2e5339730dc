package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Simulated Keystone v3 (paths after {@code /v3}) for every project of the cloud: each project has its
 * own user, a token is scoped to its user's project, and a user sees only its own project, user and
 * application credentials. Callers hold the root {@link World}'s lock.
 */
public final class Keystone {
    private static final String AUTH_REQUIRED = "The request you have made requires authentication.";
    /** The cloud's root project: tokens, application credentials, ids and the OIDC user are its. */
    private final World w;

    public Keystone(World w) {
        this.w = w.root;
    }

    /** The project of {@code userId}'s user (every token names a user of the cloud). */
    private World userWorld(String userId) {
        World p = w.projectOfUser(userId);
        if (p == null) {
            throw unauthorized();
        }
        return p;
    }

    public Reply handle(Exchange ex) {
        if (ex.size() == 0 && ex.method().equals("GET")) {
            return Reply.ok(Json.object("version", version()));
        }
        if (ex.matches("auth", "tokens")) {
            return switch (ex.method()) {
                case "POST" -> issue(ex);
                case "GET", "HEAD" -> validate(ex);
                case "DELETE" -> revoke(ex);
                default -> throw new ApiException(405, "The method is not allowed for the requested URL.");
            };
        }
        if (ex.size() == 6
                && ex.seg(0).equals("OS-FEDERATION")
                && ex.seg(1).equals("identity_providers")
                && ex.seg(3).equals("protocols")
                && ex.seg(5).equals("auth")
                && (ex.method().equals("POST") || ex.method().equals("GET"))) {
            return federated(ex);
        }
        World.Token token = requireToken(ex);
        World mine = userWorld(token.userId());
        if (ex.is("GET", "auth", "projects")
                || ex.is("GET", "OS-FEDERATION", "projects")
                || ex.is("GET", "users", token.userId(), "projects")) {
            return Reply.ok(list("projects", List.of(project(mine))));
        }
        if (ex.is("GET", "projects")) {
            return Reply.ok(list("projects", List.of(project(mine))));
        }
        if (ex.is("GET", "projects", "*")) {
            if (!ex.seg(1).equals(mine.projectId)) {
                throw new ApiException(404, "Could not find project: " + ex.seg(1) + ".");
            }
            return Reply.ok(Json.object("project", project(mine)));
        }
        if (ex.is("GET", "auth", "domains")) {
            return Reply.ok(list("domains", List.of()));
        }
        if (ex.is("GET", "auth", "catalog")) {
            if (token.projectId() == null) {
                throw new ApiException(403, "A project-scoped token is required to produce a service catalog.");
            }
            ObjectNode body = Json.object("catalog", userWorld(token.userId()).catalog());
            body.set("links", links("auth/catalog"));
            return Reply.ok(body);
        }
        if (ex.is("GET", "regions")) {
            return Reply.ok(list(
                    "regions", w.regions.keySet().stream().map(this::region).toList()));
        }
        if (ex.is("GET", "regions", "*")) {
            if (!w.regions.containsKey(ex.seg(1))) {
                throw new ApiException(404, "Could not find region: " + ex.seg(1) + ".");
            }
            return Reply.ok(Json.object("region", region(ex.seg(1))));
        }
        if (ex.is("GET", "users", "*")) {
            requireSelf(token, ex.seg(1));
            return Reply.ok(Json.object("user", user(mine)));
        }
        if (ex.is("GET", "registered_limits") || ex.is("GET", "limits")) {
            return Reply.ok(list(ex.seg(0), List.of()));
        }
        if (ex.size() >= 3 && ex.seg(0).equals("users") && ex.seg(2).equals("application_credentials")) {
            requireSelf(token, ex.seg(1));
            return appCredentials(ex, token, mine);
        }
        throw new ApiException(404, "The resource could not be found.");
    }

    private static void requireSelf(World.Token token, String userId) {
        if (!userId.equals(token.userId())) {
            throw new ApiException(403, "You are not authorized to perform the requested action: identity:get_user.");
        }
    }

    // ------------------------------------------------------------------ tokens

    private Reply issue(Exchange ex) {
        JsonNode root = ex.json();
        JsonNode auth = root == null ? null : root.get("auth");
        JsonNode identity = auth == null ? null : auth.get("identity");
        JsonNode methods = identity == null ? null : identity.get("methods");
        if (methods == null || !methods.isArray() || methods.isEmpty()) {
            throw new ApiException(400, "Invalid input for field 'identity': 'methods' is a required property");
        }
        String method = methods.get(0).asText();
        String project = null;
        String appCred = null;
        World subject = null;
        switch (method) {
            case "password" -> {
                JsonNode user = identity.path("password").path("user");
                for (World p : w.projects) {
                    boolean nameOk =
                            p.scenario.username().equals(Json.text(user, "name")) && domainMatches(user.get("domain"));
                    boolean idOk = p.userId.equals(Json.text(user, "id"));
                    if (nameOk || idOk) {
                        subject = p;
                    }
                }
                if (subject == null || !subject.scenario.password().equals(Json.text(user, "password"))) {
                    throw unauthorized();
                }
            }
            case "token" -> {
                World.Token t = w.validToken(Json.text(identity.path("token"), "id"));
                if (t == null) {
                    throw unauthorized();
                }
                subject = userWorld(t.userId());
                if (t.appCredId() != null) {
                    throw new ApiException(
                            403,
                            "You are not authorized to perform the requested action: Using"
                                    + " method 'application_credential' is not allowed for managing additional"
                                    + " application credentials.");
                }
            }
            case "application_credential" -> {
                JsonNode c = identity.path("application_credential");
                World.AppCred found = null;
                String id = Json.text(c, "id");
                if (id != null) {
                    found = w.appCreds.get(id);
                } else {
                    String name = Json.text(c, "name");
                    for (World.AppCred a : w.appCreds.values()) {
                        if (a.name().equals(name)) {
                            found = a;
                        }
                    }
                }
                if (found == null && id != null) {
                    // real Keystone: an unknown application credential id is "not found", not
                    // "unauthorized" (contract suite IdentityContract, found against osbox)
                    throw new ApiException(404, "Could not find Application Credential: " + id + ".");
                }
                if (found == null
                        || !found.secret().equals(Json.text(c, "secret"))
                        || (found.expiresAt() != null && !found.expiresAt().isAfter(w.now()))) {
                    throw unauthorized();
                }
                appCred = found.id();
                project = found.projectId();
                subject = userWorld(found.userId());
            }
            default -> throw new ApiException(401, "Attempted to authenticate with an unsupported method.");
        }
        JsonNode scope = auth.get("scope");
        if (scope != null && !scope.isNull() && appCred == null) {
            JsonNode p = scope.get("project");
            if (p == null) {
                throw new ApiException(401, "The request you have made requires authentication.");
            }
            String pid = Json.text(p, "id");
            String pname = Json.text(p, "name");
            if (subject.projectId.equals(pid)
                    || (pid == null && subject.scenario.projectName().equals(pname))) {
                project = subject.projectId;
            } else {
                throw new ApiException(
                        401, "User " + subject.userId + " has no access to project " + (pid != null ? pid : pname));
            }
        }
        World.Token t = w.issueToken(subject.userId, project, List.of(method), appCred, false);
        boolean catalog = ex.query("nocatalog") == null;
        return Reply.json(201, Json.object("token", tokenBody(t, catalog))).header("X-Subject-Token", t.id());
    }

    private boolean domainMatches(JsonNode domain) {
        if (domain == null) {
            return false;
        }
        return w.domainId.equals(Json.text(domain, "id")) || w.domainName.equals(Json.text(domain, "name"));
    }

    private Reply federated(Exchange ex) {
        if (!ex.seg(2).equals(w.oidcIdp)) {
            throw new ApiException(404, "Could not find Identity Provider: " + ex.seg(2) + ".");
        }
        if (!ex.seg(4).equals(w.oidcProtocol)) {
            throw new ApiException(
                    404,
                    "Could not find federated protocol " + ex.seg(4) + " for Identity Provider: " + ex.seg(2) + ".");
        }
        String authz = ex.header("Authorization");
        String presented = authz != null && authz.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authz.substring(7).strip()
                : ex.header("OIDC-access_token");
        if (presented == null || !presented.equals(w.oidcAccessToken)) {
            throw unauthorized();
        }
        World.Token t = w.issueToken(w.userId, null, List.of(w.oidcProtocol), null, true);
        return Reply.json(201, Json.object("token", tokenBody(t, false))).header("X-Subject-Token", t.id());
    }

    private Reply validate(Exchange ex) {
        requireToken(ex);
        World.Token subject = w.validToken(ex.header("X-Subject-Token"));
        if (subject == null) {
            // real Keystone's words for an expired, revoked or unknown token (contract suite, osbox)
            throw new ApiException(404, "Failed to validate token");
        }
        return Reply.ok(Json.object("token", tokenBody(subject, true))).header("X-Subject-Token", subject.id());
    }

    private Reply revoke(Exchange ex) {
        requireToken(ex);
        String subject = ex.header("X-Subject-Token");
        if (w.validToken(subject) == null) {
            throw new ApiException(404, "Could not find token: " + redact(subject) + ".");
        }
        w.tokens.remove(subject);
        return Reply.empty(204);
    }

    private static String redact(String token) {
        return token == null ? "" : token.substring(0, Math.min(8, token.length())) + "…";
    }

    private ObjectNode tokenBody(World.Token t, boolean withCatalog) {
        World u = userWorld(t.userId());
        ObjectNode tok = Json.object();
        ArrayNode audit = Json.array();
        t.auditIds().forEach(audit::add);
        tok.set("audit_ids", audit);
        if (t.projectId() != null && withCatalog) {
            tok.set("catalog", u.catalog());
        }
        tok.put("expires_at", Json.keystoneTime(t.expiresAt()));
        tok.put("issued_at", Json.keystoneTime(t.issuedAt()));
        ArrayNode methods = Json.array();
        if (t.appCredId() != null) {
            methods.add("application_credential");
        } else {
            t.methods().forEach(methods::add);
        }
        tok.set("methods", methods);
        if (t.projectId() != null) {
            tok.put("is_domain", false);
            ObjectNode p = Json.object();
            p.set("domain", domain());
            p.put("id", u.projectId);
            p.put("name", u.scenario.projectName());
            tok.set("project", p);
            ArrayNode roles = Json.array();
            roles.add(role("member"));
            roles.add(role("reader"));
            tok.set("roles", roles);
        }
        if (t.appCredId() != null) {
            World.AppCred c = w.appCreds.get(t.appCredId());
            ObjectNode ac = Json.object();
            ac.put("id", c.id());
            ac.put("name", c.name());
            ac.put("restricted", !c.unrestricted());
            tok.set("application_credential", ac);
        }
        ObjectNode user = Json.object();
        user.set("domain", domain());
        user.put("id", u.userId);
        user.put("name", u.scenario.username());
        user.putNull("password_expires_at");
        if (t.federated()) {
            ObjectNode fed = Json.object();
            fed.set(
                    "groups",
                    Json.array()
                            .add(Json.object("id", Json.MAPPER.getNodeFactory().textNode("g-" + w.oidcIdp))));
            fed.set(
                    "identity_provider",
                    Json.object("id", Json.MAPPER.getNodeFactory().textNode(w.oidcIdp)));
            fed.set("protocol", Json.object("id", Json.MAPPER.getNodeFactory().textNode(w.oidcProtocol)));
            user.set("OS-FEDERATION", fed);
        }
        tok.set("user", user);
        return tok;
    }

    private ObjectNode role(String name) {
        ObjectNode r = Json.object();
        r.put("id", new Ids(name.hashCode()).hex32());
        r.put("name", name);
        return r;
    }

    private ObjectNode domain() {
        ObjectNode d = Json.object();
        d.put("id", w.domainId);
        d.put("name", w.domainName);
        return d;
    }

    /** The token of {@code X-Auth-Token}, or a Keystone-style 401. */
    public World.Token requireToken(Exchange ex) {
        World.Token t = w.validToken(ex.header("X-Auth-Token"));
        if (t == null) {
            throw unauthorized();
        }
        return t;
    }

    public static ApiException unauthorized() {
        return new ApiException(401, AUTH_REQUIRED);
    }

    // ------------------------------------------------------------------ app credentials

    private Reply appCredentials(Exchange ex, World.Token token, World mine) {
        if (ex.size() == 3 && ex.method().equals("GET")) {
            return Reply.ok(list(
                    "application_credentials",
                    w.appCreds.values().stream()
                            .filter(c -> c.userId().equals(mine.userId))
                            .map(c -> appCred(c, false))
                            .toList()));
        }
        if (ex.size() == 3 && ex.method().equals("POST")) {
            if (token.projectId() == null) {
                throw new ApiException(
                        403,
                        "You are not authorized to perform the requested action: an application"
                                + " credential must be created with a project-scoped token.");
            }
            if (token.appCredId() != null) {
                throw new ApiException(
                        403,
                        "You are not authorized to perform the requested action: Using method"
                                + " 'application_credential' is not allowed for managing additional application credentials.");
            }
            ObjectNode req = ex.requireObject("application_credential");
            String name = Json.text(req, "name");
            if (name == null || name.isEmpty() || name.length() > 255) {
                throw new ApiException(400, "Invalid input for field 'name': the name must be 1 to 255 characters.");
            }
            for (World.AppCred c : w.appCreds.values()) {
                if (c.name().equals(name) && c.userId().equals(mine.userId)) {
                    throw new ApiException(
                            409,
                            "Conflict occurred attempting to store application_credential -"
                                    + " Duplicate entry found with name " + name + ".");
                }
            }
            Instant expires = null;
            String expiresText = Json.text(req, "expires_at");
            if (expiresText != null) {
                try {
                    expires = Instant.parse(expiresText.endsWith("Z") ? expiresText : expiresText + "Z");
                } catch (DateTimeParseException e) {
                    throw new ApiException(
                            400, "Invalid input for field 'expires_at': '" + expiresText + "' is not a 'date-time'");
                }
            }
            String secret = Json.text(req, "secret");
            if (secret == null) {
                secret = w.ids.token().substring(6, 92);
            }
            World.AppCred c = new World.AppCred(
                    w.ids.hex32(),
                    name,
                    secret,
                    token.projectId(),
                    mine.userId,
                    Json.text(req, "description"),
                    expires,
                    req.path("unrestricted").asBoolean(false));
            w.appCreds.put(c.id(), c);
            return Reply.json(201, Json.object("application_credential", appCred(c, true)));
        }
        if (ex.size() == 4) {
            World.AppCred c = w.appCreds.get(ex.seg(3));
            if (c == null || !c.userId().equals(mine.userId)) {
                throw new ApiException(404, "Could not find Application Credential: " + ex.seg(3) + ".");
            }
            if (ex.method().equals("GET")) {
                return Reply.ok(Json.object("application_credential", appCred(c, false)));
            }
            if (ex.method().equals("DELETE")) {
                w.appCreds.remove(c.id());
                w.tokens.values().removeIf(t -> c.id().equals(t.appCredId()));
                return Reply.empty(204);
            }
        }
        throw new ApiException(405, "The method is not allowed for the requested URL.");
    }

    private ObjectNode appCred(World.AppCred c, boolean withSecret) {
        ObjectNode n = Json.object();
        n.put("id", c.id());
        n.put("name", c.name());
        if (withSecret) {
            n.put("secret", c.secret());
        }
        n.put("description", c.description());
        n.put("user_id", c.userId());
        n.put("project_id", c.projectId());
        ArrayNode roles = Json.array();
        roles.add(role("member"));
        n.set("roles", roles);
        if (c.expiresAt() == null) {
            n.putNull("expires_at");
        } else {
            n.put("expires_at", Json.micros(c.expiresAt()));
        }
        n.put("unrestricted", c.unrestricted());
        n.set("access_rules", Json.array());
        n.set(
                "links",
                Json.object(
                        "self",
                        Json.MAPPER
                                .getNodeFactory()
                                .textNode(
                                        w.apiBase + "/v3/users/" + c.userId() + "/application_credentials/" + c.id())));
        return n;
    }

    // ------------------------------------------------------------------ documents

    private ObjectNode project(World mine) {
        ObjectNode p = Json.object();
        p.put("description", "Simulated allocation");
        p.put("domain_id", w.domainId);
        p.put("enabled", true);
        p.put("id", mine.projectId);
        p.put("is_domain", false);
        p.set(
                "links",
                Json.object(
                        "self", Json.MAPPER.getNodeFactory().textNode(w.apiBase + "/v3/projects/" + mine.projectId)));
        p.put("name", mine.scenario.projectName());
        p.put("parent_id", w.domainId);
        p.set("tags", Json.array());
        p.set("options", Json.object());
        return p;
    }

    private ObjectNode region(String id) {
        ObjectNode r = Json.object();
        r.put("description", "");
        r.put("id", id);
        r.set("links", Json.object("self", Json.MAPPER.getNodeFactory().textNode(w.apiBase + "/v3/regions/" + id)));
        r.putNull("parent_region_id");
        return r;
    }

    private ObjectNode user(World mine) {
        ObjectNode u = Json.object();
        u.put("default_project_id", (String) null);
        u.put("domain_id", w.domainId);
        u.put("enabled", true);
        u.put("id", mine.userId);
        u.put("name", mine.scenario.username());
        u.putNull("password_expires_at");
        u.set("options", Json.object());
        return u;
    }

    private ObjectNode list(String key, List<ObjectNode> items) {
        ObjectNode body = Json.object();
        ArrayNode arr = Json.array();
        items.forEach(arr::add);
        body.set(key, arr);
        body.set("links", links(key));
        return body;
    }

    private ObjectNode links(String path) {
        ObjectNode links = Json.object();
        links.put("self", w.apiBase + "/v3/" + path);
        links.putNull("previous");
        links.putNull("next");
        return links;
    }

    public ObjectNode version() {
        ObjectNode v = Json.object();
        v.put("id", "v3.14");
        v.put("status", "stable");
        v.put("updated", "2020-04-07T00:00:00Z");
        ArrayNode links = Json.array();
        links.add(Json.object("rel", Json.MAPPER.getNodeFactory().textNode("self"))
                .put("href", w.apiBase + "/v3/"));
        v.set("links", links);
        ArrayNode media = Json.array();
        media.add(Json.object("base", Json.MAPPER.getNodeFactory().textNode("application/json"))
                .put("type", "application/vnd.openstack.identity-v3+json"));
        v.set("media-types", media);
        return v;
    }

    /** {@code GET /}: the versions document (300 Multiple Choices). */
    public Reply versions() {
        ObjectNode values = Json.object("values", Json.array().add(version()));
        return Reply.json(300, Json.object("versions", values));
    }
}
