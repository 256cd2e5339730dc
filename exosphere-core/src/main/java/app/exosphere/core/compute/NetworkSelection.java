package app.exosphere.core.compute;

import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Objects;

/**
 * The {@code networks} member of a server create request: an explicit list, {@code "auto"} or
 * {@code "none"} (the two strings need microversion 2.37).
 *
 * <pre>{@code
 * NetworkSelection.of(ServerNetwork.network(netId));   // what Exosphere sends
 * NetworkSelection.auto();                             // let Nova auto-allocate
 * }</pre>
 */
public final class NetworkSelection {
    private static final NetworkSelection AUTO = new NetworkSelection("auto", List.of());
    private static final NetworkSelection NONE = new NetworkSelection("none", List.of());

    private final String keyword;
    private final List<ServerNetwork> networks;

    private NetworkSelection(String keyword, List<ServerNetwork> networks) {
        this.keyword = keyword;
        this.networks = networks;
    }

    /** {@code "networks": "auto"} (2.37+). */
    public static NetworkSelection auto() {
        return AUTO;
    }

    /** {@code "networks": "none"} (2.37+). */
    public static NetworkSelection none() {
        return NONE;
    }

    /** An explicit list. */
    public static NetworkSelection of(ServerNetwork... networks) {
        return of(List.of(networks));
    }

    /** An explicit list. */
    public static NetworkSelection of(List<ServerNetwork> networks) {
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("an explicit network list needs at least one network; use none()");
        }
        return new NetworkSelection(null, List.copyOf(networks));
    }

    /** Whether this is {@code auto} or {@code none}, which need microversion 2.37. */
    public boolean isKeyword() {
        return keyword != null;
    }

    /** The explicit networks (empty for {@code auto}/{@code none}). */
    public List<ServerNetwork> networks() {
        return networks;
    }

    JsonNode toJson() {
        if (keyword != null) {
            return TextNode.valueOf(keyword);
        }
        ArrayNode a = ServiceJson.mapper().createArrayNode();
        networks.forEach(n -> a.add(n.toJson()));
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSelection
                && Objects.equals(((NetworkSelection) o).keyword, keyword)
                && ((NetworkSelection) o).networks.equals(networks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyword, networks);
    }

    @Override
    public String toString() {
        return keyword != null ? keyword : networks.toString();
    }
}
