package app.exosphere.testkit;

import app.exosphere.testkit.internal.Keystone;
import app.exosphere.testkit.internal.SimServer;
import app.exosphere.testkit.internal.UapApps;
import app.exosphere.testkit.internal.UapNetwork;
import app.exosphere.testkit.internal.World;
import app.exosphere.uap.UapCloud;
import app.exosphere.uap.UapConfig;
import app.exosphere.uap.UapEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;

/**
 * An in-process simulated OpenStack research cloud: Keystone, Nova, Glance, Neutron, Cinder and
 * Placement on one local HTTP server, plus a User Application Proxy (HTTPS, generated CA) in front of
 * Guacamole and Jupyter on the simulated instances. Instances run Exosphere's user data on an
 * accelerated clock: their console shows setup status, resource usage and workflow lines, and they
 * publish an exouser passphrase, exactly as the Exosphere web app expects.
 *
 * <pre>{@code
 * try (CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2())) {
 *     OkHttpClient http = cloud.configure(new OkHttpClient.Builder()).build();
 *     String keystone = cloud.keystoneUrl();          // http://127.0.0.1:PORT/v3
 *     CloudCredentials login = cloud.credentials();
 *     // point the gateway under test at keystone, log in with login
 * }
 * }</pre>
 *
 * <p>One cloud may host several projects, each with its own user, password, application credential,
 * resources and quotas ({@link Builder#addProject}); a token sees only its project's resources, as on a
 * real cloud. The catalog, flavors, public images and the external network's addresses are the
 * cloud's. Without {@code addProject} the cloud has one project, the scenario's.
 *
 * <pre>{@code
 * try (CloudSimulator cloud = CloudSimulator.builder().addProject("beta", "bob", "bob-password").start()) {
 *     CloudCredentials alice = cloud.credentials();          // the scenario's project and user
 *     CloudCredentials bob = cloud.credentials("beta");
 *     int bobsServers = cloud.project("beta").servers().size();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Close it to stop both servers.
 */
public final class CloudSimulator implements AutoCloseable {
    private final World world;
    private final MockWebServer api = new MockWebServer();
    private final MockWebServer uapServer = new MockWebServer();
    private final UapNetwork network;
    private final Faults faults = new Faults();
    private final RequestJournal journal = new RequestJournal();

    private CloudSimulator(Builder b) throws IOException {
        this.world = new World(b.scenario, b.clock, b.seed);
        long projectSeed = b.seed;
        for (ProjectSpec p : b.projects) {
            if (p.name().equals(b.scenario.projectName()) || p.username().equals(b.scenario.username())) {
                throw new IllegalArgumentException(
                        "project " + p.name() + " or its user " + p.username() + " has the scenario's own name");
            }
            projectSeed += 0x9E3779B97F4A7C15L;
            new World(
                    b.scenario.toBuilder()
                            .projectName(p.name())
                            .username(p.username())
                            .password(p.password())
                            .build(),
                    b.clock,
                    projectSeed,
                    world);
        }
        SecretLeakScanner.started(this); // its secrets are scanned for even when a test keeps it in a local
        List<String> uaps = new ArrayList<>();
        b.scenario.regions().forEach(r -> r.uap().ifPresent(uaps::add));
        this.network = new UapNetwork(uaps);
        Keystone keystone = new Keystone(world);
        UapApps apps = new UapApps(world);
        api.setDispatcher(new SimulatorDispatcher(world, keystone, apps, faults, journal, false));
        uapServer.setDispatcher(new SimulatorDispatcher(world, keystone, apps, faults, journal, true));
        uapServer.useHttps(network.serverCertificates().sslSocketFactory());
        InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        api.start(loopback, b.port);
        uapServer.start(loopback, 0);
        network.port(uapServer.getPort());
        synchronized (world) {
            for (World p : world.projects) {
                p.apiBase = "http://127.0.0.1:" + api.getPort();
            }
        }
    }

    /** Starts {@code scenario} with simulated time running 60 times faster than wall time. */
    public static CloudSimulator start(Scenario scenario) {
        return builder().scenario(scenario).start();
    }

