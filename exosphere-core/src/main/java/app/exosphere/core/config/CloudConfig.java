package app.exosphere.core.config;

import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.Scope;
import app.exosphere.core.auth.Secret;
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
    private final String authTypeName;
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
        this(
                name,
                source,
                authType,
                authType.configName(),
                auth,
                regionName,
                regions,
                interfaceName,
                verify,
                cacert,
                cert,
                key,
                apiVersions,
                endpointOverrides);
    }

    /** As resolved by {@link CloudsYaml}: also keeps the {@code auth_type} as written. */
    CloudConfig(
            String name,
            String source,
            AuthType authType,
            String authTypeName,
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
        this.authTypeName = Objects.requireNonNull(authTypeName, "authTypeName");
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

    /** The {@code auth_type} as the configuration spells it (e.g. {@code v3password}, {@code password}). */
    public String authTypeName() {
        return authTypeName;
    }

    /** All auth values by key, secrets included (for the parity suite); {@link #maskedAuth()} is for display. */
    Map<String, String> auth() {
        return auth;
    }

    /** The auth values with passwords, secrets and tokens replaced by {@code <masked>}, sorted by key. */
    public Map<String, String> maskedAuth() {
        Map<String, String> shown = new TreeMap<>();
        auth.forEach((k, v) -> shown.put(k, isSecret(k) ? "<masked>" : v));
        return shown;
    }

    /** The endpoint interface as written ({@code public} when unset), e.g. {@code internalURL}. */
    public String interfaceName() {
        return interfaceName == null ? "public" : interfaceName;
    }

    /** The CA bundle path when TLS is verified with a custom bundle. */
    public Optional<String> cacert() {
        return Optional.ofNullable(cacert);
    }

    /** The client certificate path. */
    public Optional<String> cert() {
        return Optional.ofNullable(cert);
    }

    /** The client key path. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** False when TLS verification is off ({@code verify: false} or {@code insecure: true}). */
    public boolean verify() {
        return !Boolean.FALSE.equals(verify);
    }

    /**
     * A non-secret auth value ({@code auth_url}, {@code project_name}, ...).
     *
     * @throws IllegalArgumentException if {@code key} names a secret (a password, secret, token or
     *     passcode): read those with {@link #secret(String)}
     */
    public Optional<String> auth(String key) {
        if (isSecret(key)) {
            throw new IllegalArgumentException(
                    "auth value '" + key + "' is a secret; read it with secret(\"" + key + "\")");
        }
        return Optional.ofNullable(auth.get(key));
    }

    /** Any auth value, as a {@link Secret} ({@code password}, {@code application_credential_secret}, ...). */
    public Optional<Secret> secret(String key) {
        return Optional.ofNullable(auth.get(key)).map(Secret::of);
    }

    /** The Keystone URL. */
    public String authUrl() {
        return require("auth_url");
    }

    /**
     * The region: as openstacksdk resolves it (the requested one, else the first of {@code regions}, else
     * {@code region_name}, else the vendor profile's); for hand-built configs {@code region_name}, else the
     * first of {@code regions}.
     */
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
        if (p.startsWith("~/")) {
            String home = System.getenv("HOME");
            return Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home, p.substring(2));
        }
        return Path.of(p);
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
        DomainRef d = domain("user_domain");
        // extension: keystoneauth sends no user domain here (Keystone then refuses); we use "default"
        return UserRef.name(require("username"), d == null ? DomainRef.id("default") : d);
    }

    /** {@code <prefix>_id}, {@code <prefix>_name}, then keystoneauth's {@code default_domain_id/_name}. */
    private DomainRef domain(String prefix) {
        for (String k : List.of(prefix + "_id", prefix + "_name", "default_domain_id", "default_domain_name")) {
            String v = auth.get(k);
            if (v != null && !v.isEmpty()) {
                return k.endsWith("_id") ? DomainRef.id(v) : DomainRef.name(v);
            }
        }
        return null;
    }

    /**
     * The scope as keystoneauth derives it: a project (by id, or by name within {@code project_domain_*}
     * or {@code default_domain_*}), a domain ({@code domain_id}/{@code domain_name} without a project), the
     * system ({@code system_scope}), else unscoped.
     *
     * @throws ConfigurationException when more than one scope is configured
     */
    public Scope scope() {
        String projectId = auth.getOrDefault("project_id", auth.get("tenant_id"));
        String projectName = auth.getOrDefault("project_name", auth.get("tenant_name"));
        String domainId = auth.get("domain_id");
        String domainName = auth.get("domain_name");
        String system = auth.get("system_scope");
        int targets = (projectId != null || projectName != null ? 1 : 0)
                + (domainId != null || domainName != null ? 1 : 0)
                + (system != null ? 1 : 0);
        if (targets > 1) {
            throw problem(
                    "auth",
                    "scopes to more than one target (project, domain, system); keep only one of project_*,"
                            + " domain_* and system_scope");
        }
        if (projectId != null) {
            return Scope.project(projectId);
        }
        if (projectName != null) {
            DomainRef d = domain("project_domain");
            // extension: keystoneauth sends no project domain here (Keystone then refuses); we use "default"
            return Scope.projectName(projectName, d == null ? DomainRef.id("default") : d);
        }
        if (domainId != null) {
            return Scope.domain(domainId);
        }
        if (domainName != null) {
            return Scope.domainName(domainName);
        }
        if (system != null) {
            return Scope.system();
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
        return "CloudConfig{" + name + " from " + source + ", " + authTypeName + ", auth=" + shown + ", region="
                + region().orElse("-") + "}";
    }

    private static boolean isSecret(String k) {
        return k.contains("password") || k.contains("secret") || k.contains("token") || k.equals("passcode");
    }
}
