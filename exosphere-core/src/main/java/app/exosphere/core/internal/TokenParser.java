package app.exosphere.core.internal;

import app.exosphere.core.auth.CatalogEndpoint;
import app.exosphere.core.auth.CatalogService;
import app.exosphere.core.auth.ScopeTarget;
import app.exosphere.core.auth.ServiceCatalog;
import app.exosphere.core.auth.TokenInfo;
import app.exosphere.core.error.ResponseDecodingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads Keystone token responses. */
public final class TokenParser {
    private TokenParser() {}

    public static TokenInfo parse(String subjectToken, JsonNode body, String requestId) {
        JsonNode token = body.path("token");
        if (subjectToken == null || subjectToken.isBlank()) {
            throw new ResponseDecodingException(
                    "Keystone answered without an X-Subject-Token header" + rid(requestId), null);
        }
        if (!token.isObject()) {
            throw new ResponseDecodingException("Keystone token response has no token object" + rid(requestId), null);
        }
        List<String> methods = new ArrayList<>();
        token.path("methods").forEach(m -> methods.add(m.asText()));
        List<String> roles = new ArrayList<>();
        token.path("roles").forEach(r -> roles.add(r.path("name").asText()));
        String appCred = token.path("application_credential").path("id").asText(null);
        return new TokenInfo(
                subjectToken,
                // without expires_at (some federation samples) the token is used until Keystone says 401
                token.path("expires_at").isTextual()
                        ? instant(token.get("expires_at").asText())
                        : Instant.MAX,
                token.path("issued_at").isTextual()
                        ? instant(token.get("issued_at").asText())
                        : null,
                methods,
                target(token.path("user")),
                token.path("project").isObject() ? target(token.get("project")) : null,
                token.path("domain").isObject() ? target(token.get("domain")) : null,
                roles,
                catalog(token.path("catalog")),
                appCred);
    }

    private static String rid(String requestId) {
        return requestId == null ? "" : " (request id " + requestId + ")";
    }

    static ScopeTarget target(JsonNode n) {
        return new ScopeTarget(
                n.path("id").asText(null),
                n.path("name").asText(null),
                n.path("domain").path("id").asText(null),
                n.path("domain").path("name").asText(null));
    }

    public static ServiceCatalog catalog(JsonNode catalog) {
        if (!catalog.isArray()) {
            return ServiceCatalog.EMPTY;
        }
        List<CatalogService> services = new ArrayList<>();
        for (JsonNode s : catalog) {
            List<CatalogEndpoint> endpoints = new ArrayList<>();
            for (JsonNode e : s.path("endpoints")) {
                String region = e.path("region_id").asText(null);
                if (region == null) {
                    region = e.path("region").asText(null);
                }
                endpoints.add(new CatalogEndpoint(
                        e.path("id").asText(null),
                        e.path("interface").asText(null),
                        region,
                        e.path("url").asText(null)));
            }
            services.add(new CatalogService(
                    s.path("id").asText(null),
                    s.path("type").asText(null),
                    s.path("name").asText(null),
                    endpoints));
        }
        return new ServiceCatalog(services);
    }

    /** ISO-8601; strings without a zone are UTC (Exosphere's {@code Rest.Keystone.decodeScopedAuthTokenDetails}). */
    public static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }
}