    /** A builder: scenario (default {@link Scenario#jetstream2()}), clock, seed. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ what a client needs

    /** The Keystone v3 URL, e.g. {@code http://127.0.0.1:41234/v3} (also the catalog's identity endpoint). */
    public String keystoneUrl() {
        return world.apiBase + "/v3";
    }

    /** The Keystone host as Exosphere's {@code cloud_configs.js} names it ({@code keystoneHostname}). */
    public String keystoneHostname() {
        return "127.0.0.1";
    }

    /**
     * User, password, project, an application credential and an OIDC access token that the cloud accepts,
     * for the scenario's (first) project.
     */
    public CloudCredentials credentials() {
        return credentials(world);
    }

    /**
     * The user, password, project and application credential of project {@code projectName} (the OIDC
     * access token is the first project's user's, the only federated user).
     *
     * @throws IllegalArgumentException when the cloud has no such project
     */
    public CloudCredentials credentials(String projectName) {
        return credentials(projectNamed(projectName));
    }

    private CloudCredentials credentials(World p) {
        World.AppCred c;
        synchronized (world) {
            c = world.appCreds.get(p.defaultAppCredId);
        }
        Scenario s = p.scenario;
        return new CloudCredentials(
                keystoneUrl(),
                s.username(),
                s.password(),
                p.domainName,
                p.domainId,
                p.userId,
                s.projectName(),
                p.projectId,
                p.domainName,
                s.regions().get(0).id(),
                c == null ? "" : c.id(),
                c == null ? "" : c.secret(),
                world.oidcIdp,
                world.oidcProtocol,
                world.oidcAccessToken);
    }

    /**
     * A view of project {@code projectName} of this cloud, to count what a client created in it.
     *
     * @throws IllegalArgumentException when the cloud has no such project
     */
    public SimulatedProject project(String projectName) {
        return new SimulatedProject(this, projectNamed(projectName).projectId);
    }

    /** Every project of this cloud, the scenario's first. */
    public List<SimulatedProject> projects() {
        return world.projects.stream()
                .map(p -> new SimulatedProject(this, p.projectId))
                .toList();
    }

    private World projectNamed(String projectName) {
        for (World p : world.projects) {
            if (p.scenario.projectName().equals(projectName)) {
                return p;
            }
        }
        throw new IllegalArgumentException("this simulated cloud has no project named " + projectName
                + "; its projects are "
                + world.projects.stream().map(p -> p.scenario.projectName()).toList());
    }

    /** Runs {@code f} on project {@code projectId}'s state under the cloud's lock, after playing out what is due. */
    <T> T inspectProject(String projectId, java.util.function.Function<World, T> f) {
        synchronized (world) {
            world.tick();
            return f.apply(world.project(projectId));
        }
    }

    /** The live servers of project {@code p} as views. */
    List<SimulatedServer> serversOf(World p) {
        List<SimulatedServer> out = new ArrayList<>();
        for (World.RegionState rs : p.regions.values()) {
            for (SimServer s : rs.liveServers()) {
                out.add(new SimulatedServer(this, s.id));
            }
        }
        return out;
    }

    /**
     * A {@code clouds.yaml} with two entries: {@code simulated} (password) and
     * {@code simulated-appcred} (application credential), both in the first region.
     */
    public String cloudsYaml() {
        CloudCredentials c = credentials();
        return "clouds:\n"
                + "  simulated:\n"
                + "    auth:\n"
                + "      auth_url: " + c.authUrl() + "\n"
                + "      username: \"" + c.username() + "\"\n"
                + "      password: \"" + c.password() + "\"\n"
                + "      user_domain_name: " + c.userDomainName() + "\n"
                + "      project_name: \"" + c.projectName() + "\"\n"
                + "      project_domain_name: " + c.projectDomainName() + "\n"
                + "    region_name: " + c.defaultRegion() + "\n"
                + "    interface: public\n"
                + "    identity_api_version: 3\n"
                + "  simulated-appcred:\n"
                + "    auth_type: v3applicationcredential\n"
                + "    auth:\n"
                + "      auth_url: " + c.authUrl() + "\n"
                + "      application_credential_id: \"" + c.applicationCredentialId() + "\"\n"
                + "      application_credential_secret: \"" + c.applicationCredentialSecret() + "\"\n"
                + "    region_name: " + c.defaultRegion() + "\n"
                + "    interface: public\n"
                + "    identity_api_version: 3\n";
    }

