package app.exosphere.core.config;

import app.exosphere.core.error.ConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves one clouds.yaml entry (plus vendor profile, region and legacy keys) into a {@link CloudConfig}
 * with the rules of openstacksdk's {@code OpenStackConfig.get_one}: defaults, then the vendor profile
 * ({@code clouds-public.yaml} first, then the built-in profiles), then the entry; the region chosen from
 * {@code regions} (else {@code region_name}, else the profile's) with its {@code values}; then the
 * legacy fixes ({@code auth_token}, {@code endpoint_type}, {@code auth_plugin}, {@code tenant_*}, top-level
 * project/domain keys, {@code domain_id}/{@code domain_name} copied to user and project domains when
 * project-scoped, boolean {@code insecure}), {@code {region_name}} in {@code auth_url}, dashes to
 * underscores, and finally keystoneauth's option validation for the auth type.
 */
final class CloudResolver {
    private static final Logger LOG = LoggerFactory.getLogger(CloudResolver.class);

    /** keystoneauth auth plugins the SDK can authenticate with, and those it refuses (documented). */
    private static final Map<String, AuthPluginOptions> PLUGINS = AuthPluginOptions.all();

    private final String file;
    private final String text;
    private final Map<String, Object> clouds;
    private final Supplier<Map<String, Object>> publicClouds;
    private final String envvarKey;

    /**
     * @param file the clouds.yaml path (for messages), or null
     * @param text the clouds.yaml text (for line numbers), or null
     * @param clouds the {@code clouds} mapping (secure.yaml already merged)
     * @param publicClouds the {@code public-clouds} mapping of clouds-public.yaml, read on first use
     * @param envvarKey the name of the environment cloud ({@code envvars})
     */
    CloudResolver(
            String file,
            String text,
            Map<String, Object> clouds,
            Supplier<Map<String, Object>> publicClouds,
            String envvarKey) {
        this.file = file;
        this.text = text;
        this.clouds = clouds;
        this.publicClouds = publicClouds;
        this.envvarKey = envvarKey;
    }

    CloudConfig resolve(String name, String requestedRegion, String source) {
        Object raw = clouds.get(name);
        if (!(raw instanceof Map)) {
            throw problem(name, List.of(), null, "must be a mapping of settings (auth, region_name, ...)");
        }
        Map<String, Object> our = copyMap(raw);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("auth_type", "password");
        config.put("interface", "public");
        expandVendorProfile(name, config, our);
        config.putIfAbsent("auth", new LinkedHashMap<String, Object>());
        authUpdate(name, config, our);
        config.remove("cloud");

        List<Map<String, Object>> known = knownRegions(name, our);
        Map<String, Object> region = region(name, known, requestedRegion == null ? "" : requestedRegion);
        config.remove("regions");
        Map<String, Object> values = asMap(name, "regions", region.get("values"));
        values.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            if (k.equals("auth") && config.get("auth") != null) {
                asMap(name, "auth", config.get("auth")).putAll(asMap(name, "regions.values.auth", v));
            } else {
                config.put(k, deepCopy(v));
            }
        });
        config.put("region_name", region.get("name"));

        magicFixes(name, config);
        Map<String, Object> normalized = normalizeKeys(config);

        String authTypeName = normalized.get("auth_type") == null ? null : str(normalized.get("auth_type"));
        String pluginName = authTypeName == null || authTypeName.isEmpty() || authTypeName.equals("None")
                ? "none"
                : authTypeName.equals("token_endpoint") ? "admin_token" : authTypeName;
        AuthPluginOptions plugin = PLUGINS.get(pluginName);
        if (plugin == null) {
            throw problem(
                    name,
                    List.of("auth_type"),
                    "auth_type",
                    "unknown auth_type '" + pluginName + "'; use password, v3applicationcredential, v3token or"
                            + " v3oidcaccesstoken");
        }
        if (plugin.refusal() != null) {
            throw problem(name, List.of("auth_type"), "auth_type", plugin.refusal());
        }
        Map<String, Object> auth = asMap(name, "auth", normalized.get("auth"));
        plugin.validate(normalized, auth);
        for (AuthPluginOptions.Option o : plugin.options()) {
            if (o.required() && auth.get(o.dest()) == null) {
                String hint = o.dest().equals("auth_url")
                        ? " (the Keystone URL" + (our.containsKey("profile") ? "; the profile did not set it" : "")
                                + ")"
                        : "";
                throw problem(name, List.of(), "auth." + o.dest(), "is required for auth_type " + pluginName + hint);
            }
        }
        for (Map.Entry<String, Object> e : normalized.entrySet()) {
            if (e.getValue() instanceof String s && !e.getKey().equals("password")) {
                e.setValue(format(name, e.getKey(), s, normalized));
            }
        }
        return build(name, source, pluginName, normalized, auth, known);
    }

    private CloudConfig build(
            String name,
            String source,
            String authTypeName,
            Map<String, Object> config,
            Map<String, Object> auth,
            List<Map<String, Object>> known) {
        AuthType type = AuthType.parse(authTypeName);
        Map<String, String> authValues = new LinkedHashMap<>();
        auth.forEach((k, v) -> {
            if (v != null && !(v instanceof Map) && !(v instanceof List)) {
                authValues.put(k, str(v));
            }
        });
        String region = config.get("region_name") == null ? null : str(config.get("region_name"));
        if (region != null && region.isEmpty()) {
            region = null;
        }
        List<String> regionNames = new ArrayList<>();
        if (known != null) {
            known.forEach(r -> regionNames.add(str(r.get("name"))));
        }
        // CloudRegion.get_requests_verify_args: insecure wins; cacert only when verifying; key only with cert
        boolean insecure = Boolean.TRUE.equals(config.get("insecure"));
        boolean verify = !insecure && (!config.containsKey("verify") || truthy(config.get("verify")));
        String cacert = stringOrNull(config.get("cacert"));
        if (!verify && cacert != null) {
            LOG.warn(
                    "cloud '{}': cacert {} is ignored because TLS verification is off (verify: false or insecure)",
                    name,
                    cacert);
            cacert = null;
        }
        String cert = stringOrNull(config.get("cert"));
        String key = stringOrNull(config.get("key"));
        if (cert == null && key != null) {
            LOG.warn("cloud '{}': key {} is ignored because no cert is set", name, key);
            key = null;
        }
        Map<String, String> apiVersions = new LinkedHashMap<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            if (v == null || v instanceof Map || v instanceof List) {
                return;
            }
            if (k.endsWith("_api_version") && !k.equals("identity_api_version")) {
                apiVersions.put(CloudsYaml.serviceKey(k.substring(0, k.length() - "_api_version".length())), str(v));
            } else if (k.endsWith("_endpoint_override")) {
                overrides.put(
                        CloudsYaml.serviceKey(k.substring(0, k.length() - "_endpoint_override".length())), str(v));
            }
        });
        Object identityVersion = config.get("identity_api_version");
        if (identityVersion != null) {
            String iv = str(identityVersion);
            if (!iv.equals("3") && !iv.startsWith("3.")) {
                throw problem(
                        name,
                        List.of("identity_api_version"),
                        "identity_api_version",
                        "only Keystone v3 is supported (got " + iv + "); remove identity_api_version or set it to 3");
            }
        }
        return new CloudConfig(
                name,
                source,
                type,
                authTypeName,
                authValues,
                region,
                regionNames,
                stringOrNull(config.get("interface")),
                verify,
                cacert,
                cert,
                key,
                apiVersions,
                overrides);
    }

    // ---- vendor profiles and regions ----

    private void expandVendorProfile(String name, Map<String, Object> config, Map<String, Object> our) {
        Object profileName = our.containsKey("profile") ? our.get("profile") : our.get("cloud");
        if (profileName == null
                || str(profileName).isEmpty()
                || str(profileName).equals(envvarKey)) {
            return;
        }
        String profile = str(profileName);
        if (our.containsKey("cloud") && !our.containsKey("profile")) {
            LOG.warn("cloud '{}' names its vendor profile with the deprecated key 'cloud'; use 'profile'", name);
        }
        Map<String, Object> vendorFile = publicClouds.get();
        if (vendorFile.containsKey(profile)) {
            authUpdate(name, config, asMap(name, "profile", vendorFile.get(profile)));
            return;
        }
        Map<String, Object> data = VendorProfiles.profile(profile);
        if (data == null) {
            if (profile.contains("://")) {
                throw problem(
                        name,
                        List.of("profile"),
                        "profile",
                        "remote profiles ('" + profile + "') are not fetched; copy the cloud's auth_url and"
                                + " regions into clouds.yaml");
            }
            LOG.warn(
                    "cloud '{}': vendor profile '{}' is neither in clouds-public.yaml nor a known profile; ignored",
                    name,
                    profile);
            return;
        }
        Object nested = data.remove("profile");
        if (nested != null) {
            Map<String, Object> nestedData = VendorProfiles.profile(str(nested));
            if (nestedData == null) {
                throw problem(
                        name,
                        List.of("profile"),
                        "profile",
                        "vendor profile '" + profile + "' refers to the remote profile '" + nested
                                + "', which is not fetched; copy the cloud's auth_url and regions into clouds.yaml");
            }
            data = nestedData;
        }
        Object status = data.remove("status");
        Object message = data.remove("message");
        if ("deprecated".equals(status)) {
            LOG.warn("vendor profile '{}' is deprecated: {}", profile, message == null ? "" : message);
        } else if ("shutdown".equals(status)) {
            throw problem(
                    name,
                    List.of("profile"),
                    "profile",
                    "vendor profile '" + profile + "' references a cloud that no longer exists"
                            + (message == null ? "" : ": " + message));
        }
        authUpdate(name, config, data);
    }

    private List<Map<String, Object>> knownRegions(String name, Map<String, Object> our) {
        Map<String, Object> config = normalizeKeys(our);
        if (config.containsKey("regions")) {
            return expandRegions(name, config.get("regions"));
        }
        if (config.containsKey("region_name")) {
            Object rn = config.get("region_name");
            List<Object> names = new ArrayList<>();
            if (rn instanceof List<?> l) {
                names.addAll(l);
            } else {
                names.addAll(List.of(str(rn).split(",", -1)));
                if (names.size() > 1) {
                    LOG.warn("cloud '{}': a comma-separated region_name is deprecated; use a 'regions' list", name);
                }
            }
            return expandRegions(name, names);
        }
        Map<String, Object> fromProfile = new LinkedHashMap<>();
        expandVendorProfile(name, fromProfile, our);
        if (fromProfile.get("regions") instanceof List<?> l && !l.isEmpty()) {
            return expandRegions(name, l);
        }
        if (fromProfile.get("region_name") != null
                && !str(fromProfile.get("region_name")).isEmpty()) {
            return List.of(regionEntry(fromProfile.get("region_name")));
        }
        return null;
    }

    private List<Map<String, Object>> expandRegions(String name, Object regions) {
        if (!(regions instanceof List<?> list)) {
            throw problem(name, List.of("regions"), "regions", "must be a list of region names or {name, values}");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : list) {
            if (r instanceof Map<?, ?> m) {
                if (!m.containsKey("name") || !Set.of("name", "values").containsAll(m.keySet())) {
                    throw problem(
                            name,
                            List.of("regions"),
                            "regions",
                            "invalid region entry " + m.keySet() + ": each region is a name or has only 'name' and"
                                    + " 'values'");
                }
                Map<String, Object> entry = copyMap(m);
                entry.putIfAbsent("values", new LinkedHashMap<String, Object>());
                if (entry.get("values") == null) {
                    entry.put("values", new LinkedHashMap<String, Object>());
                }
                out.add(entry);
            } else {
                out.add(regionEntry(r));
            }
        }
        return out;
    }

    private static Map<String, Object> regionEntry(Object regionName) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", regionName);
        r.put("values", new LinkedHashMap<String, Object>());
        return r;
    }

    private Map<String, Object> region(String name, List<Map<String, Object>> known, String requested) {
        if (known == null || known.isEmpty()) {
            return regionEntry(requested);
        }
        if (requested.isEmpty()) {
            return known.get(0);
        }
        for (Map<String, Object> r : known) {
            if (requested.equals(str(r.get("name")))) {
                return r;
            }
        }
        List<String> names = known.stream().map(r -> str(r.get("name"))).toList();
        throw problem(
                name,
                List.of("regions"),
                "region_name",
                "region '" + requested + "' is not a region of this cloud; valid choices are " + names
                        + " (region names are case sensitive)");
    }

    // ---- openstacksdk's magic_fixes ----

    private void magicFixes(String name, Map<String, Object> config) {
        Map<String, Object> auth = asMap(name, "auth", config.get("auth"));
        if (auth.containsKey("token") || truthy(config.get("auth_token")) || truthy(config.get("token"))) {
            Object authToken = config.remove("auth_token");
            if (!config.containsKey("token")) {
                config.put("token", authToken);
            }
        }
        if (config.containsKey("passcode")) {
            auth.put("passcode", config.remove("passcode"));
        }
        if (config.containsKey("endpoint_type")) {
            config.put("interface", config.remove("endpoint_type"));
        }
        // auth_plugin, then auth_type: the last one found wins
        Object authType = null;
        for (String k : List.of("auth_plugin", "auth_type")) {
            if (config.containsKey(k)) {
                authType = config.remove(k);
            }
        }
        config.put("auth_type", authType);

        Map<String, List<String>> mappings = new LinkedHashMap<>();
        mappings.put("domain_id", List.of("domain_id", "domain-id"));
        mappings.put("domain_name", List.of("domain_name", "domain-name"));
        mappings.put("user_domain_id", List.of("user_domain_id", "user-domain-id"));
        mappings.put("user_domain_name", List.of("user_domain_name", "user-domain-name"));
        mappings.put("project_domain_id", List.of("project_domain_id", "project-domain-id"));
        mappings.put("project_domain_name", List.of("project_domain_name", "project-domain-name"));
        mappings.put("token", List.of("auth-token", "auth_token", "token"));
        if ("v2password".equals(authType)) {
            mappings.put("tenant_id", List.of("project_id", "project-id", "tenant_id", "tenant-id"));
            mappings.put("tenant_name", List.of("project_name", "project-name", "tenant_name", "tenant-name"));
        } else {
            mappings.put("project_id", List.of("tenant_id", "tenant-id", "project_id", "project-id"));
            mappings.put("project_name", List.of("tenant_name", "tenant-name", "project_name", "project-name"));
        }
        mappings.forEach((target, keys) -> {
            String value = null;
            for (String k : keys) {
                if (config.containsKey(k)) {
                    value = str(config.remove(k));
                }
                if (auth.containsKey(k)) {
                    value = str(auth.remove(k));
                }
            }
            if (value != null && !value.isEmpty()) {
                auth.put(target, value);
            }
        });

        Map<String, Object> renamed = new LinkedHashMap<>();
        config.forEach(
                (k, v) -> renamed.put(k.endsWith("endpoint_type") ? k.replace("endpoint_type", "interface") : k, v));
        config.clear();
        config.putAll(renamed);

        boolean projectScoped = config.containsKey("project_id")
                || config.containsKey("project_name")
                || auth.containsKey("project_id")
                || auth.containsKey("project_name");
        Map<String, List<String>> domainCopies = new LinkedHashMap<>();
        domainCopies.put("domain_id", List.of("user_domain_id", "project_domain_id"));
        domainCopies.put("domain_name", List.of("user_domain_name", "project_domain_name"));
        domainCopies.forEach((target, keys) -> {
            if (!projectScoped) {
                if (config.containsKey(target) && !auth.containsKey(target)) {
                    auth.put(target, config.remove(target));
                }
                return;
            }
            for (String k : keys) {
                if (auth.containsKey(target) && !auth.containsKey(k)) {
                    auth.put(k, auth.get(target));
                }
            }
            config.remove(target);
            auth.remove(target);
        });

        for (String k : List.of("insecure", "cache")) {
            if (config.containsKey(k) && !(config.get(k) instanceof Boolean)) {
                Object v = config.get(k);
                config.put(
                        k, v instanceof String s && s.toLowerCase(Locale.ROOT).equals("true"));
            }
        }
        if (auth.get("auth_url") != null) {
            auth.put("auth_url", format(name, "auth.auth_url", str(auth.get("auth_url")), config));
        }
    }

    /** Python's {@code str.format(**config)} for simple {@code {key}} fields (e.g. {@code {region_name}}). */
    private String format(String name, String key, String value, Map<String, Object> config) {
        if (value.indexOf('{') < 0 && value.indexOf('}') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '{' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
                out.append('{');
                i++;
            } else if (c == '}' && i + 1 < value.length() && value.charAt(i + 1) == '}') {
                out.append('}');
                i++;
            } else if (c == '{') {
                int end = value.indexOf('}', i);
                if (end < 0) {
                    throw problem(name, List.of(), key, "has an unmatched '{' (use '{{' for a literal brace)");
                }
                String field = value.substring(i + 1, end);
                int cut = indexOfAny(field, ":!");
                String fieldName = cut < 0 ? field : field.substring(0, cut);
                if (!config.containsKey(fieldName) || fieldName.isEmpty()) {
                    throw problem(
                            name,
                            List.of(),
                            key,
                            "refers to {" + fieldName + "}, which is not a setting of this cloud"
                                    + " (use '{{' for a literal brace)");
                }
                out.append(str(config.get(fieldName)));
                i = end;
            } else if (c == '}') {
                throw problem(name, List.of(), key, "has a single '}' (use '}}' for a literal brace)");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    // ---- dictionaries as openstacksdk handles them ----

    /** {@code _auth_update}: top-level keys replace, {@code auth} is updated key by key. */
    private void authUpdate(String name, Map<String, Object> target, Map<String, Object> source) {
        source.forEach((k, v) -> {
            if (k.equals("auth")) {
                Map<String, Object> newAuth = asMap(name, "auth", v);
                if (target.containsKey("auth") && target.get("auth") != null) {
                    asMap(name, "auth", target.get("auth")).putAll(copyMap(newAuth));
                } else {
                    target.put("auth", copyMap(newAuth));
                }
            } else {
                target.put(k, deepCopy(v));
            }
        });
    }

    /** {@code normalize_keys}: dashes become underscores, numbers become strings (recursively in maps). */
    static Map<String, Object> normalizeKeys(Map<String, Object> config) {
        Map<String, Object> out = new LinkedHashMap<>();
        config.forEach((k, v) -> {
            String key = k.replace('-', '_');
            Object value;
            if (v instanceof Map<?, ?> m) {
                value = normalizeKeys(copyMap(m));
            } else if (v instanceof Boolean) {
                value = v;
            } else if (v instanceof Number && !key.equals("verbose_level") && !key.equals("api_timeout")) {
                value = str(v);
            } else {
                value = v;
            }
            out.put(key, value);
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(String name, String key, Object value) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map)) {
            throw problem(name, List.of(key.split("\\.")), key, "must be a mapping");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copyMap(Object map) {
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) map).forEach((k, v) -> out.put(String.valueOf(k), deepCopy(v)));
        return out;
    }

    private static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return copyMap(m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(e -> out.add(deepCopy(e)));
            return out;
        }
        return v;
    }

    /** Python's truth value. */
    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }

    /** Python's {@code str()} for YAML scalars. */
    static String str(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(v);
    }

    private static String stringOrNull(Object v) {
        return v == null ? null : str(v);
    }

    private ConfigurationException problem(String cloud, List<String> path, String key, String message) {
        List<Object> p = new ArrayList<>(List.of("clouds", cloud));
        p.addAll(path);
        Integer line = text == null ? null : CloudsYaml.line(text, p);
        if (line == null && text != null) {
            line = CloudsYaml.line(text, List.of("clouds", cloud));
        }
        return new ConfigurationException(
                file, line, "clouds." + cloud + (key == null ? "" : "." + key), message, null);
    }
}
