package app.exosphere.core.compute;

import app.exosphere.core.auth.SecretUrl;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A remote console URL from {@code POST /servers/{id}/remote-consoles} (2.6+) or the legacy
 * {@code os-getVNCConsole}/{@code os-getSPICEConsole} actions.
 *
 * <pre>{@code
 * SecretUrl url = compute.servers().remoteConsoles(id).create(RemoteConsole.Protocol.VNC).execute().url();
 * String link = url.toUriString();   // url.toString() masks the token
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableRemoteConsole.class)
@JsonDeserialize(as = ImmutableRemoteConsole.class)
public abstract class RemoteConsole {
    /** Console protocols and their default type. */
    public enum Protocol {
        /** noVNC in a browser. */
        VNC("vnc", "novnc", "os-getVNCConsole"),
        /** SPICE HTML5 in a browser. */
        SPICE("spice", "spice-html5", "os-getSPICEConsole"),
        /** Serial console over websocket. */
        SERIAL("serial", "serial", "os-getSerialConsole"),
        /** RDP (Hyper-V). */
        RDP("rdp", "rdp-html5", "os-getRDPConsole");

        private final String wire;
        private final String defaultType;
        private final String legacyAction;

        Protocol(String wire, String defaultType, String legacyAction) {
            this.wire = wire;
            this.defaultType = defaultType;
            this.legacyAction = legacyAction;
        }

        /** The {@code protocol} value. */
        public String wire() {
            return wire;
        }

        /** The usual {@code type}, e.g. {@code novnc}. */
        public String defaultType() {
            return defaultType;
        }

        /** The pre-2.6 action key. */
        public String legacyAction() {
            return legacyAction;
        }
    }

    /** {@code protocol}, e.g. {@code vnc} (absent in legacy responses). */
    @JsonProperty("protocol")
    public abstract Optional<String> protocol();

    /** {@code type}, e.g. {@code novnc}. */
    @JsonProperty("type")
    public abstract Optional<String> type();

    /** The URL to open; it embeds a short-lived token, so it prints with its query values masked. */
    @JsonProperty("url")
    public abstract SecretUrl url();

    /** A builder of {@link RemoteConsole}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link RemoteConsole}; start one with {@link RemoteConsole#builder()} or {@link RemoteConsole#toBuilder()}. */
    public static final class Builder extends ImmutableRemoteConsole.Builder {
        Builder() {}
    }
}
