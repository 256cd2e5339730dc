package app.exosphere.core;

import app.exosphere.core.accounting.AccountingClient;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.Identity;
import app.exosphere.core.auth.Project;
import app.exosphere.core.auth.Region;
import app.exosphere.core.auth.Scope;
import app.exosphere.core.auth.TokenInfo;
import app.exosphere.core.compute.ComputeClient;
import app.exosphere.core.config.CloudConfig;
import app.exosphere.core.config.CloudsYaml;
import app.exosphere.core.config.OpenRc;
import app.exosphere.core.dns.DnsClient;
import app.exosphere.core.error.ConfigurationException;
import app.exosphere.core.http.Call;
import app.exosphere.core.http.EndpointInterface;
import app.exosphere.core.http.Microversion;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.http.TlsOptions;
import app.exosphere.core.http.TransportOptions;
import app.exosphere.core.image.ImageClient;
import app.exosphere.core.internal.Authenticator;
import app.exosphere.core.internal.Context;
import app.exosphere.core.internal.DefaultIdentity;
import app.exosphere.core.internal.DefaultServiceClient;
import app.exosphere.core.internal.HttpEngine;
import app.exosphere.core.internal.JsonMappers;
import app.exosphere.core.internal.KeystoneUrls;
import app.exosphere.core.internal.TlsSetup;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.network.NetworkClient;
import app.exosphere.core.placement.PlacementClient;
import app.exosphere.core.share.ShareClient;
import app.exosphere.core.volume.VolumeClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * An authenticated, immutable, thread-safe connection to one OpenStack cloud, seen from one project,
 * region and endpoint interface. {@link #forProject(String)}, {@link #forRegion(String)} and
 * {@link #withInterface(EndpointInterface)} return cheap views that share the HTTP client (one
 * connection pool) and the token cache; no state is kept per thread.
 *
 * <p>Build it from explicit credentials, a clouds.yaml cloud ({@code CloudsYaml}), an OpenRC file
 * ({@code OpenRc}), an existing token, or an OIDC access token:
 *
 * <pre>{@code
 * OpenStack js2 = OpenStack.builder()
 *         .authUrl("https://js2.jetstream-cloud.org:5000/v3/")
 *         .credentials(Credentials.applicationCredential(id, secret))
 *         .region("IU")
 *         .build();                                   // authenticates now
 *
 * OpenStack gateway = OpenStack.builder()
 *         .authUrl("https://keystone.example.org:5000/v3")
 *         .credentials(Credentials.oidcAccessToken("globus", "openid", accessToken))
 *         .build();                                   // unscoped
 * List<Project> projects = gateway.projects().execute();
 * OpenStack project = gateway.forProject(projects.get(0).id()).forRegion("TACC");
 * JsonNode servers = project.service(ServiceType.COMPUTE).get("servers/detail").json().execute();
 * }</pre>
 *
 * <p>A test or simulator can pass its own {@link OkHttpClient} ({@link Builder#httpClient}); the SDK
 * derives its client with {@code newBuilder()}, keeping its DNS, socket factory and TLS trust.
 *
 * <p><b>Closing.</b> {@link #close()} releases what the SDK created for this connection: the OkHttp
 * dispatcher's threads and the connection pool. Views share them, so closing any view closes the
 * connection of all its views. A client passed with {@link Builder#httpClient} stays the caller's: its
 * threads and pool are left alone (close it yourself); {@link Builder#configureHttpClient} lets the SDK
 * create and own a client you customise (DNS, TLS trust, interceptors).
 */
public final class OpenStack implements AutoCloseable {
    private final Context ctx;
    private final Scope scope;
    private final String region;
    private final EndpointInterface iface;

    private OpenStack(Context ctx, Scope scope, String region, EndpointInterface iface) {
        this.ctx = ctx;
        this.scope = scope;
        this.region = region;
        this.iface = iface;
    }

    /** Connects to a clouds.yaml cloud (search path, secure.yaml and {@code OS_*} as openstacksdk). */
    public static OpenStack fromCloudsYaml(String cloudName) {
        return builder().cloud(CloudsYaml.load().cloud(cloudName)).build();
    }

    /** Connects with an OpenRC file (e.g. an application-credential openrc.sh). */
    public static OpenStack fromOpenRc(Path openRcFile) {
        return builder().cloud(OpenRc.load(openRcFile).toCloudConfig("openrc")).build();
    }

    /** Starts building a connection. */
    public static Builder builder() {
        return new Builder();
    }

    /** The SDK version (from the build), e.g. {@code 0.1.0}. */
    public static String version() {
        try (InputStream in = OpenStack.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.startsWith("$")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "dev";
    }

    // ---- views ----

    /** A view of the project with this id (shares HTTP client and token cache). */
    public OpenStack forProject(String projectId) {
        return forProject(Scope.project(projectId));
    }

    /** A view of the project with this name in {@code domain}. */
    public OpenStack forProject(String projectName, DomainRef domain) {
        return forProject(Scope.projectName(projectName, domain));
    }

    /** A view with another scope (project, domain, or unscoped). */
    public OpenStack forProject(Scope newScope) {
        return new OpenStack(ctx, Objects.requireNonNull(newScope, "scope"), region, iface);
    }

    /** A view of another region ({@code null} = the first endpoint of any region). */
    public OpenStack forRegion(String newRegion) {
        return new OpenStack(ctx, scope, newRegion, iface);
    }

    /** A view using another endpoint interface. */
    public OpenStack withInterface(EndpointInterface newInterface) {
        return new OpenStack(ctx, scope, region, Objects.requireNonNull(newInterface, "interface"));
    }

    /** The scope of this view. */
    public Scope scope() {
        return scope;
    }

    /** The region of this view, if one is set. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** The endpoint interface of this view. */
    public EndpointInterface endpointInterface() {
        return iface;
    }

    // ---- services ----

    /** The transport for a catalog service in this view (see {@link ServiceClient}). */
    public ServiceClient service(ServiceType type) {
        return new DefaultServiceClient(ctx, Objects.requireNonNull(type, "type"), scope, region, iface);
    }

    /** Typed Nova client of this view ({@code /servers}, {@code /flavors}, {@code /os-keypairs}, …). */
    public ComputeClient compute() {
        return ComputeClient.on(service(ServiceType.COMPUTE));
    }

    /** Typed Glance client of this view ({@code /v2/images}). */
    public ImageClient image() {
        return ImageClient.on(service(ServiceType.IMAGE));
    }

    /** Typed Neutron client of this view ({@code /v2.0/networks}, {@code /v2.0/floatingips}, …). */
    public NetworkClient network() {
        return NetworkClient.on(service(ServiceType.NETWORK));
    }

    /** Typed Cinder client of this view ({@code /volumes}, {@code /types}, …). */
    public VolumeClient volume() {
        return VolumeClient.on(service(ServiceType.VOLUME));
    }

    /** Typed Manila client of this view ({@code /shares}, {@code /share-access-rules}, …; catalog type {@code sharev2}). */
    public ShareClient share() {
        return ShareClient.on(service(ServiceType.SHARE));
    }

    /**
     * Typed Designate client of this view ({@code /v2/zones}, {@code /v2/recordsets}); the cloud must list a
     * {@code dns} service, else its calls fail with {@code EndpointNotFoundException}.
     */
    public DnsClient dns() {
        return DnsClient.on(service(ServiceType.DNS));
    }

    /**
     * Jetstream2's allocation accounting client of this view (catalog type {@code accounting}); calls fail
     * with {@link app.exosphere.core.error.EndpointNotFoundException} on clouds without it.
     */
    public AccountingClient accounting() {
        return AccountingClient.on(service(AccountingClient.ACCOUNTING));
    }

    /** Typed Placement client of this view ({@code /usages}). */
    public PlacementClient placement() {
        return PlacementClient.on(service(ServiceType.PLACEMENT));
    }

    /** Keystone: projects, regions, application credentials. */
    public Identity identity() {
        return new DefaultIdentity(ctx, scope, region, iface);
    }

    /** The projects the user can scope to ({@code GET /v3/auth/projects}). */
    public Call<List<Project>> projects() {
        return identity().projects();
    }

    /** The cloud's regions ({@code GET /v3/regions}). */
    public Call<List<Region>> regions() {
        return identity().regions();
    }

    /** The current token of this view, issued or refreshed if needed when executed. */
    public Call<TokenInfo> token() {
        return Operation.fromAsync(() -> ctx.auth().token(scope));
    }

    /**
     * The SDK's shared HTTP client (connection pool, DNS, TLS trust, timeouts), for calls that are not
     * OpenStack API calls, such as logging in to an instance's Guacamole through the UAP. Derive from it
     * with {@code newBuilder()}; it carries no OpenStack token.
     */
    public OkHttpClient httpClient() {
        return ctx.engine().client();
    }

    /** The transport options of this connection (timeouts, retries, listener, registries). */
    public TransportOptions transportOptions() {
        return ctx.engine().options();
    }

    /** The Keystone v3 root this connection authenticates against. */
    public String authUrl() {
        return ctx.auth().v3Root().toString();
    }

    /**
     * Releases what the SDK created for this connection (dispatcher threads, pooled connections), so the
     * JVM can exit as soon as {@code main} returns. Calls still in flight fail; later calls are refused.
     * A client passed with {@link Builder#httpClient} is left to its owner. Idempotent.
     */
    @Override
    public void close() {
        ctx.engine().close();
    }

    @Override
    public String toString() {
        return "OpenStack{" + ctx.auth().v3Root() + ", " + scope + (region == null ? "" : ", region " + region) + ", "
                + iface.catalogName() + "}";
    }

    /**
     * Builds an {@link OpenStack}. Not thread-safe.
     *
     * <pre>{@code
     * OpenStack os = OpenStack.builder()
     *         .authUrl("https://keystone.example.org:5000/v3")
     *         .credentials(Credentials.password(UserRef.name("alice", DomainRef.of("Default")), password))
     *         .project("demo", DomainRef.of("Default"))
     *         .region("RegionOne")
     *         .transport(TransportOptions.builder().maxAttempts(5).build())
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private String authUrl;
        private Credentials credentials;
        private Scope scope = Scope.unscoped();
        private String region;
        private EndpointInterface iface = EndpointInterface.PUBLIC;
        private OkHttpClient baseClient;
        private UnaryOperator<OkHttpClient.Builder> clientCustomizer;
        private TransportOptions transport = TransportOptions.defaults();
        private TlsOptions tls = TlsOptions.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration refreshMargin = Duration.ofMinutes(5);
        private final Map<String, Microversion> maxMicroversions = new HashMap<>();
        private final Map<String, String> endpointOverrides = new HashMap<>();
        private String userAgentSuffix;

        private Builder() {}

        /** Keystone URL; {@code https://h:5000}, {@code https://h:5000/v3} and {@code .../identity/v3} all work. */
        public Builder authUrl(String value) {
            this.authUrl = value;
            return this;
        }

        public Builder credentials(Credentials value) {
            this.credentials = value;
            return this;
        }

        /** Scope to the project with this id. */
        public Builder project(String projectId) {
            return scope(Scope.project(projectId));
        }

        /** Scope to the project with this name in {@code domain}. */
        public Builder project(String projectName, DomainRef domain) {
            return scope(Scope.projectName(projectName, domain));
        }

        /** Any scope; default unscoped (or the application credential's project). */
        public Builder scope(Scope value) {
            this.scope = Objects.requireNonNull(value, "scope");
            return this;
        }

        /** Region for endpoint selection; default: the first endpoint of any region. */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /** Endpoint interface; default public. */
        public Builder endpointInterface(EndpointInterface value) {
            this.iface = Objects.requireNonNull(value, "interface");
            return this;
        }

        /**
         * A base client (its DNS, socket factory, TLS, interceptors and pool are kept); the SDK derives
         * its own via {@code newBuilder()} and applies its timeouts and dispatcher limits. The caller keeps
         * ownership: {@link OpenStack#close()} leaves this client's threads and connection pool alone.
         */
        public Builder httpClient(OkHttpClient value) {
            this.baseClient = value;
            return this;
        }

        /**
         * Customises the client the SDK creates and owns (released by {@link OpenStack#close()}), e.g. a
         * simulator's DNS and TLS trust: {@code .configureHttpClient(cloud::configure)}. Applied before the
         * SDK's timeouts and dispatcher limits. Ignored when {@link #httpClient} is given.
         */
        public Builder configureHttpClient(UnaryOperator<OkHttpClient.Builder> value) {
            this.clientCustomizer = Objects.requireNonNull(value, "value");
            return this;
        }

        public Builder transport(TransportOptions value) {
            this.transport = Objects.requireNonNull(value, "transport");
            return this;
        }

        public Builder tls(TlsOptions value) {
            this.tls = Objects.requireNonNull(value, "tls");
            return this;
        }

        /** The clock for token expiry decisions (tests use a fixed or offset clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Refresh tokens when less than this remains (default 5 minutes, as Exosphere). */
        public Builder tokenRefreshMargin(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("tokenRefreshMargin must not be negative");
            }
            this.refreshMargin = value;
            return this;
        }

        /** Caps the negotiated microversion of a service (e.g. compute {@code 2.60}). */
        public Builder maxMicroversion(ServiceType type, String version) {
            String service = type.microversionService()
                    .orElseThrow(() -> new IllegalArgumentException("the " + type + " API has no microversions"));
            maxMicroversions.put(service, Microversion.parse(version));
            return this;
        }

        /**
         * Uses {@code url} instead of the catalog for a service ({@code $(project_id)s} and
         * {@code %(project_id)s} are replaced).
         */
        public Builder endpointOverride(ServiceType type, String url) {
            endpointOverrides.put(type.type(), Objects.requireNonNull(url, "url"));
            return this;
        }

        /** Appended to the User-Agent, e.g. {@code my-gateway/1.2}. */
        public Builder userAgent(String suffix) {
            this.userAgentSuffix = suffix;
            return this;
        }

        /**
         * Everything a clouds.yaml / OpenRC / environment cloud says: auth URL, credentials, project,
         * region, interface, TLS, {@code <service>_api_version} microversion caps and endpoint overrides.
         */
        public Builder cloud(CloudConfig cloud) {
            authUrl(cloud.authUrl());
            credentials(cloud.credentials());
            scope(cloud.scope());
            cloud.region().ifPresent(this::region);
            endpointInterface(cloud.endpointInterface());
            tls(cloud.tls());
            cloud.apiVersions().forEach((service, version) -> {
                ServiceType type = ServiceType.of(service);
                if (type.microversionService().isPresent() && version.contains(".")) {
                    maxMicroversion(type, version);
                }
            });
            cloud.endpointOverrides().forEach((service, url) -> endpointOverride(ServiceType.of(service), url));
            return this;
        }

        /** Builds and authenticates now (throws on bad credentials). */
        public OpenStack build() {
            OpenStack os = buildLazily();
            os.token().execute();
            return os;
        }

        /** Builds without contacting Keystone; the first call authenticates. */
        public OpenStack buildLazily() {
            if (authUrl == null || authUrl.isBlank()) {
                throw new ConfigurationException(null, null, "auth_url", "the Keystone auth URL is required", null);
            }
            if (credentials == null) {
                throw new ConfigurationException(
                        "credentials are required (password, application credential, " + "token or OIDC access token)");
            }
            // no throw-away OkHttpClient just to get a builder
            boolean owned = baseClient == null;
            OkHttpClient.Builder hb = owned ? new OkHttpClient.Builder() : baseClient.newBuilder();
            if (owned && clientCustomizer != null) {
                hb = Objects.requireNonNull(clientCustomizer.apply(hb), "configureHttpClient returned null");
            }
            hb.connectTimeout(transport.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(transport.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .writeTimeout(transport.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .callTimeout(transport.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .retryOnConnectionFailure(false); // our retry policy decides, per method
            // its executor is created on the first asynchronous call
            Dispatcher dispatcher = owned
                    ? new Dispatcher()
                    : new Dispatcher(baseClient.dispatcher().executorService());
            dispatcher.setMaxRequests(transport.maxRequests());
            dispatcher.setMaxRequestsPerHost(transport.maxRequestsPerHost());
            hb.dispatcher(dispatcher);
            if (!TlsSetup.apply(hb, tls) && owned && clientCustomizer == null) {
                TlsSetup.deferDefaultContext(hb); // an http:// cloud never creates a TLS context
            }
            String ua = "exosphere-java/" + version() + (userAgentSuffix == null ? "" : " " + userAgentSuffix);
            HttpEngine engine = new HttpEngine(hb.build(), JsonMappers.create(), transport, clock, ua, owned);
            Authenticator auth = new Authenticator(engine, KeystoneUrls.v3Root(authUrl), credentials, refreshMargin);
            Context ctx = new Context(engine, auth, endpointOverrides, maxMicroversions, Context.newVersionCache());
            return new OpenStack(ctx, scope, region, iface);
        }
    }
}
