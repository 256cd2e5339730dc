package app.exosphere.core.rules;

import app.exosphere.core.network.SecurityGroupRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether security-group rules let an instance's usual connections through, and the warning the web app
 * shows when they do not (Exosphere's {@code Helpers.Connectivity.isConnectionPermitted} and
 * {@code View.Helpers.isConnectivityBroken}). Check it against the union of the rules of the groups an
 * instance has (or will have).
 *
 * <pre>{@code
 * List<SecurityGroupRule> rules = network.securityGroups().get(id).execute().rules();
 * List<Connectivity.Connection> blocked = Connectivity.blockedConnections(rules, true, false);
 * Connectivity.warning(rules, true, false).ifPresent(log::warn);
 * }</pre>
 */
public final class Connectivity {
    private Connectivity() {}

    /** The ports a connection needs. */
    public sealed interface Ports {
        /** One range, both ends included. */
        record Range(int from, int to) implements Ports {}

        /** Some port: any rule's range will do. */
        record Some() implements Ports {}

        /** Every port: only a rule over 0–65535 (or without a range) will do. */
        record All() implements Ports {}
    }

    /** The remote end a connection needs. */
    public sealed interface Remote {
        /** Some remote: any rule's remote will do. */
        record Some() implements Remote {}

        /** Every remote: only a rule without a remote will do. */
        record All() implements Remote {}

        /** This IP prefix (equal string) or this group id. */
        record Specific(SecurityGroupRules.Remote remote) implements Remote {}
    }

    /**
     * A connection to check.
     *
     * @param description what the warning calls it ({@code Outgoing HTTPS}…)
     * @param ethertype {@code IPv4}/{@code IPv6}, or empty for either
     * @param direction {@code ingress} or {@code egress}
     * @param protocol the protocol name, or empty for a connection that only a protocol-less rule allows
     * @param ports the ports it needs
     * @param remote the remote end it needs
     */
    public record Connection(
            String description,
            Optional<String> ethertype,
            String direction,
            Optional<String> protocol,
            Ports ports,
            Remote remote) {
        /** Checks that nothing is null. */
        public Connection {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(ethertype, "ethertype");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(ports, "ports");
            Objects.requireNonNull(remote, "remote");
        }

        private static Connection tcp(String description, String direction, int port) {
            return new Connection(
                    description,
                    Optional.empty(),
                    direction,
                    Optional.of("tcp"),
                    new Ports.Range(port, port),
                    new Remote.Some());
        }
    }

    /** Outgoing HTTPS: egress TCP 443. */
    public static final Connection OUTGOING_HTTPS = Connection.tcp("Outgoing HTTPS", "egress", 443);

    /**
     * Outgoing HTTP: egress TCP 80. Upstream's check tests TCP 443 here (a bug in
     * {@code Helpers.Connectivity}); the SDK checks the HTTP port, so a group that allows 443 but not 80 is
     * reported.
     */
    public static final Connection OUTGOING_HTTP = Connection.tcp("Outgoing HTTP", "egress", 80);

    /** Outgoing DNS over UDP 53. */
    public static final Connection OUTGOING_DNS_UDP = new Connection(
            "Outgoing DNS (UDP)",
            Optional.empty(),
            "egress",
            Optional.of("udp"),
            new Ports.Range(53, 53),
            new Remote.Some());

    /** Outgoing DNS over TCP 53. */
    public static final Connection OUTGOING_DNS_TCP = Connection.tcp("Outgoing DNS (TCP)", "egress", 53);

    /** Incoming SSH: ingress TCP 22. */
    public static final Connection INCOMING_SSH = Connection.tcp("Incoming SSH", "ingress", 22);

    /** Incoming Guacamole: ingress TCP 49528 (the UAP reaches the instance there). */
    public static final Connection INCOMING_GUACAMOLE = Connection.tcp("Incoming Guacamole", "ingress", 49528);

    /** Incoming VNC: ingress TCP 5901 (Guacamole's desktop). */
    public static final Connection INCOMING_VNC = Connection.tcp("Incoming VNC", "ingress", 5901);

    /** Whether some rule allows the connection. */
    // Exosphere's `Helpers.Connectivity.isConnectionPermitted`
    public static boolean isPermitted(Connection c, Collection<SecurityGroupRule> rules) {
        return rules.stream().anyMatch(r -> permits(r, c));
    }

    private static boolean permits(SecurityGroupRule r, Connection c) {
        return c.ethertype().map(e -> e.equalsIgnoreCase(r.ethertype())).orElse(true)
                && c.direction().equalsIgnoreCase(r.direction())
                && protocolAllows(SecurityGroupRules.protocol(r), c.protocol().orElse(null))
                && portsAllow(r, c.ports())
                && remoteAllows(SecurityGroupRules.remote(r), c.remote());
    }

    private static boolean protocolAllows(String rule, String connection) {
        if (rule == null) {
            return true;
        }
        return rule.equalsIgnoreCase(connection);
    }

    private static boolean portsAllow(SecurityGroupRule r, Ports ports) {
        if (r.portRangeMin().isEmpty() && r.portRangeMax().isEmpty()) {
            return true;
        }
        int min = r.portRangeMin().orElse(0);
        int max = r.portRangeMax().orElse(65535);
        if (ports instanceof Ports.Range range) {
            return min <= range.from() && range.to() <= max;
        }
        if (ports instanceof Ports.All) {
            return min == 0 && max == 65535;
        }
        return true; // some port: any bounded rule
    }

    private static boolean remoteAllows(SecurityGroupRules.Remote rule, Remote connection) {
        if (rule instanceof SecurityGroupRules.Remote.Any) {
            return true;
        }
        if (connection instanceof Remote.Specific specific) {
            return specific.remote().equals(rule);
        }
        return connection instanceof Remote.Some; // every remote needs a rule without one
    }

    /**
     * The connections the web app checks for an instance: outgoing HTTP, HTTPS, DNS over UDP and TCP,
     * incoming SSH; incoming Guacamole when the instance deploys Guacamole; incoming VNC when its Guacamole
     * serves a desktop.
     */
    // Exosphere's `View.Helpers.isConnectivityBroken`
    public static List<Connection> checkedConnections(boolean guacamole, boolean desktop) {
        List<Connection> out = new ArrayList<>(
                List.of(OUTGOING_HTTP, OUTGOING_HTTPS, OUTGOING_DNS_UDP, OUTGOING_DNS_TCP, INCOMING_SSH));
        if (guacamole) {
            out.add(INCOMING_GUACAMOLE);
            if (desktop) {
                out.add(INCOMING_VNC);
            }
        }
        return List.copyOf(out);
    }

    /** The checked connections ({@link #checkedConnections}) that no rule allows. */
    public static List<Connection> blockedConnections(
            Collection<SecurityGroupRule> rules, boolean guacamole, boolean desktop) {
        return checkedConnections(guacamole, desktop).stream()
                .filter(c -> !isPermitted(c, rules))
                .toList();
    }

    /**
     * The web app's warning when some checked connection is blocked: "This instance's security group
     * configuration may result in connectivity problems:" and one "• X may be blocked." line per
     * connection; empty when every connection is allowed.
     */
    public static Optional<String> warning(Collection<SecurityGroupRule> rules, boolean guacamole, boolean desktop) {
        List<Connection> blocked = blockedConnections(rules, guacamole, desktop);
        if (blocked.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder b =
                new StringBuilder("This instance's security group configuration may result in connectivity problems:");
        for (Connection c : blocked) {
            b.append("\n• ").append(c.description()).append(" may be blocked.");
        }
        return Optional.of(b.toString());
    }
}
