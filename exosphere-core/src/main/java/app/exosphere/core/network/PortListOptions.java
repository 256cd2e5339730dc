package app.exosphere.core.network;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Filters of {@code GET /v2.0/ports}.
 *
 * <pre>{@code
 * network.ports().list(PortListOptions.builder().deviceId(serverId).build());
 * }</pre>
 */
@Value.Immutable
public abstract class PortListOptions {
    public abstract Optional<String> deviceId();

    public abstract Optional<String> networkId();

    public abstract Optional<String> deviceOwner();

    /** Any other Neutron filter, e.g. {@code status=ACTIVE}. */
    public abstract Map<String, String> filters();

    /** Page size ({@code limit}). */
    public abstract Optional<Integer> pageSize();

    public static PortListOptions none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link PortListOptions}; start one with {@link PortListOptions#builder()} or {@link PortListOptions#toBuilder()}. */
    public static final class Builder extends ImmutablePortListOptions.Builder {
        Builder() {}
    }
}
