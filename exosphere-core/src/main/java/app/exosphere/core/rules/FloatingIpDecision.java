package app.exosphere.core.rules;

import java.util.Collection;
import java.util.Optional;

/**
 * What to do about a server's floating IP right now, given the intent recorded at launch and what the
 * server looks like (Exosphere's {@code getNewFloatingIpOption} and floating-IP orchestration step).
 *
 * <pre>{@code
 * ServerOrigin origin = ServerOrigin.of(server);
 * FloatingIpDecision d = FloatingIpDecision.decide(origin.floatingIp(), "ACTIVE", true, false, List.of("10.0.0.5"));
 * if (d.action() == FloatingIpDecision.Action.CREATE) { System.out.println("POST /v2.0/floatingips"); }
 * }</pre>
 *
 * @param action what to do
 * @param existingFloatingIpId the floating IP to assign for {@link Action#ASSIGN_EXISTING}
 * @param reason a short human-readable explanation (for logs and progress events)
 */
public record FloatingIpDecision(Action action, Optional<String> existingFloatingIpId, String reason) {

    /** The possible outcomes. */
    public enum Action {
        /** The server is still building or has no port yet: ask again later. */
        WAIT,
        /** Nothing to do, now or later (has one already, has a public fixed IP, or none wanted). */
        NOTHING,
        /** Create a new floating IP on the external network for the server's first port. */
        CREATE,
        /** Assign the existing floating IP {@link #existingFloatingIpId()} to the server's first port. */
        ASSIGN_EXISTING
    }

    /**
     * Decides.
     *
     * @param intent the launch intent ({@link ServerOrigin#floatingIp()})
     * @param novaStatus the server's OpenStack status
     * @param hasPort whether Neutron lists a port with {@code device_id} = the server
     * @param hasFloatingIp whether a floating IP is already bound to one of its ports
     * @param fixedIps the fixed IP addresses of its ports
     */
    // Exosphere's `Helpers.getNewFloatingIpOption`
    public static FloatingIpDecision decide(
            FloatingIpChoice intent,
            String novaStatus,
            boolean hasPort,
            boolean hasFloatingIp,
            Collection<String> fixedIps) {
        if (hasFloatingIp) {
            return new FloatingIpDecision(Action.NOTHING, Optional.empty(), "the server already has a floating IP");
        }
        if (intent.kind() == FloatingIpChoice.Kind.NONE) {
            return new FloatingIpDecision(Action.NOTHING, Optional.empty(), "no floating IP was requested");
        }
        boolean building = novaStatus == null || novaStatus.equalsIgnoreCase("BUILD");
        if (building || !hasPort) {
            return new FloatingIpDecision(
                    Action.WAIT, Optional.empty(), "waiting for the server to get a network port");
        }
        return onPort(intent, fixedIps);
    }

    /**
     * Decides for a server that is still building but whose first port Neutron already lists with a fixed
     * IP: the same outcome {@link #decide} gives once the server leaves {@code BUILD}, reached earlier. The
     * web app waits for "not BUILD" only because it learns the port and its fixed IPs from Nova's addresses,
     * which Nova fills in when the build ends; the port's own fixed IPs are the same addresses, so the
     * "automatic" rule (public fixed IP or not) decides the same way. Without a fixed IP yet: {@link
     * Action#WAIT}.
     *
     * @param intent the launch intent ({@link ServerOrigin#floatingIp()})
     * @param hasFloatingIp whether a floating IP is already bound to the port
     * @param portFixedIps the fixed IP addresses Neutron lists on the server's first port
     */
    // Exosphere's `Helpers.getNewFloatingIpOption`, applied as soon as the port has its fixed IP
    public static FloatingIpDecision decideWhileBuilding(
            FloatingIpChoice intent, boolean hasFloatingIp, Collection<String> portFixedIps) {
        if (hasFloatingIp) {
            return new FloatingIpDecision(Action.NOTHING, Optional.empty(), "the server already has a floating IP");
        }
        if (intent.kind() == FloatingIpChoice.Kind.NONE) {
            return new FloatingIpDecision(Action.NOTHING, Optional.empty(), "no floating IP was requested");
        }
        if (portFixedIps.isEmpty()) {
            return new FloatingIpDecision(
                    Action.WAIT, Optional.empty(), "waiting for the server's port to get a fixed IP");
        }
        return onPort(intent, portFixedIps);
    }

    private static FloatingIpDecision onPort(FloatingIpChoice intent, Collection<String> fixedIps) {
        switch (intent.kind()) {
            case AUTOMATIC:
                if (fixedIps.stream().anyMatch(FloatingIpDecision::isPublicIpv4)) {
                    return new FloatingIpDecision(Action.NOTHING, Optional.empty(), "the server has a public fixed IP");
                }
                return new FloatingIpDecision(Action.CREATE, Optional.empty(), "the server has only private addresses");
            case CREATE_NEW:
                return new FloatingIpDecision(Action.CREATE, Optional.empty(), "a new floating IP was requested");
            default:
                return new FloatingIpDecision(
                        Action.ASSIGN_EXISTING, intent.existingFloatingIpId(), "an existing floating IP was requested");
        }
    }

    /**
     * Whether an address is a public IPv4 address for the "automatic" decision: a valid IPv4 outside the
     * RFC 1918 ranges 10/8, 172.16/12, 192.168/16. IPv6 and malformed input are not public.
     *
     * <p>Deliberate fix of Exosphere's quirk ({@code Helpers.ipv4AddressInRfc1918Space}), which treats all of 172/8 as private.
     */
    public static boolean isPublicIpv4(String address) {
        int[] o = parseIpv4(address);
        if (o == null) {
            return false;
        }
        boolean rfc1918 = o[0] == 10 || (o[0] == 192 && o[1] == 168) || (o[0] == 172 && o[1] >= 16 && o[1] <= 31);
        return !rfc1918;
    }

    /** Exosphere's {@code isValidIPv4}: four dot-separated integers 0..255. */
    // Exosphere's `Helpers.ipv4AddressInRfc1918Space`
    static int[] parseIpv4(String address) {
        if (address == null) {
            return null;
        }
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            out[i] = Integer.parseInt(parts[i]);
            if (out[i] > 255) {
                return null;
            }
        }
        return out;
    }
}
