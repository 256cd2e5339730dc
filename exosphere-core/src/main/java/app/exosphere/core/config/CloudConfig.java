package app.exosphere.core.config;

import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.Scope;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.error.ConfigurationException;
import app.exosphere.core.http.EndpointInterface;
import app.exosphere.core.http.TlsOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One cloud as clouds.yaml, secure.yaml, {@code OS_*} environment variables or an OpenRC file describe
 * it: auth type and auth values, region(s), interface, TLS, API versions and endpoint overrides. Turn
 * it into a connection with {@code OpenStack.builder().cloud(config).build()}. {@link #toString()}
 * never prints secrets.
 *
 * <pre>{@code
 * CloudConfig js2 = CloudsYaml.load().cloud("js2");
 * OpenStack os = OpenStack.builder().cloud(js2).build();
 * }</pre>
 */
public final class CloudConfig {
    private final String name;
    private final String source;
    private final AuthType authType;
    private final Map<String, String> auth;
    private final String regionName;
    private final List<String> regions;
    private final String interfaceName;
    private final Boolean verify;
    private final String cacert;
    private final String cert;
    private final String key;
    private final Map<String, String> apiVersions;
    private final Map<String, String> endpointOverrides;

    /**
     * Creates a cloud configuration (normally done by {@link CloudsYaml} and {@link OpenRc}).
     *
     * @param name cloud name
     * @param source where it came from (file path, {@code environment})
     * @param authType the auth type
     * @param auth auth values by openstacksdk key ({@code auth_url}, {@code username}, ...)
     * @param regionName {@code region_name}, or null
     * @param regions {@code regions} names (may be empty)
     * @param interfaceName {@code interface}, or null
     * @param verify {@code verify}, or null
     * @param cacert CA bundle path, or null
     * @param cert client certificate path, or null
     * @param key client key path, or null
     * @param apiVersions {@code <service>_api_version} values by service key
     * @param endpointOverrides {@code <service>_endpoint_override} values by service key
     */
    public CloudConfig(
            String name,
            String source,
            AuthType authType,
            Map<String, String> auth,
            String regionName,
            List<String> regions,
            String interfaceName,
            Boolean verify,
            String cacert,
            String cert,
            String key,
            Map<String, String> apiVersions,
            Map<String, String> endpointOverrides) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = source;
        this.authType = Objects.requireNonNull(authType, "authType");
        this.auth = Map.copyOf(auth);
        this.regionName = regionName;
        this.regions = List.copyOf(regions);
        this.interfaceName = interfaceName;
        this.verify = verify;
        this.cacert = cacert;
        this.cert = cert;
        this.key = key;
        this.apiVersions = Map.copyOf(apiVersions);
        this.endpointOverrides = Map.copyOf(endpointOverrides);
    }

    public String name() {
        return name;
    }

    /** Where this cloud was defined. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    public AuthType authType() {
        return authType;
    }

    /** An auth value ({@code auth_url}, {@code project_name}, ...). May be a secret: do not log. */
    public Optional<String> auth(String key) {
        return Optional.ofNullable(auth.get(key));
    }

    /** The Keystone URL. */
    public String authUrl() {
        return require("auth_url");
    }

    /** {@code region_name}, else the first of {@code regions}. */
    public Optional<String> region() {
        return Optional.ofNullable(regionName).or(() -> regions.stream().findFirst());
    }

    /** All configured region names ({@code region_name} first). */
    public List<String> regions() {
        if (regionName != null && !regions.contains(regionName)) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(regionName), regions.stream())
                    .toList();
        }
        return regions;
    }

    /** The endpoint interface (public by default). */
    public EndpointInterface endpointInterface() {
        try {
            return interfaceName == null ? EndpointInterface.PUBLIC : EndpointInterface.parse(interfaceName);
        } catch (IllegalArgumentException e) {
            throw problem("interface", e.getMessage());
        }
    }

    /** TLS settings from {@code verify}, {@code cacert}, {@code cert}, {@code key}. */
    public TlsOptions tls() {
        TlsOptions.Builder b = TlsOptions.builder();
        if (Boolean.FALSE.equals(verify)) {
            b.verify(false);
        }
        if (cacert != null) {
            b.caBundle(path(cacert));
        }
        if (cert != null) {
            b.clientCertificate(path(cert));
        }
        if (key != null) {
            b.clientKey(path(key));
        }
        return b.build();
    }

    private static Path path(String p) {
        return p.startsWith("~/") ? Path.of(System.getProperty("user.home"), p.substring(2)) : Path.of(p);
    }

    /** {@code <service>_api_version} values (e.g. {@code compute} → {@code 2.60}). */
    public Map<String, String> apiVersions() {
        return apiVersions;
    }

    /** {@code <service>_endpoint_override} values (e.g. {@code volume} → URL). */
    public Map<String, String> endpointOverrides() {
        return endpointOverrides;
    }

    /** The credentials for the auth type. */
    public Credentials credentials() {
        switch (authType) {
            case APPLICATION_CREDENTIAL: {
                String secret = require("application_credential_secret");
                if (auth.containsKey("application_credential_id")) {
                    return Credentials.applicationCredential(auth.get("application_credential_id"), secret);
                }
                if (!auth.containsKey("application_credential_name")) {
                    throw problem(
                            "auth.application_credential_id",
                            "v3applicationcredential needs application_credential_id (or _name with a user)");
                }
                return Credentials.applicationCredential(auth.get("application_credential_name"), user(), secret);
            }
            case TOKEN:
                return Credentials.token(require("token"));
            case OIDC_ACCESS_TOKEN:
                return Credentials.oidcAccessToken(
                        require("identity_provider"), auth.getOrDefault("protocol", "openid"), require("access_token"));
            default:
                return Credentials.password(user(), require("password"));
        }
    }

    private UserRef user() {
        if (auth.containsKey("user_id")) {
            return UserRef.id(auth.get("user_id"));
        }
        return UserRef.name(require("username"), domain("user_domain", true));
    }

    private DomainRef domain(String prefix, boolean defaulted) {
        if (auth.containsKey(prefix + "_id")) {
            return DomainRef.id(auth.get(prefix + "_id"));
        }
        if (auth.containsKey(prefix + "_name")) {
            return DomainRef.name(auth.get(prefix + "_name"));
        }
        // openstacksdk's fallbacks: domain_id / domain_name / default_domain, else "default"
        if (auth.containsKey("domain_id")) {
            return DomainRef.id(auth.get("domain_id"));
        }
        if (auth.containsKey("domain_name")) {
            return DomainRef.name(auth.get("domain_name"));
        }
        if (auth.containsKey("default_domain")) {
            return DomainRef.of(auth.get("default_domain"));
        }
        return defaulted ? DomainRef.id("default") : null;
    }

    /** The scope: project id, or project name + domain, else unscoped. */
    public Scope scope() {
        String projectId = auth.getOrDefault("project_id", auth.get("tenant_id"));
        if (projectId != null) {
            return Scope.project(projectId);
        }
        String projectName = auth.getOrDefault("project_name", auth.get("tenant_name"));
        if (projectName != null) {
            return Scope.projectName(projectName, domain("project_domain", true));
        }
        return Scope.unscoped();
    }

    private String require(String k) {
        String v = auth.get(k);
        if (v == null || v.isEmpty()) {
            throw problem(
                    "auth." + k, "is required for auth_type " + authType.name().toLowerCase(java.util.Locale.ROOT));
        }
        return v;
    }

    private ConfigurationException problem(String keySuffix, String message) {
        return new ConfigurationException(source, null, "clouds." + name + "." + keySuffix, message, null);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        auth.forEach((k, v) -> shown.put(k, isSecret(k) ? "<redacted>" : v));
        return "CloudConfig{" + name + " from " + source + ", " + authType + ", auth=" + shown + ", region="
                + region().orElse("-") + "}";
    }

    private static boolean isSecret(String k) {
        return k.contains("password") || k.contains("secret") || k.contains("token");
    }
}
