package app.exosphere.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract suite's own minimal OpenStack REST client: raw requests, raw JSON, explicit
 * microversions. It deliberately does nothing clever (no retries, no paging, no parsing into
 * types) so that what the suite asserts is what the cloud said on the wire, the same way for the
 * simulator and for a real cloud.
 *
 * <pre>{@code
 * Rest.Session s = Rest.login(cloud.authUrl(), cloud.member());
 * Rest.Reply r = s.call("GET", "compute", "/flavors/detail?limit=2", null, "2.61");
 * }</pre>
 */
final class Rest {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private Rest() {}

    /** One HTTP answer: status, headers (lower-case names) and the body as JSON (missing if none). */
    record Reply(int status, Map<String, List<String>> headers, String text) {
        JsonNode json() {
            if (text.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + abbreviate(text), e);
            }
        }

        Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        /** The JSON body, after checking the status is one of {@code expected}. */
        JsonNode expect(int... expected) {
            for (int e : expected) {
                if (status == e) {
                    return json();
                }
            }
            throw new AssertionError("expected HTTP " + java.util.Arrays.toString(expected) + " but got " + status
                    + ": " + abbreviate(text));
        }
    }

    /** A user's login: name, password, project and domain (all by name). */
    record Login(String user, String password, String project, String domain) {
        @Override
        public String toString() {
            return "Login[" + user + "@" + project + "]";
        }
    }

    static Reply send(String method, String url, Map<String, String> headers, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90));
        headers.forEach(b::header);
        b.header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v));
            return new Reply(r.statusCode(), h, r.body() == null ? "" : r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + url, e);
        }
    }

    /** The password-method token request body, scoped to the login's project (or unscoped). */
    static ObjectNode passwordAuth(Login login, boolean scoped) {
        ObjectNode auth = JSON.createObjectNode();
        ObjectNode identity = auth.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", login.user());
        user.putObject("domain").put("name", login.domain());
        user.put("password", login.password());
        if (scoped) {
            ObjectNode project =
                    ((ObjectNode) auth.get("auth")).putObject("scope").putObject("project");
            project.put("name", login.project());
            project.putObject("domain").put("name", login.domain());
        }
        return auth;
    }

    /** Logs in with a password, scoped to the login's project. */
    static Session login(String authUrl, Login login) {
        Reply r = send("POST", authUrl + "/auth/tokens", Map.of(), passwordAuth(login, true));
        return Session.of(authUrl, r);
    }

    /** Logs in with an application credential (id + secret). */
    static Reply applicationCredentialToken(String authUrl, String id, String secret) {
        ObjectNode auth = JSON.createObjectNode();
        ObjectNode identity = auth.putObject("auth").putObject("identity");
        identity.putArray("methods").add("application_credential");
        identity.putObject("application_credential").put("id", id).put("secret", secret);
        return send("POST", authUrl + "/auth/tokens", Map.of(), auth);
    }

    /** A scoped token and its catalog; calls services by type, in the token's region. */
    record Session(String authUrl, String token, JsonNode tokenBody, String region) {
        static Session of(String authUrl, Reply tokenReply) {
            JsonNode body = tokenReply.expect(201);
            String token = tokenReply
                    .header("X-Subject-Token")
                    .orElseThrow(() -> new AssertionError("no X-Subject-Token header"));
            return new Session(authUrl, token, body.get("token"), null);
        }

        Session inRegion(String regionId) {
            return new Session(authUrl, token, tokenBody, regionId);
        }

        String projectId() {
            return tokenBody.path("project").path("id").asText();
        }

        String userId() {
            return tokenBody.path("user").path("id").asText();
        }

        /** The public endpoint of {@code type} (in {@link #region}, if set), without a trailing slash. */
        String endpoint(String type) {
            for (JsonNode service : tokenBody.path("catalog")) {
                if (!service.path("type").asText().equals(type)) {
                    continue;
                }
                for (JsonNode ep : service.path("endpoints")) {
                    boolean regionOk = region == null
                            || region.equals(ep.path("region_id").asText())
                            || region.equals(ep.path("region").asText());
                    if (ep.path("interface").asText().equals("public") && regionOk) {
                        String url = ep.path("url").asText();
                        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
                    }
                }
            }
            throw new AssertionError("no public " + type + " endpoint in the catalog");
        }

        boolean hasService(String type) {
            for (JsonNode service : tokenBody.path("catalog")) {
                if (service.path("type").asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }

        /** Calls {@code path} on the service of {@code type}; {@code microversion} may be null. */
        Reply call(String method, String type, String path, JsonNode body, String microversion) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Auth-Token", token);
            if (microversion != null && type.equals("sharev2")) {
                // Manila (Zed) reads only its own legacy header
                headers.put("X-OpenStack-Manila-API-Version", microversion);
            } else if (microversion != null) {
                String apiName = type.equals("volumev3") || type.equals("block-storage") ? "volume" : type;
                headers.put("OpenStack-API-Version", apiName + " " + microversion);
            }
            String base = type.equals("network") ? endpoint(type) + "/v2.0" : endpoint(type);
            return send(method, base + path, headers, body);
        }

        Reply get(String type, String path) {
            return call("GET", type, path, null, null);
        }

        Reply get(String type, String path, String microversion) {
            return call("GET", type, path, null, microversion);
        }

        Reply post(String type, String path, JsonNode body) {
            return call("POST", type, path, body, null);
        }

        Reply post(String type, String path, JsonNode body, String microversion) {
            return call("POST", type, path, body, microversion);
        }

        Reply delete(String type, String path) {
            return call("DELETE", type, path, null, null);
        }

        @Override
        public String toString() {
            return "Session[" + authUrl + ", project " + projectId() + "]";
        }
    }

    static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
