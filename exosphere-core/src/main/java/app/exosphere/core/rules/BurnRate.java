package app.exosphere.core.rules;

import app.exosphere.core.accounting.AllocationResource;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerFlavor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The estimated Jetstream2 burn rate of a project in SUs per hour, with the caveats that make it a lower
 * bound (Exosphere's {@code Helpers.Jetstream2.calculateTotalAllocationBurnRate}). Pure: give it the
 * project's servers (every user's, every status) and the flavor list.
 *
 * <pre>{@code
 * List<Server> servers = compute.servers().list().all().execute();
 * List<Flavor> flavors = compute.flavors().listDetail().all().execute();
 * BurnRate rate = BurnRate.estimate(servers, flavors);
 * System.out.println(rate.display());   // Burn rate 7.00 SUs/hour
 * }</pre>
 *
 * @param suPerHour the sum over servers whose rate is known
 * @param caveats why the total may be low, in server order without exact duplicates
 */
public record BurnRate(double suPerHour, List<String> caveats) {

    /** Jetstream2's Keystone host; the web app shows the burn rate only there. */
    public static final String JETSTREAM2_KEYSTONE_HOST = "js2.jetstream-cloud.org";

    // Exosphere's `Helpers.Jetstream2.allocationBurnRate` flavor-prefix multipliers
    private static final Map<String, Double> MULTIPLIERS =
            Map.of("m3", 1.0, "g3", 2.0, "g4", 7.0, "g5", 6.4, "r3", 2.0);

    // every other status counts fully (RESIZE, REBOOT, RESCUE, MIGRATING, UNKNOWN…)
    private static final Map<String, Double> STATE_FACTORS = Map.ofEntries(
            Map.entry("ACTIVE", 1.0),
            Map.entry("PAUSED", 0.75),
            Map.entry("SUSPENDED", 0.75),
            Map.entry("SHUTOFF", 0.5),
            Map.entry("STOPPED", 0.5),
            Map.entry("SHELVED", 0.0),
            Map.entry("SHELVED_OFFLOADED", 0.0),
            Map.entry("DELETED", 0.0),
            Map.entry("SOFT_DELETED", 0.0),
            Map.entry("ERROR", 0.0),
            Map.entry("BUILD", 0.0));

    /** Copies the caveats. */
    public BurnRate {
        caveats = List.copyOf(caveats);
    }

