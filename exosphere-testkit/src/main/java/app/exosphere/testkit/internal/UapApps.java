package app.exosphere.testkit.internal;

import app.exosphere.uap.InvalidUapValueException;
import app.exosphere.uap.UapTarget;
import app.exosphere.uap.UpstreamProtocol;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The User Application Proxy and what it reaches on an instance (Exosphere's {@code GoalServer.stepServerGuacamoleAuth}, {@code docs/user-app-proxy.md} and {@code Interaction.customWorkflowfInteractionStatus}):
 * the Host {@code [http-|https-]<a-b-c-d>-<port>.<uap>} selects the instance by floating IP and the
 * upstream port; 49528 is Guacamole (token API checks exouser + passphrase), 8888 is Jupyter (checks
 * the workflow token). Unreachable upstreams answer 502 like nginx. Callers hold the {@link World} lock.
 */
public final class UapApps {
    static final Duration GUACAMOLE_TOKEN_LIFETIME = Duration.ofMinutes(60);

    private final World w;
    private final Map<String, GuacSession> sessions = new HashMap<>();

    private record GuacSession(String serverId, Instant lastUsed) {}

    public UapApps(World w) {
        this.w = w.root;
    }

    public Reply handle(String host, Exchange ex) {
        World.RegionState rs = null;
        UapTarget target = null;
        for (World.RegionState candidate : w.regions.values()) {
            String uap = candidate.spec.uapHostname();
            if (uap != null
                    && host.toLowerCase(java.util.Locale.ROOT).endsWith("." + uap.toLowerCase(java.util.Locale.ROOT))) {
                rs = candidate;
                try {
                    // Exosphere's `docs/user-app-proxy.md`: the nginx map on $host, via exosphere-uap-urls' parse-back
                    target = UapTarget.parseRequestHost(uap, host);
                } catch (InvalidUapValueException e) {
                    throw new ApiException(502, "the UAP cannot map " + host);
                }
            }
        }
        if (rs == null) {
            throw new ApiException(404, "no UAP virtual host " + host);
        }
        String ip = target.ipv4();
        int port = target.port();
        if (!ip.startsWith(rs.spec.floatingIpPrefix() + ".")) {
            // the UAP only proxies to its own public network
            throw new ApiException(502, "upstream " + ip + " outside this UAP's network");
        }
        SimServer server = null;
        // the external network is the cloud's: the floating IP may be any project's
        for (World project : w.projects) {
            World.RegionState prs = project.region(rs.spec.id());
            for (ObjectNode fip : prs.floatingIps.values()) {
                if (ip.equals(fip.get("floating_ip_address").asText()) && fip.hasNonNull("port_id")) {
                    ObjectNode port2 = prs.ports.get(fip.get("port_id").asText());
                    if (port2 != null) {
                        server = prs.servers.get(port2.get("device_id").asText());
                    }
                }
            }
        }
        Instant now = w.now();
        if (server == null || server.deleted || !server.status.equals("ACTIVE")) {
            throw new ApiException(502, "no running instance at " + ip);
        }
        boolean plainHttp = target.protocol() == UpstreamProtocol.HTTP;
        if (port == 49528 && server.guacReadyAt != null && !now.isBefore(server.guacReadyAt) && plainHttp) {
            return guacamole(server, ex, now);
        }
        if (port == 8888 && server.workflowTokenAt != null && !now.isBefore(server.workflowTokenAt) && plainHttp) {
            return jupyter(server, ex);
        }
        throw new ApiException(502, "nothing listens on " + ip + ":" + port);
    }

    // ------------------------------------------------------------------ Guacamole

    private Reply guacamole(SimServer s, Exchange ex, Instant now) {
        String path = "/" + String.join("/", ex.segments());
        if (path.equals("/guacamole/api/tokens") && ex.method().equals("POST")) {
            Map<String, String> form = form(ex.bodyText());
            // Exosphere's `GoalServer.stepServerGuacamoleAuth`: user-mapping.xml authorizes exouser with the MD5 of the
            // passphrase
            if (!"exouser".equals(form.get("username"))
                    || s.passphrase == null
                    || !s.passphrase.equals(form.get("password"))) {
                ObjectNode err = Json.object();
                err.put("message", "Invalid login.");
                err.set(
                        "translatableMessage",
                        Json.object().put("key", "LOGIN.ERROR_INVALID_LOGIN").set("variables", Json.object()));
                err.putNull("statusCode");
                ArrayNode expected = Json.array();
                expected.add(Json.object().put("name", "username").put("type", "USERNAME"));
                expected.add(Json.object().put("name", "password").put("type", "PASSWORD"));
                err.set("expected", expected);
                err.put("type", "INVALID_CREDENTIALS");
                return Reply.json(403, err);
            }
            String token = w.ids.hex(64).toUpperCase();
            w.otherIssuedSecrets.add(token);
            sessions.put(token, new GuacSession(s.id, now));
            ObjectNode body = Json.object();
            body.put("authToken", token);
            body.put("username", "exouser");
            body.put("dataSource", "default");
            body.set("availableDataSources", Json.array().add("default"));
            return Reply.ok(body);
        }
        if (path.startsWith("/guacamole/api/tokens/") && ex.method().equals("DELETE")) {
            sessions.remove(ex.seg(3));
            return Reply.empty(204);
        }
        if (path.startsWith("/guacamole/api/")) {
            String token = ex.query("token") != null ? ex.query("token") : ex.header("Guacamole-Token");
            GuacSession session = token == null ? null : sessions.get(token);
            if (session == null
                    || !session.serverId().equals(s.id)
                    || now.isAfter(session.lastUsed().plus(GUACAMOLE_TOKEN_LIFETIME))) {
                ObjectNode err = Json.object();
                err.put("message", "Permission Denied.");
                err.put("type", "PERMISSION_DENIED");
                return Reply.json(403, err);
            }
            sessions.put(token, new GuacSession(s.id, now));
            if (path.equals("/guacamole/api/session/data/default/connections")) {
                ObjectNode body = Json.object();
                body.set("shell", connection("shell", "ssh"));
                if (s.setup.desktop()) {
                    body.set("desktop", connection("desktop", "vnc"));
                }
                return Reply.ok(body);
            }
            throw new ApiException(404, "Not Found");
        }
        if (path.equals("/guacamole") || path.startsWith("/guacamole/")) {
            return Reply.text(
                    200,
                    "text/html;charset=UTF-8",
                    "<!DOCTYPE html>\n<html ng-app=\"index\">"
                            + "<head><title>Guacamole</title></head><body><guac-login>This remote session has expired. Click"
                            + " the Terminal or Graphical Desktop button again.</guac-login></body></html>\n");
        }
        throw new ApiException(404, "Not Found");
    }

    private static ObjectNode connection(String id, String protocol) {
        ObjectNode c = Json.object();
        c.put("name", id);
        c.put("identifier", id);
        c.put("parentIdentifier", "ROOT");
        c.put("protocol", protocol);
        c.set("attributes", Json.object());
        c.put("activeConnections", 0);
        return c;
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    // ------------------------------------------------------------------ Jupyter

    private Reply jupyter(SimServer s, Exchange ex) {
        String path = "/" + String.join("/", ex.segments());
        if (path.equals("/login")) {
            return Reply.text(
                    200,
                    "text/html",
                    "<!DOCTYPE html><html><head><title>Jupyter Notebook</title></head>"
                            + "<body><form action=\"/login\" method=\"post\"><input name=\"password\" type=\"password\">"
                            + "</form></body></html>\n");
        }
        String token = ex.query("token");
        String authz = ex.header("Authorization");
        if (token == null && authz != null && authz.regionMatches(true, 0, "token ", 0, 6)) {
            token = authz.substring(6).strip();
        }
        if (token == null || !token.equals(s.workflowToken)) {
            if (path.startsWith("/api/")) {
                return Reply.json(403, Json.object().put("message", "Forbidden").putNull("reason"));
            }
            return Reply.empty(302)
                    .header("Location", "/login?next=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8));
        }
        if (path.equals("/api/status")) {
            ObjectNode st = Json.object();
            st.put("connections", 0);
            st.put("kernels", 0);
            st.put("last_activity", Json.seconds(w.now()));
            st.put("started", Json.seconds(s.workflowTokenAt));
            return Reply.ok(st);
        }
        String repo = s.setup.workflowRepository().orElse("");
        return Reply.text(
                200,
                "text/html",
                "<!DOCTYPE html><html><head><title>Jupyter Notebook</title></head><body>"
                        + "<div id=\"notebook\" data-path=\"" + path + "\" data-repository=\"" + repo + "\">/workflow"
                        + "</div></body></html>\n");
    }
}
