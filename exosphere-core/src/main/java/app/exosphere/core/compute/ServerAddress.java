package app.exosphere.core.compute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One address of a server, from the {@code addresses} map.
 *
 * <pre>{@code
 * server.allAddresses().stream().filter(ServerAddress::isFloating).findFirst();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableServerAddress.class)
@JsonDeserialize(as = ImmutableServerAddress.class)
public abstract class ServerAddress {
    /** The IP address. */
    @JsonProperty("addr")
    public abstract String address();

    /** 4 or 6. */
    @JsonProperty("version")
    @Value.Default
    public int version() {
        return 4;
    }

    /** {@code OS-EXT-IPS:type}: {@code fixed} or {@code floating}. */
    @JsonProperty("OS-EXT-IPS:type")
    public abstract Optional<String> type();

    /** {@code OS-EXT-IPS-MAC:mac_addr}. */
    @JsonProperty("OS-EXT-IPS-MAC:mac_addr")
    public abstract Optional<String> macAddress();

    /** Whether Nova marks this address floating. */
    public boolean isFloating() {
        return type().map("floating"::equalsIgnoreCase).orElse(false);
    }

    /** A builder of {@link ServerAddress}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ServerAddress}; start one with {@link ServerAddress#builder()} or {@link ServerAddress#toBuilder()}. */
    public static final class Builder extends ImmutableServerAddress.Builder {
        Builder() {}
    }
}