    /**
     * Exosphere's {@code cloud_configs.js} for this cloud (read as its {@code State.Init.cloudSpecificConfigDecoder} does): keystone
     * hostname, UAP per region (the first region's UAP also as the {@code region: null} catch-all),
     * {@code Featured-} image prefix.
     */
    public String cloudConfigsJs() {
        StringBuilder uaps = new StringBuilder();
        String first = null;
        for (Scenario.Region r : world.scenario.regions()) {
            if (r.uapHostname() != null) {
                uaps.append("        { region: \"")
                        .append(r.id())
                        .append("\", hostname: \"")
                        .append(r.uapHostname())
                        .append("\" },\n");
                if (first == null) {
                    first = r.uapHostname();
                }
            }
        }
        String uapValue = first == null
                ? "null"
                : "[\n" + uaps + "        { region: null, hostname: \"" + first + "\" },\n      ]";
        return "\"use strict\";\n"
                + "/** @type {Exosphere.CloudConfigs} */\n"
                + "var cloud_configs = {\n"
                + "  clouds: [\n"
                + "    {\n"
                + "      keystoneHostname: \"" + keystoneHostname() + "\",\n"
                + "      friendlyName: \"" + world.scenario.friendlyName() + "\",\n"
                + "      userAppProxy: " + uapValue + ",\n"
                + "      imageExcludeFilter: null,\n"
                + "      featuredImageNamePrefix: \"Featured-\",\n"
                + "      instanceTypes: [],\n"
                + "      flavorGroups: [],\n"
                + "      desktopMessage: null,\n"
                + "      dnsZones: [ { region: null, zone: \"{project_name}"
                + app.exosphere.testkit.internal.Designate.ZONE_SUFFIX + "\" } ],\n"
                + "    },\n"
                + "  ],\n"
                + "};\n";
    }

    /** The UAP hostname of {@code region}, if it has one. */
    public Optional<String> uapHostname(String region) {
        return world.scenario.regions().stream()
                .filter(r -> r.id().equals(region))
                .findFirst()
                .flatMap(Scenario.Region::uap);
    }

    /**
     * This cloud's UAP configuration in the exosphere-uap-urls model, e.g. to build UAP URLs with
     * {@code UapCatalog.of(cloud.uapCloud()).uapHostnameFor(catalogKeystoneUrl, region)}.
     */
    public UapCloud uapCloud() {
        List<UapEntry> entries = new ArrayList<>();
        String first = null;
        for (Scenario.Region r : world.scenario.regions()) {
            if (r.uapHostname() != null) {
                entries.add(UapEntry.of(r.id(), r.uapHostname()));
                first = first == null ? r.uapHostname() : first;
            }
        }
        if (first == null) {
            return UapCloud.withoutUap(keystoneHostname());
        }
        entries.add(UapEntry.catchAll(first));
        return UapCloud.of(keystoneHostname(), UapConfig.of(entries));
    }

    /** Resolves UAP hostnames to the loopback address; everything else through the system. */
    public Dns dns() {
        return network.dns();
    }

    /** Sends loopback port 443 (the UAP's port in every UAP URL) to the simulated UAP's real port. */
    public SocketFactory socketFactory() {
        return network.socketFactory();
    }

    /** Trusts the simulated UAP's CA (and the platform's CAs). */
    public HandshakeCertificates clientCertificates() {
        return network.clientCertificates();
    }

    /** The simulated UAP's CA certificate in PEM, for clients that are not OkHttp. */
    public String uapCaCertificatePem() {
        return network.ca().certificatePem();
    }

