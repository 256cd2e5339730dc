package app.exosphere.core.rules;

import app.exosphere.core.network.Network;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Exosphere's choice of the network for a new server when Neutron's auto-allocated topology is not
 * available: among usable networks (status {@code ACTIVE}, admin state up, not external) prefer the one
 * named exactly {@code auto_allocated_network}, then one whose name contains the project name
 * (case-insensitive); otherwise the caller must name a network.
 *
 * <pre>{@code
 * Optional<Network> net = NetworkChoice.fallback(network.networks().list().toList(), "my-project");
 * }</pre>
 */
public final class NetworkChoice {

    /** Whether a server may be attached to this network: ACTIVE, admin up, not external. */
    public static boolean usable(Network n) {
        return "ACTIVE".equalsIgnoreCase(n.status()) && n.adminStateUp() && !n.external();
    }

    /** Name Neutron gives the network of an auto-allocated topology. */
    public static final String AUTO_ALLOCATED_NAME = "auto_allocated_network";

    private NetworkChoice() {}

    /**
     * The fallback network, or empty when none of the rules picks one (then a network must be chosen
     * explicitly).
     */
    // Exosphere's `Helpers.newServerNetworkOptions`
    public static Optional<Network> fallback(List<Network> networks, String projectName) {
        List<Network> usable = networks.stream().filter(NetworkChoice::usable).toList();
        Optional<Network> auto = usable.stream()
                .filter(n -> AUTO_ALLOCATED_NAME.equals(n.name()))
                .findFirst();
        if (auto.isPresent()) {
            return auto;
        }
        if (projectName == null || projectName.isEmpty()) {
            return Optional.empty();
        }
        String project = projectName.toLowerCase(Locale.ROOT);
        return usable.stream()
                .filter(n ->
                        n.name() != null && n.name().toLowerCase(Locale.ROOT).contains(project))
                .findFirst();
    }

    /**
     * The message for when no network could be chosen, listing the usable ones so the caller can pick.
     */
    public static String noChoiceMessage(List<Network> networks) {
        List<String> names = networks.stream()
                .filter(NetworkChoice::usable)
                .map(n -> n.name() + " (" + n.id() + ")")
                .toList();
        return names.isEmpty()
                ? "No networks to create a server available: the project has no usable (ACTIVE, not external) network and auto-allocation failed. Ask your cloud administrator for a network."
                : "Cannot choose a network automatically: auto-allocation is not available and no network is named "
                        + AUTO_ALLOCATED_NAME + " or after the project. Name one of " + names
                        + " in the launch request.";
    }
}
