package app.exosphere.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CloudSimulator} simulates: regions (each with or without a UAP and Neutron
 * auto-allocated topology), the project's quotas and what already uses them, the user, token
 * lifetime and how long builds and instance setup take in simulated time. Immutable; start from a
 * preset and adjust with {@link #toBuilder()}.
 *
 * <pre>{@code
 * Scenario s = Scenario.jetstream2().toBuilder().tokenLifetime(Duration.ofMinutes(10)).build();
 * }</pre>
 */
public final class Scenario {

    /** The presets, for annotations and command lines. */
    public enum Preset {
        /** {@link Scenario#jetstream2()}. */
        JETSTREAM2,
        /** {@link Scenario#withoutAutoAllocation()}. */
        NO_AUTO_ALLOCATION,
        /** {@link Scenario#withoutUap()}. */
        NO_UAP,
        /** {@link Scenario#nearQuota()}. */
        NEAR_QUOTA;

        /** The scenario this preset names. */
        public Scenario scenario() {
            return switch (this) {
                case JETSTREAM2 -> jetstream2();
                case NO_AUTO_ALLOCATION -> withoutAutoAllocation();
                case NO_UAP -> withoutUap();
                case NEAR_QUOTA -> nearQuota();
            };
        }
    }

    /**
     * One region of the simulated cloud.
     *
     * @param id the region id (e.g. {@code IU})
     * @param uapHostname the UAP hostname for this region, or {@code null} for none
     * @param floatingIpPrefix the first three octets of this region's floating IPs (e.g. {@code 149.165.150})
     * @param autoAllocation whether Neutron's auto-allocated topology works in this region
     */
    public record Region(String id, String uapHostname, String floatingIpPrefix, boolean autoAllocation) {
        /** Validates the region. */
        public Region {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(floatingIpPrefix, "floatingIpPrefix");
            if (!floatingIpPrefix.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
                throw new IllegalArgumentException(
                        "floatingIpPrefix must be three IPv4 octets such as 149.165.150, got " + floatingIpPrefix);
            }
        }

        /** The UAP hostname, if this region has one. */
        public Optional<String> uap() {
            return Optional.ofNullable(uapHostname);
        }
    }

    /**
     * The project's quotas (per region); {@code -1} means unlimited.
     *
     * @param instances Nova instances
     * @param cores Nova vCPUs
     * @param ramMb Nova RAM in MB
     * @param keypairs Nova key pairs
     * @param volumes Cinder volumes
     * @param volumeGigabytes Cinder gigabytes
     * @param floatingIps Neutron floating IPs
     * @param securityGroups Neutron security groups
     * @param securityGroupRules Neutron security group rules
     */
    public record Quotas(
            int instances,
            int cores,
            int ramMb,
            int keypairs,
            int volumes,
            int volumeGigabytes,
            int floatingIps,
            int securityGroups,
            int securityGroupRules) {}

    private final String friendlyName;
    private final String username;
    private final String password;
    private final String projectName;
    private final List<Region> regions;
    private final Quotas quotas;
    private final int existingServers;
    private final int existingVolumes;
    private final int existingFloatingIps;
    private final Duration tokenLifetime;
    private final Duration buildTime;
    private final Duration setupTime;
    private final boolean dns;

    private Scenario(Builder b) {
        if (b.regions.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one region");
        }
        this.friendlyName = Objects.requireNonNull(b.friendlyName, "friendlyName");
        this.username = Objects.requireNonNull(b.username, "username");
        this.password = Objects.requireNonNull(b.password, "password");
        this.projectName = Objects.requireNonNull(b.projectName, "projectName");
        this.regions = List.copyOf(b.regions);
        this.quotas = Objects.requireNonNull(b.quotas, "quotas");
        this.existingServers = b.existingServers;
        this.existingVolumes = b.existingVolumes;
        this.existingFloatingIps = b.existingFloatingIps;
        this.tokenLifetime = positive(b.tokenLifetime, "tokenLifetime");
        this.buildTime = positive(b.buildTime, "buildTime");
        this.setupTime = positive(b.setupTime, "setupTime");
        this.dns = b.dns;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    private static Quotas jetstreamQuotas() {
        return new Quotas(10, 64, 250_000, 100, 10, 1000, 10, 10, 100);
    }

    /**
     * Jetstream2-like: regions {@code IU} and {@code TACC}, each with a UAP and auto-allocated
     * topology; the {@code IU} UAP is also the catch-all ({@code region: null}) entry.
     */
    public static Scenario jetstream2() {
        return builder()
                .friendlyName("Simulated Jetstream2")
                .addRegion(new Region("IU", "proxy-js2-iu.simulated.test", "149.165.150", true))
                .addRegion(new Region("TACC", "proxy-js2-tacc.simulated.test", "129.114.104", true))
                .build();
    }

    /** One region with a UAP but without auto-allocated topology; a network named after the project exists. */
    public static Scenario withoutAutoAllocation() {
        return builder()
                .friendlyName("Simulated cloud without auto-allocation")
                .addRegion(new Region("RegionOne", "proxy-regionone.simulated.test", "198.51.100", false))
                .build();
    }

    /** One region with auto-allocated topology and no UAP (so no Guacamole), like Nectar. */
    public static Scenario withoutUap() {
        return builder()
                .friendlyName("Simulated cloud without UAP")
                .addRegion(new Region("RegionOne", null, "203.0.113", true))
                .build();
    }

    /**
     * Jetstream2-like, but the project already runs two {@code m3.small} servers, holds two volumes and
     * two floating IPs: one more {@code m3.small} fits, a second does not (cores), one more floating IP
     * fits, and only 10 GB of volume quota remain.
     */
    public static Scenario nearQuota() {
        return jetstream2().toBuilder()
                .friendlyName("Simulated Jetstream2 (project near quota)")
                .quotas(new Quotas(4, 6, 30_000, 100, 3, 100, 3, 10, 100))
                .existingServers(2)
                .existingVolumes(2)
                .existingFloatingIps(2)
                .build();
    }

    /** An empty builder with Jetstream2 quotas and default user, timings and no region. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this scenario's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.friendlyName = friendlyName;
        b.username = username;
        b.password = password;
        b.projectName = projectName;
        b.regions.addAll(regions);
        b.quotas = quotas;
        b.existingServers = existingServers;
        b.existingVolumes = existingVolumes;
        b.existingFloatingIps = existingFloatingIps;
        b.tokenLifetime = tokenLifetime;
        b.buildTime = buildTime;
        b.setupTime = setupTime;
        b.dns = dns;
        return b;
    }

    public String friendlyName() {
        return friendlyName;
    }

    public String username() {
        return username;
    }

    /** The user's password (a test secret). */
    public String password() {
        return password;
    }

    public String projectName() {
        return projectName;
    }

    public List<Region> regions() {
        return regions;
    }

    public Quotas quotas() {
        return quotas;
    }

    /** Servers (not from Exosphere, {@code m3.small}, ACTIVE) that exist in the first region at start. */
    public int existingServers() {
        return existingServers;
    }

    /** 45 GB volumes that exist in the first region at start. */
    public int existingVolumes() {
        return existingVolumes;
    }

    /** Unassigned floating IPs the project holds in the first region at start. */
    public int existingFloatingIps() {
        return existingFloatingIps;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /** Simulated time from {@code POST /servers} to {@code ACTIVE}. */
    public Duration buildTime() {
        return buildTime;
    }

    /** Simulated time from boot to the {@code complete} setup status line (without a workflow). */
    public Duration setupTime() {
        return setupTime;
    }

    /** Whether the catalog lists a {@code dns} (Designate) service; true unless turned off. */
    public boolean dns() {
        return dns;
    }

    @Override
    public String toString() {
        return "Scenario[" + friendlyName + ", regions="
                + regions.stream().map(Region::id).toList() + "]";
    }

    /** Builds a {@link Scenario}. */
    public static final class Builder {
        private String friendlyName = "Simulated cloud";
        private String username = "gateway-user";
        private String password = "correct-horse-battery-staple";
        private String projectName = "TRA000001";
        private final List<Region> regions = new ArrayList<>();
        private Quotas quotas = jetstreamQuotas();
        private int existingServers;
        private int existingVolumes;
        private int existingFloatingIps;
        private Duration tokenLifetime = Duration.ofHours(1);
        private Duration buildTime = Duration.ofSeconds(30);
        private Duration setupTime = Duration.ofMinutes(5);
        private boolean dns = true;

        private Builder() {}

        public Builder friendlyName(String v) {
            this.friendlyName = v;
            return this;
        }

        public Builder username(String v) {
            this.username = v;
            return this;
        }

        public Builder password(String v) {
            this.password = v;
            return this;
        }

        public Builder projectName(String v) {
            this.projectName = v;
            return this;
        }

        public Builder addRegion(Region region) {
            if (regions.stream().anyMatch(r -> r.id().equals(region.id()))) {
                throw new IllegalArgumentException("duplicate region id " + region.id());
            }
            regions.add(region);
            return this;
        }

        /** Replaces all regions. */
        public Builder regions(List<Region> list) {
            regions.clear();
            list.forEach(this::addRegion);
            return this;
        }

        public Builder quotas(Quotas v) {
            this.quotas = v;
            return this;
        }

        public Builder existingServers(int n) {
            this.existingServers = requireNonNegative(n, "existingServers");
            return this;
        }

        public Builder existingVolumes(int n) {
            this.existingVolumes = requireNonNegative(n, "existingVolumes");
            return this;
        }

        public Builder existingFloatingIps(int n) {
            this.existingFloatingIps = requireNonNegative(n, "existingFloatingIps");
            return this;
        }

        public Builder tokenLifetime(Duration v) {
            this.tokenLifetime = v;
            return this;
        }

        public Builder buildTime(Duration v) {
            this.buildTime = v;
            return this;
        }

        public Builder setupTime(Duration v) {
            this.setupTime = v;
            return this;
        }

        /** Whether the catalog lists Designate ({@code false}: a cloud without DNS, like many). */
        public Builder dns(boolean v) {
            this.dns = v;
            return this;
        }

        public Scenario build() {
            return new Scenario(this);
        }

        private static int requireNonNegative(int n, String name) {
            if (n < 0) {
                throw new IllegalArgumentException(name + " must be >= 0, got " + n);
            }
            return n;
        }
    }
}