    /** Makes {@code builder} reach everything this cloud serves, UAP URLs over TLS included. */
    public OkHttpClient.Builder configure(OkHttpClient.Builder builder) {
        HandshakeCertificates certs = network.clientCertificates();
        return builder.dns(network.dns())
                .socketFactory(network.socketFactory())
                .sslSocketFactory(certs.sslSocketFactory(), certs.trustManager());
    }

    /** A new client configured by {@link #configure(OkHttpClient.Builder)}. */
    public OkHttpClient newHttpClient() {
        return configure(new OkHttpClient.Builder()).build();
    }

    // ------------------------------------------------------------------ control and inspection

    public Scenario scenario() {
        return world.scenario;
    }

    public SimulatedClock clock() {
        return world.clock;
    }

    public Faults faults() {
        return faults;
    }

    public RequestJournal journal() {
        return journal;
    }

    /** Servers launched from now on whose name matches {@code regex} finish setup with {@code error}. */
    public void failSetupOfServersNamed(String regex) {
        Pattern p = Pattern.compile(regex);
        for (World project : world.projects) {
            project.failSetup = name -> p.matcher(name).find();
        }
    }

    /**
     * Servers launched from now on whose name matches {@code regex} have their build rescheduled once, as
     * Nova does when the first host fails it: three tenths into the build the port made at one fifth is
     * deleted (a floating IP on it is disassociated, as Neutron does) and a new port is made, {@code DOWN}
     * until the binding at two fifths; the server still turns ACTIVE at the end of the build.
     */
    public void rescheduleBuildsOfServersNamed(String regex) {
        Pattern p = Pattern.compile(regex);
        for (World project : world.projects) {
            project.rescheduleBuild = name -> p.matcher(name).find();
        }
    }

    /**
     * Every secret this cloud has handed out so far: every user's password, the OIDC access token, every
     * Keystone token, application-credential secret, server admin password, exouser passphrase,
     * Guacamole token, remote-console token and workflow (Jupyter) token. For leak scanners such as {@link SecretLeakScanner}: none of these may ever be
     * printed by the code under test.
     */
    public Set<String> issuedSecrets() {
        synchronized (world) {
            Set<String> out = new LinkedHashSet<>();
            world.projects.forEach(p -> out.add(p.scenario.password()));
            out.add(world.oidcAccessToken);
            out.addAll(world.tokens.keySet());
            world.appCreds.values().forEach(c -> out.add(c.secret()));
            for (World.RegionState rs : allRegionStates()) {
                for (SimServer s : rs.servers.values()) {
                    if (s.passphrase != null) {
                        out.add(s.passphrase);
                    }
                    if (s.workflowToken != null) {
                        out.add(s.workflowToken);
                    }
                }
            }
            synchronized (world.otherIssuedSecrets) {
                out.addAll(world.otherIssuedSecrets);
            }
            out.removeIf(v -> v == null || v.isEmpty());
            return Set.copyOf(out);
        }
    }

    /** Every server not yet deleted, in all regions of every project. */
    public List<SimulatedServer> servers() {
        synchronized (world) {
            world.tick();
            List<SimulatedServer> out = new ArrayList<>();
            for (World p : world.projects) {
                out.addAll(serversOf(p));
            }
            return out;
        }
    }

    /** The server with this id or name in any project, if it exists. */
    public Optional<SimulatedServer> server(String idOrName) {
        synchronized (world) {
            world.tick();
            SimServer s = findServer(idOrName);
            return s == null || s.deleted ? Optional.empty() : Optional.of(new SimulatedServer(this, s.id));
        }
    }

    /** The region states of every project (each project has its own per region). */
    private List<World.RegionState> allRegionStates() {
        List<World.RegionState> out = new ArrayList<>();
        for (World p : world.projects) {
            out.addAll(p.regions.values());
        }
        return out;
    }

    private SimServer findServer(String idOrName) {
        World p = projectOfServer(idOrName);
        return p == null ? null : p.findServer(idOrName);
    }

    private World projectOfServer(String idOrName) {
        for (World p : world.projects) {
            if (p.findServer(idOrName) != null) {
                return p;
            }
        }
        return null;
    }

    /** Advances the clock by {@code amount} and plays out what became due. */
    public void advance(Duration amount) {
        world.clock.advance(amount);
        synchronized (world) {
            world.tick();
        }
    }

