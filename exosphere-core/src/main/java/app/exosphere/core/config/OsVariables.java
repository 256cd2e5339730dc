package app.exosphere.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps {@code OS_*} variables (environment or OpenRC) to a cloud, as openstacksdk's envvars cloud. */
final class OsVariables {
    private static final Set<String> AUTH_KEYS = Set.of(
            "auth_url",
            "username",
            "user_id",
            "password",
            "project_name",
            "project_id",
            "tenant_name",
            "tenant_id",
            "user_domain_name",
            "user_domain_id",
            "project_domain_name",
            "project_domain_id",
            "domain_name",
            "domain_id",
            "default_domain",
            "application_credential_id",
            "application_credential_name",
            "application_credential_secret",
            "token",
            "access_token",
            "identity_provider",
            "protocol",
            "system_scope");

    private OsVariables() {}

    static Optional<CloudConfig> cloudFromEnvironment(Map<String, String> env, String source) {
        if (env.get("OS_AUTH_URL") == null || env.get("OS_AUTH_URL").isBlank()) {
            return Optional.empty();
        }
        return Optional.of(cloud(env, env.getOrDefault("OS_CLOUD_NAME", CloudsYaml.ENVVARS), source));
    }

    static CloudConfig cloud(Map<String, String> vars, String name, String source) {
        Map<String, String> auth = new LinkedHashMap<>();
        Map<String, String> other = new LinkedHashMap<>();
        Map<String, String> apiVersions = new LinkedHashMap<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        vars.forEach((k, v) -> {
            if (!k.startsWith("OS_") || v == null || v.isEmpty()) {
                return;
            }
            String key = k.substring(3).toLowerCase(Locale.ROOT);
            if (AUTH_KEYS.contains(key)) {
                auth.put(key, v);
            } else if (key.endsWith("_api_version") && !key.equals("identity_api_version")) {
                apiVersions.put(CloudsYaml.serviceKey(key.substring(0, key.length() - "_api_version".length())), v);
            } else if (key.endsWith("_endpoint_override")) {
                overrides.put(CloudsYaml.serviceKey(key.substring(0, key.length() - "_endpoint_override".length())), v);
            } else {
                other.put(key, v);
            }
        });
        Boolean verify = null;
        if (other.containsKey("insecure")) {
            verify = !List.of("true", "1", "yes").contains(other.get("insecure").toLowerCase(Locale.ROOT));
        }
        List<String> regions = new ArrayList<>();
        return new CloudConfig(
                name,
                source,
                AuthType.parse(other.get("auth_type")),
                auth,
                other.get("region_name"),
                regions,
                other.get("interface") != null ? other.get("interface") : other.get("endpoint_type"),
                verify,
                other.get("cacert"),
                other.get("cert"),
                other.get("key"),
                apiVersions,
                overrides);
    }
}
