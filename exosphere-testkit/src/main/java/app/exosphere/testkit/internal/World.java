package app.exosphere.testkit.internal;

import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.SimulatedClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * One project's state in the simulated cloud: its user, and per region its Nova, Neutron, Cinder,
 * Manila and Designate resources. The cloud's first project is the <em>root</em>: it also holds what the
 * whole cloud shares (Keystone's tokens and application credentials, the scheduler that plays out
 * status transitions on the simulated clock, the list of {@link #projects}, the public images and the
 * external network's floating-address counter); every further project refers to it. Every access holds
 * the root's monitor.
 */
public final class World {
    public final Scenario scenario;
    public final SimulatedClock clock;
    public final Ids ids;
    public final long seed;
    public String apiBase = "http://127.0.0.1:0";

    public final String domainId = "default";
    public final String domainName = "Default";
    public final String userId;
    public final String projectId;
    public final String oidcIdp = "simulated-idp";
    public final String oidcProtocol = "openid";
    public final String oidcAccessToken;
    /** Keystone's tokens, shared by every project of the cloud. */
    public final Map<String, Token> tokens;
    /** Keystone's application credentials, shared by every project of the cloud. */
    public final Map<String, AppCred> appCreds;
    /** Secrets handed out that live nowhere else (admin passwords, Guacamole tokens), for leak scanners. */
    public final java.util.Set<String> otherIssuedSecrets;
    /** The cloud's projects, the root first (the same list in every project). */
    public final List<World> projects;
    /** The cloud's first project, which holds what the cloud shares (this one for the root). */
    public final World root;

    public final String defaultAppCredId;
    public final Map<String, RegionState> regions = new LinkedHashMap<>();
    public final List<ObjectNode> flavors = new ArrayList<>();
    /** Jetstream2 accounting allocations of the project (the bare array {@link Accounting} serves). */
    public final List<ObjectNode> allocations = new ArrayList<>();

    public volatile Predicate<String> failSetup = name -> false;
    /** Servers whose build Nova reschedules once, replacing their port (see CloudSimulator#rescheduleBuildsOfServersNamed). */
    public volatile Predicate<String> rescheduleBuild = name -> false;

    private final PriorityQueue<Task> tasks = new PriorityQueue<>(); // used in the root only
    private long taskSeq;

    /** A Keystone token. */
    public record Token(
            String id,
            String userId,
            String projectId,
            Instant issuedAt,
            Instant expiresAt,
            List<String> methods,
            String appCredId,
            boolean federated,
            List<String> auditIds) {}

    /** A Keystone application credential (secret kept to check it, never logged). */
    public record AppCred(
            String id,
            String name,
            String secret,
            String projectId,
            String userId,
            String description,
            Instant expiresAt,
            boolean unrestricted) {}

    private record Task(Instant at, long seq, Runnable run) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** One region's resources. */
    public static final class RegionState {
        public final Scenario.Region spec;
        public final Map<String, SimServer> servers = new LinkedHashMap<>();
        /** Glance's images of the region, shared by every project (visibility and owner say who sees one). */
        public final Map<String, ObjectNode> images;

        public final Map<String, ObjectNode> keypairs = new LinkedHashMap<>();
        public final Map<String, ObjectNode> networks = new LinkedHashMap<>();
        public final Map<String, ObjectNode> subnets = new LinkedHashMap<>();
        public final Map<String, ObjectNode> routers = new LinkedHashMap<>();
        public final Map<String, ObjectNode> ports = new LinkedHashMap<>();
        public final Map<String, ObjectNode> floatingIps = new LinkedHashMap<>();
        public final Map<String, ObjectNode> securityGroups = new LinkedHashMap<>();
        public final Map<String, ObjectNode> securityGroupRules = new LinkedHashMap<>();
        public final Map<String, ObjectNode> volumes = new LinkedHashMap<>();
        public final Map<String, ObjectNode> volumeTypes = new LinkedHashMap<>();
        public final Map<String, ObjectNode> shares = new LinkedHashMap<>();
        public final Map<String, ObjectNode> shareAccessRules = new LinkedHashMap<>();
        public final Map<String, ObjectNode> shareTypes = new LinkedHashMap<>();
        public final Map<String, ObjectNode> snapshots = new LinkedHashMap<>();
        /** Designate zones and record sets of the project. */
        public final Map<String, ObjectNode> dnsZones = new LinkedHashMap<>();

        public final Map<String, ObjectNode> recordSets = new LinkedHashMap<>();
        public String externalNetworkId;
        public String autoTopologyNetworkId;
        public int nextFloating = 10;
        public int nextKeypairId = 1;

        RegionState(Scenario.Region spec, Map<String, ObjectNode> images) {
            this.spec = spec;
            this.images = images;
        }

        public List<SimServer> liveServers() {
            return servers.values().stream().filter(s -> !s.deleted).toList();
        }
    }

    /** The root (first) project of a new cloud. */
    public World(Scenario scenario, SimulatedClock clock, long seed) {
        this(scenario, clock, seed, null);
    }

    /**
     * A project of a cloud: the root when {@code cloud} is {@code null}, otherwise a further project of
     * {@code cloud}'s cloud (same regions, clock, identity and images; its own user, resources and quotas).
     */
    public World(Scenario scenario, SimulatedClock clock, long seed, World cloud) {
        this.scenario = scenario;
        this.clock = clock;
        this.seed = seed;
        this.ids = new Ids(seed);
        if (cloud == null) {
            this.root = this;
            this.tokens = new LinkedHashMap<>();
            this.appCreds = new LinkedHashMap<>();
            this.otherIssuedSecrets = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
            this.projects = new java.util.concurrent.CopyOnWriteArrayList<>();
        } else {
            this.root = cloud.root;
            this.tokens = root.tokens;
            this.appCreds = root.appCreds;
            this.otherIssuedSecrets = root.otherIssuedSecrets;
            this.projects = root.projects;
            this.apiBase = root.apiBase;
        }
        projects.add(this);
        this.userId = ids.hex32();
        this.projectId = ids.hex32();
        this.oidcAccessToken = ids.token();
        Instant now = clock.now();
        seedFlavors();
        for (Scenario.Region r : scenario.regions()) {
            RegionState shared = root == this ? null : root.region(r.id());
            RegionState rs = new RegionState(r, shared == null ? new LinkedHashMap<>() : shared.images);
            regions.put(r.id(), rs);
            seedRegion(rs, now, shared == null);
        }
        this.defaultAppCredId = ids.hex32();
        appCreds.put(
                defaultAppCredId,
                new AppCred(
                        defaultAppCredId,
                        "simulated-gateway",
                        ids.token().substring(6, 58),
                        projectId,
                        userId,
                        "created by the testkit",
                        null,
                        false));
        seedUsage(regions.values().iterator().next(), now);
        allocations.addAll(Accounting.seed(now));
    }

    public Instant now() {
        return clock.now();
    }

    /** The project {@code projectId} of this cloud, or {@code null}. */
    public World project(String projectId) {
        for (World p : projects) {
            if (p.projectId.equals(projectId)) {
                return p;
            }
        }
        return null;
    }

    /** The project whose user is {@code userId} (each project has its own user), or {@code null}. */
    public World projectOfUser(String userId) {
        for (World p : projects) {
            if (p.userId.equals(userId)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The next free host number on {@code rs}'s external network: one counter for the whole cloud, as
     * the external network's subnet is the same for every project.
     */
    public int nextFloatingHost(RegionState rs) {
        return root.region(rs.spec.id()).nextFloating++;
    }

    public RegionState region(String id) {
        return regions.get(id);
    }

    // ---------------------------------------------------------------- scheduler

    public void schedule(Instant at, Runnable r) {
        if (root != this) {
            root.schedule(at, r);
            return;
        }
        tasks.add(new Task(at, taskSeq++, r));
    }

    /** Plays out every transition due by now, in every project of the cloud. */
    public void tick() {
        if (root != this) {
            root.tick();
            return;
        }
        Instant now = clock.now();
        while (!tasks.isEmpty() && !tasks.peek().at().isAfter(now)) {
            tasks.poll().run().run();
        }
    }

    // ---------------------------------------------------------------- seeds

    private void flavor(String id, String name, int vcpus, int ramMb, int disk, Map<String, String> extra) {
        ObjectNode f = Json.object();
        f.put("id", id);
        f.put("name", name);
        f.put("ram", ramMb);
        f.put("disk", disk);
        f.put("vcpus", vcpus);
        f.put("OS-FLV-EXT-DATA:ephemeral", 0);
        f.put("OS-FLV-DISABLED:disabled", false);
        f.put("os-flavor-access:is_public", true);
        f.put("rxtx_factor", 1.0);
        f.putNull("description");
        ObjectNode specs = Json.object();
        specs.put("hw:cpu_sockets", "1");
        extra.forEach(specs::put);
        f.set("extra_specs", specs);
        flavors.add(f);
    }

    private void seedFlavors() {
        flavor("1", "m3.tiny", 1, 3072, 20, Map.of());
        flavor("2", "m3.small", 2, 6144, 20, Map.of());
        flavor("3", "m3.quad", 4, 15360, 20, Map.of());
        flavor("4", "m3.medium", 8, 30720, 60, Map.of());
        flavor("5", "m3.large", 16, 61440, 60, Map.of());
        flavor("7", "m3.xl", 32, 125952, 60, Map.of());
        flavor("8", "m3.2xl", 64, 251904, 60, Map.of());
        flavor("10", "r3.large", 64, 512000, 60, Map.of());
        flavor("14", "g3.small", 4, 15360, 60, Map.of("resources:CUSTOM_A100X_10C", "1"));
        flavor("15", "g3.medium", 8, 30720, 60, Map.of("resources:CUSTOM_A100X_20C", "1"));
        flavor("17", "g3.xl", 32, 125952, 60, Map.of("pci_passthrough:alias", "a100:1"));
    }

    public ObjectNode flavor(String id) {
        for (ObjectNode f : flavors) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        return null;
    }

    private void seedRegion(RegionState rs, Instant now, boolean withImages) {
        if (withImages) {
            seedImages(rs, now);
        }
        ObjectNode type = Json.object();
        type.put("id", ids.uuid());
        type.put("name", "__DEFAULT__");
        type.put("description", "Default Volume Type");
        type.put("is_public", true);
        type.set("extra_specs", Json.object());
        type.putNull("qos_specs_id");
        rs.volumeTypes.put(type.get("id").asText(), type);
        Manila.seedTypes(this, rs);

        ObjectNode ext = Neutron.network(this, rs, "public", true, true, "admin");
        rs.externalNetworkId = ext.get("id").asText();
        Neutron.subnet(this, rs, ext, "public-subnet", rs.spec.floatingIpPrefix() + ".0/24", "admin");
        Neutron.defaultSecurityGroup(this, rs);
        if (!rs.spec.autoAllocation()) {
            // Exosphere's `Helpers.newServerNetworkOptions`: the fallback picks a network whose name contains the
            // project name
            String p = scenario.projectName().toLowerCase();
            Neutron.createTopology(this, rs, p + "-network", p + "-subnet", p + "-router", "10.2.0.0/24");
        }
    }

    private void seedImages(RegionState rs, Instant now) {
        Instant base = now.minus(Duration.ofDays(30));
        String[][] featured = {
            {"Featured-Ubuntu24", "ubuntu", "24.04"},
            {"Featured-Ubuntu22", "ubuntu", "22.04"},
            {"Featured-Ubuntu20", "ubuntu", "20.04"},
            {"Featured-RockyLinux9", "rocky", "9"},
            {"Featured-RockyLinux10", "rocky", "10"},
            {"Preview-Ubuntu24", "ubuntu", "24.04"},
        };
        for (int i = 0; i < featured.length; i++) {
            Glance.image(
                    this,
                    rs,
                    featured[i][0],
                    "public",
                    "admin-project",
                    base.plus(Duration.ofDays(i)),
                    featured[i][1],
                    featured[i][2]);
        }
        for (int i = 0; i < 24; i++) {
            String day = String.format("2025-%02d-%02d", 1 + i / 2, 1 + (i % 2) * 14);
            Glance.image(
                    this,
                    rs,
                    "ubuntu-22.04-" + day,
                    "public",
                    "admin-project",
                    base.minus(Duration.ofDays(400 - i * 14)),
                    "ubuntu",
                    "22.04");
        }
        for (int i = 0; i < 6; i++) {
            Glance.image(
                    this,
                    rs,
                    "Featured-Ubuntu22-retired-" + (i + 1),
                    "community",
                    "admin-project",
                    base.minus(Duration.ofDays(500 - i)),
                    "ubuntu",
                    "22.04");
        }
        Glance.image(
                this, rs, "lab-base-image", "private", projectId, base.plus(Duration.ofDays(10)), "ubuntu", "22.04");
        Glance.image(
                this,
                rs,
                "course-image-shared",
                "shared",
                "another-project",
                base.plus(Duration.ofDays(12)),
                "rocky",
                "9");
        // Jetstream2 publishes a Windows image that Exosphere marks "not supported" (Image.detectOperatingSystem)
        Glance.image(
                this,
                rs,
                "Windows-Server-2022-JS2-Beta",
                "public",
                "admin-project",
                base.plus(Duration.ofDays(13)),
                "windows",
                "2022");
    }

    private void seedUsage(RegionState rs, Instant now) {
        Instant past = now.minus(Duration.ofDays(3));
        if (scenario.existingServers() > 0 && rs.autoTopologyNetworkId == null && rs.spec.autoAllocation()) {
            Neutron.autoAllocate(this, rs);
        }
        String net = rs.autoTopologyNetworkId != null ? rs.autoTopologyNetworkId : firstProjectNetwork(rs);
        for (int i = 1; i <= scenario.existingServers(); i++) {
            SimServer s = new SimServer(ids.uuid(), rs.spec.id(), projectId, userId, past, null, seed + i);
            s.name = "existing-" + i;
            s.hostname = s.name;
            s.flavorId = "2";
            s.imageId = rs.images.keySet().iterator().next();
            s.securityGroups.add("default");
            s.networkIds.add(net);
            s.addAction("create", "req-" + ids.uuid(), past);
            rs.servers.put(s.id, s);
            s.portIds.add(Neutron.serverPort(this, rs, net, s).get("id").asText());
            s.launchedAt = past.plusSeconds(30);
            s.setState("ACTIVE", "active", 1, past.plusSeconds(30));
            s.scheduleBoot(past.plusSeconds(20), true, scenario.setupTime());
        }
        for (int i = 1; i <= scenario.existingVolumes(); i++) {
            ObjectNode v = Cinder.volume(this, rs, "data-" + i, 45, past);
            v.put("status", "available");
        }
        for (int i = 0; i < scenario.existingFloatingIps(); i++) {
            Neutron.floatingIp(this, rs, null, null);
        }
    }

    private String firstProjectNetwork(RegionState rs) {
        for (ObjectNode n : rs.networks.values()) {
            if (!n.path("router:external").asBoolean()
                    && projectId.equals(n.path("project_id").asText())) {
                return n.get("id").asText();
            }
        }
        return rs.externalNetworkId;
    }

    // ---------------------------------------------------------------- identity

    public Token issueToken(String user, String project, List<String> methods, String appCredId, boolean federated) {
        Instant now = clock.now();
        Instant expires = now.plus(scenario.tokenLifetime());
        if (appCredId != null) {
            AppCred c = appCreds.get(appCredId);
            if (c != null && c.expiresAt() != null && c.expiresAt().isBefore(expires)) {
                expires = c.expiresAt();
            }
        }
        String auditId = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(ids.hex(16).getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .substring(0, 22);
        Token t = new Token(
                ids.token(), user, project, now, expires, List.copyOf(methods), appCredId, federated, List.of(auditId));
        tokens.put(t.id(), t);
        return t;
    }

    /** The valid token named by {@code id}, or {@code null}. */
    public Token validToken(String id) {
        if (id == null) {
            return null;
        }
        Token t = tokens.get(id);
        if (t == null || !t.expiresAt().isAfter(clock.now())) {
            return null;
        }
        return t;
    }

    public ArrayNode catalog() {
        ArrayNode catalog = Json.array();
        catalog.add(service("identity", "keystone", region -> apiBase + "/v3"));
        catalog.add(service("compute", "nova", region -> apiBase + "/" + region + "/compute/v2.1"));
        catalog.add(service("image", "glance", region -> apiBase + "/" + region + "/image"));
        catalog.add(service("network", "neutron", region -> apiBase + "/" + region + "/network"));
        catalog.add(service("volumev3", "cinderv3", region -> apiBase + "/" + region + "/volume/v3/" + projectId));
        catalog.add(service("placement", "placement", region -> apiBase + "/" + region + "/placement"));
        catalog.add(service("sharev2", "manilav2", region -> apiBase + "/" + region + "/share/v2/" + projectId));
        if (scenario.dns()) {
            catalog.add(service("dns", "designate", region -> apiBase + "/" + region + "/dns/"));
        }
        catalog.add(service("accounting", "jetstream2-accounting", region -> apiBase + "/" + region + "/accounting/"));
        return catalog;
    }

    private ObjectNode service(String type, String name, java.util.function.Function<String, String> url) {
        ObjectNode s = Json.object();
        ArrayNode endpoints = Json.array();
        for (String region : regions.keySet()) {
            for (String iface : List.of("public", "internal", "admin")) {
                ObjectNode e = Json.object();
                e.put("id", new Ids((type + region + iface).hashCode()).hex32());
                e.put("interface", iface);
                e.put("region", region);
                e.put("region_id", region);
                e.put("url", url.apply(region));
                endpoints.add(e);
            }
        }
        s.set("endpoints", endpoints);
        s.put("type", type);
        s.put("id", new Ids(type.hashCode()).hex32());
        s.put("name", name);
        return s;
    }

    /** The simulated servers named or id'd {@code key} in any region. */
    public SimServer findServer(String key) {
        for (RegionState rs : regions.values()) {
            SimServer s = rs.servers.get(key);
            if (s != null) {
                return s;
            }
            for (SimServer candidate : rs.servers.values()) {
                if (!candidate.deleted && candidate.name.equals(key)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    static String str(JsonNode n, String f) {
        return Json.text(n, f);
    }
}