    <T> T inspect(String serverId, java.util.function.BiFunction<World, SimServer, T> f) {
        synchronized (world) {
            world.tick();
            World p = projectOfServer(serverId);
            SimServer s = p == null ? null : p.findServer(serverId);
            if (s == null) {
                throw new IllegalStateException("server " + serverId + " no longer exists in the simulated cloud");
            }
            return f.apply(p, s);
        }
    }

    /** Images made from server {@code serverId} (Glance images whose {@code instance_uuid} is it), in every region. */
    public int imageCountOf(String serverId) {
        synchronized (world) {
            world.tick();
            return (int) world.regions.values().stream()
                    .flatMap(rs -> rs.images.values().stream())
                    .filter(i -> serverId.equals(i.path("instance_uuid").asText(null)))
                    .count();
        }
    }

    /** The status of Glance image {@code imageId} and its visibility ("status/visibility"), empty when gone. */
    public Optional<String> imageState(String imageId) {
        synchronized (world) {
            world.tick();
            return world.regions.values().stream()
                    .map(rs -> rs.images.get(imageId))
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .map(i -> i.path("status").asText() + "/"
                            + i.path("visibility").asText());
        }
    }

    /** Every Cinder volume snapshot of every region (for counting what a client created). */
    public int snapshotCount() {
        synchronized (world) {
            world.tick();
            return allRegionStates().stream()
                    .mapToInt(rs -> rs.snapshots.size())
                    .sum();
        }
    }

    /**
     * The Cinder volumes of every region named {@code name}, as {@code "<status> <size> GB"} (for counting what
     * a client created).
     */
    public List<String> volumesNamed(String name) {
        synchronized (world) {
            world.tick();
            List<String> out = new ArrayList<>();
            for (World.RegionState rs : world.regions.values()) {
                for (var v : rs.volumes.values()) {
                    if (name.equals(v.path("name").asText(null))) {
                        out.add(v.path("status").asText() + " " + v.path("size").asInt() + " GB");
                    }
                }
            }
            return out;
        }
    }

    /**
     * The Designate record sets of every region holding {@code ip} (any type), as {@code "<type> <name>"}
     * (for counting what a client created).
     */
    public List<String> recordSetsHolding(String ip) {
        synchronized (world) {
            world.tick();
            List<String> out = new ArrayList<>();
            for (World.RegionState rs : allRegionStates()) {
                for (var r : rs.recordSets.values()) {
                    for (var rec : r.path("records")) {
                        if (rec.asText().equals(ip)) {
                            out.add(r.path("type").asText() + " "
                                    + r.path("name").asText());
                        }
                    }
                }
            }
            return out;
        }
    }

    /**
     * Replaces the first project's Jetstream2 accounting allocations: {@code GET <accounting URL>/} then answers
     * exactly these objects (any shape, to test decoders), in this order.
     *
     * @param jsonArray a JSON array of allocation objects
     */
    public void replaceAllocations(String jsonArray) {
        com.fasterxml.jackson.databind.JsonNode parsed = app.exosphere.testkit.internal.Json.parse(jsonArray);
        if (parsed == null || !parsed.isArray()) {
            throw new IllegalArgumentException("allocations must be a JSON array");
        }
        synchronized (world.allocations) {
            world.allocations.clear();
            parsed.forEach(a -> world.allocations.add((com.fasterxml.jackson.databind.node.ObjectNode) a));
        }
    }

    /** The number of accounting allocations the simulated service answers the first project. */
    public int allocationCount() {
        synchronized (world.allocations) {
            return world.allocations.size();
        }
    }

    /** Every floating IP of every region and project, bound or not (for counting what a client created). */
    public int floatingIpCount() {
        synchronized (world) {
            world.tick();
            return allRegionStates().stream()
                    .mapToInt(rs -> rs.floatingIps.size())
                    .sum();
        }
    }

    /** Every Manila share of every region and project, whatever its status (for counting what a client created). */
    public int shareCount() {
        synchronized (world) {
            world.tick();
            return allRegionStates().stream().mapToInt(rs -> rs.shares.size()).sum();
        }
    }

