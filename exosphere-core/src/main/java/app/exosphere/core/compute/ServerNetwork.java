package app.exosphere.core.compute;

import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of the {@code networks} list of a server create request: a network, a pre-created port,
 * optionally with a fixed IP and a device tag.
 *
 * <pre>{@code
 * ServerCreateRequest.builder().networks(NetworkSelection.of(ServerNetwork.network(netId)))
 * }</pre>
 */
@Value.Immutable
public abstract class ServerNetwork {
    /** {@code uuid}: the network id. */
    public abstract Optional<String> networkId();

    /** {@code port}: a pre-created port id. */
    public abstract Optional<String> portId();

    /** {@code fixed_ip}. */
    public abstract Optional<String> fixedIp();

    /** Device {@code tag} (2.32+). */
    public abstract Optional<String> tag();

    /** Attach to a network by id. */
    public static ServerNetwork network(String networkId) {
        return builder().networkId(networkId).build();
    }

    /** Attach a pre-created port. */
    public static ServerNetwork port(String portId) {
        return builder().portId(portId).build();
    }

    /** A builder for the other combinations. */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    void check() {
        if (networkId().isEmpty() && portId().isEmpty()) {
            throw new IllegalArgumentException("a server network needs a network id or a port id");
        }
    }

    ObjectNode toJson() {
        ObjectNode n = ServiceJson.object();
        networkId().ifPresent(v -> n.put("uuid", v));
        portId().ifPresent(v -> n.put("port", v));
        fixedIp().ifPresent(v -> n.put("fixed_ip", v));
        tag().ifPresent(v -> n.put("tag", v));
        return n;
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ServerNetwork}; start one with {@link ServerNetwork#builder()} or {@link ServerNetwork#toBuilder()}. */
    public static final class Builder extends ImmutableServerNetwork.Builder {
        Builder() {}
    }
}