    /**
     * Whether a Keystone URL is Jetstream2's (host exactly {@code js2.jetstream-cloud.org}), where the web
     * app shows the burn rate.
     */
    // Exosphere's `Helpers.Jetstream2.isJetstream2Cloud`
    public static boolean isJetstream2(String keystoneUrl) {
        if (keystoneUrl == null) {
            return false;
        }
        int scheme = keystoneUrl.indexOf("://");
        if (scheme < 0) {
            return false;
        }
        String rest = keystoneUrl.substring(scheme + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon >= 0 && !hostPort.endsWith("]") ? hostPort.substring(0, colon) : hostPort;
        return JETSTREAM2_KEYSTONE_HOST.equalsIgnoreCase(host);
    }

    /** The estimate with the web app's words ({@code flavor}, {@code instance}). */
    public static BurnRate estimate(List<Server> servers, List<Flavor> flavors) {
        return estimate(servers, flavors, "flavor", "instance");
    }

    /**
     * The estimate, with the cloud's words for a flavor and an instance in the caveats.
     *
     * <p>Per server: the flavor with the server's flavor id (or, for servers listed with a microversion
     * that embeds the flavor without its id, the flavor of that name); multiplier by the flavor-name
     * prefix before the first {@code .}; times the status factor; times the vCPUs.
     */
    // Exosphere's `Helpers.Jetstream2.calculateTotalAllocationBurnRate`
    public static BurnRate estimate(
            List<Server> servers, List<Flavor> flavors, String flavorWord, String instanceWord) {
        Map<String, Flavor> byId =
                flavors.stream().collect(Collectors.toMap(Flavor::id, Function.identity(), (a, b) -> a));
        Map<String, Flavor> byName =
                flavors.stream().collect(Collectors.toMap(Flavor::name, Function.identity(), (a, b) -> a));
        double total = 0;
        Set<String> caveats = new LinkedHashSet<>();
        for (Server s : servers) {
            Optional<String> flavorId = s.flavor().flatMap(ServerFlavor::id);
            Optional<String> flavorName = s.flavor().flatMap(ServerFlavor::originalName);
            Optional<Flavor> flavor = flavorId.isPresent() ? flavorId.map(byId::get) : flavorName.map(byName::get);
            if (flavor.isEmpty()) {
                String ref = flavorId.or(() -> flavorName).orElse("(unknown)");
                caveats.add("Missing " + flavorWord + " " + ref + " for " + instanceWord + " " + s.name());
                continue;
            }
            Flavor f = flavor.get();
            String prefix =
                    f.name().contains(".") ? f.name().substring(0, f.name().indexOf('.')) : f.name();
            Double multiplier = MULTIPLIERS.get(prefix);
            if (multiplier == null) {
                caveats.add("Missing burn rate for " + flavorWord + " " + f.name() + " (" + f.id() + ")");
                continue;
            }
            total += multiplier * stateFactor(s.status().raw()) * f.vcpus();
        }
        return new BurnRate(total, new ArrayList<>(caveats));
    }

    /**
     * The allocation resource a flavor draws from, by its name prefix: {@code m3} CPU, {@code g3}/{@code
     * g4}/{@code g5} GPU, {@code r3} Large Memory; empty for other flavors.
     */
    public static Optional<AllocationResource> resourceOf(String flavorName) {
        String prefix = flavorName.contains(".") ? flavorName.substring(0, flavorName.indexOf('.')) : flavorName;
        return switch (prefix) {
            case "m3" -> Optional.of(AllocationResource.CPU);
            case "g3", "g4", "g5" -> Optional.of(AllocationResource.GPU);
            case "r3" -> Optional.of(AllocationResource.LARGE_MEMORY);
            default -> Optional.empty();
        };
    }

    /**
     * The burn rate drawn from one allocation resource: the servers whose flavor belongs to it (see
     * {@link #resourceOf}); servers with an unknown flavor are left out (the project-wide
     * {@link #estimate(List, List)} lists them as caveats).
     */
    public static BurnRate estimate(List<Server> servers, List<Flavor> flavors, AllocationResource resource) {
        Map<String, Flavor> byId =
                flavors.stream().collect(Collectors.toMap(Flavor::id, Function.identity(), (a, b) -> a));
        Map<String, Flavor> byName =
                flavors.stream().collect(Collectors.toMap(Flavor::name, Function.identity(), (a, b) -> a));
        List<Server> drawing = servers.stream()
                .filter(s -> {
                    Optional<String> id = s.flavor().flatMap(ServerFlavor::id);
                    Optional<Flavor> f = id.isPresent()
                            ? id.map(byId::get)
                            : s.flavor().flatMap(ServerFlavor::originalName).map(byName::get);
                    return f.flatMap(x -> resourceOf(x.name())).equals(Optional.of(resource));
                })
                .toList();
        return estimate(drawing, flavors);
    }

    /** The factor a server's status applies to its rate (1 for statuses not listed). */
    public static double stateFactor(String status) {
        return STATE_FACTORS.getOrDefault(status == null ? "" : status.toUpperCase(Locale.ROOT), 1.0);
    }

    /** "Burn rate 7.00 SUs/hour", with a {@code *} when there are caveats (US number format). */
    public String display() {
        return display(Locale.US);
    }

    /** "Burn rate 7.00 SUs/hour" with exactly two decimals in {@code locale}, {@code *} when there are caveats. */
    public String display(Locale locale) {
        return String.format(locale, "Burn rate %,.2f SUs/hour", suPerHour) + (caveats.isEmpty() ? "" : "*");
    }
}