    /**
     * The {@code access_to} of every access rule of the share with this id or name, in creation order
     * (for counting what a client created; empty when there is no such share).
     */
    public List<String> shareAccessRules(String shareIdOrName) {
        synchronized (world) {
            world.tick();
            List<String> out = new java.util.ArrayList<>();
            for (World.RegionState rs : allRegionStates()) {
                for (var s : rs.shares.values()) {
                    if (s.path("id").asText().equals(shareIdOrName)
                            || s.path("name").asText().equals(shareIdOrName)) {
                        String id = s.path("id").asText();
                        rs.shareAccessRules.values().stream()
                                .filter(r -> r.path("share_id").asText().equals(id))
                                .forEach(r -> out.add(r.path("access_to").asText()));
                    }
                }
            }
            return out;
        }
    }

    /** The floating IPs bound to the ports of server {@code serverId} (0 when it has none). */
    public int floatingIpCountOf(String serverId) {
        synchronized (world) {
            world.tick();
            World p = projectOfServer(serverId);
            SimServer s = p == null ? null : p.findServer(serverId);
            if (s == null) {
                return 0;
            }
            World.RegionState rs = p.region(s.region);
            int n = 0;
            for (var f : rs.floatingIps.values()) {
                if (s.portIds.contains(app.exosphere.testkit.internal.Json.text(f, "port_id"))) {
                    n++;
                }
            }
            return n;
        }
    }

    static String floatingAddress(World w, SimServer s) {
        World.RegionState rs = w.region(s.region);
        for (var f : rs.floatingIps.values()) {
            if (s.portIds.contains(app.exosphere.testkit.internal.Json.text(f, "port_id"))) {
                return f.get("floating_ip_address").asText();
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            api.close();
            uapServer.close();
        } catch (RuntimeException e) {
            throw e;
        }
    }

    @Override
    public String toString() {
        return "CloudSimulator[" + world.scenario.friendlyName() + " at " + keystoneUrl() + "]";
    }

    private record ProjectSpec(String name, String username, String password) {
        @Override
        public String toString() {
            return "ProjectSpec[" + name + ", " + username + "]"; // never the password
        }
    }

    /** Builds and starts a {@link CloudSimulator}. */
    public static final class Builder {
        private Scenario scenario = Scenario.jetstream2();
        private SimulatedClock clock;
        private long seed = System.nanoTime();
        private int port;
        private final List<ProjectSpec> projects = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a project with its own user to the cloud, besides the scenario's: same regions, quotas and
         * pre-existing resources as the scenario's project, its own resources and an application
         * credential of its own. Names must differ from every other project's and user's.
         */
        public Builder addProject(String projectName, String username, String password) {
            Objects.requireNonNull(projectName, "projectName");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (projectName.isBlank() || username.isBlank() || password.isEmpty()) {
                throw new IllegalArgumentException("a project needs a name, a user name and a password");
            }
            if (projectName.equals(scenario.projectName())
                    || projects.stream().anyMatch(p -> p.name().equals(projectName))) {
                throw new IllegalArgumentException("the cloud already has a project named " + projectName);
            }
            if (username.equals(scenario.username())
                    || projects.stream().anyMatch(p -> p.username().equals(username))) {
                throw new IllegalArgumentException(
                        "the cloud already has a user named " + username + "; each project has its own user");
            }
            projects.add(new ProjectSpec(projectName, username, password));
            return this;
        }

        /** The loopback port of the OpenStack APIs (default 0: any free port); the UAP always takes a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        public Builder scenario(Scenario scenario) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
            return this;
        }

        /** The clock (default: accelerated 60×, starting now). */
        public Builder clock(SimulatedClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Seeds ids, passphrases and tokens so runs repeat. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Starts both servers on random loopback ports. */
        public CloudSimulator start() {
            try {
                return new CloudSimulator(this.clock == null ? clock(SimulatedClock.accelerated(60)) : this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the simulated cloud on 127.0.0.1", e);
            }
        }
    }
}
