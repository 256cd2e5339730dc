package app.exosphere.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A tiny OpenStack client for the tests: plain OkHttp + Jackson, no exosphere-core. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    OkHttpClient http;
    final CloudSimulator cloud;
    String token;
    String projectId;
    JsonNode catalog;

    record Result(int status, JsonNode json, String text, okhttp3.Headers headers) {}

    Api(CloudSimulator cloud) {
        this.cloud = cloud;
        this.http = cloud.newHttpClient();
    }

    Result call(String method, String url, String body, String... headers) {
        Request.Builder b = new Request.Builder().url(url);
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        RequestBody rb = body == null
                ? (method.equals("POST") || method.equals("PUT") ? RequestBody.create(new byte[0], null) : null)
                : RequestBody.create(body, APPLICATION_JSON);
        b.method(method, rb);
        try (Response r = http.newCall(b.build()).execute()) {
            String text = r.body().string();
            JsonNode json = null;
            try {
                json = text.isEmpty() ? null : JSON.readTree(text);
            } catch (IOException ignored) {
                // not JSON
            }
            return new Result(r.code(), json, text, r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Password login, then project scope (Exosphere's {@code Rest.Keystone.requestUnscopedAuthToken}, then {@code requestScopedAuthToken}). */
    Api login() {
        return login(cloud.credentials());
    }

    /** The same login as {@link #login()} with another user's credentials. */
    Api login(CloudCredentials c) {
        Result unscoped = call(
                "POST",
                c.authUrl() + "/auth/tokens",
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],"
                        + "\"password\":{\"user\":{\"name\":\"" + c.username() + "\",\"domain\":{\"id\":\"default\"},"
                        + "\"password\":\"" + c.password() + "\"}}}}}");
        String t = unscoped.headers().get("X-Subject-Token");
        Result scoped = call(
                "POST",
                c.authUrl() + "/auth/tokens",
                "{\"auth\":{\"identity\":{\"methods\":[\"token\"]," + "\"token\":{\"id\":\"" + t
                        + "\"}},\"scope\":{\"project\":{\"id\":\"" + c.projectId() + "\"}}}}");
        token = scoped.headers().get("X-Subject-Token");
        projectId = c.projectId();
        catalog = scoped.json().path("token").path("catalog");
        return this;
    }

    String endpoint(String type, String region) {
        for (JsonNode s : catalog) {
            if (s.path("type").asText().equals(type)) {
                for (JsonNode e : s.path("endpoints")) {
                    if (e.path("interface").asText().equals("public")
                            && e.path("region_id").asText().equals(region)) {
                        return e.path("url").asText();
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " endpoint in " + region);
    }
}
