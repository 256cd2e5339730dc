package app.exosphere.core.rules;

import app.exosphere.core.auth.Secret;
import app.exosphere.core.auth.SecretUrl;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything the interaction rules look at for one server, at one moment. The SDK's instance handles
 * fill it from Nova, Neutron, the console log and the UAP; a gateway can also build one itself to
 * explain a server it tracks on its own.
 *
 * <pre>{@code
 * InteractionContext ctx = InteractionContext.builder()
 *         .serverId(server.id())
 *         .novaStatus("ACTIVE")
 *         .origin(ServerOrigin.of(server))
 *         .floatingIp("149.165.1.2")
 *         .uapHostname("proxy-js2-iu.exosphere.app")
 *         .guacamoleToken(Secret.of("A1B2C3"))
 *         .build();
 * Interactions.of(ctx).status(Interaction.WEB_SHELL);   // Ready[https://http-149-165-1-2-49528....]
 * }</pre>
 */
@Value.Immutable
public abstract class InteractionContext {

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The server id. */
    public abstract String serverId();

    /** The OpenStack status, e.g. {@code ACTIVE} (case-insensitive). */
    public abstract String novaStatus();

    /** The server's Exosphere markers. */
    public abstract ServerOrigin origin();

    /** The project id, for the console-log route. */
    public abstract Optional<String> projectId();

    /** The region id, for the console-log route. */
    public abstract Optional<String> regionId();

    /** The address of the first floating IP bound to one of the server's ports. */
    public abstract Optional<String> floatingIp();

    /** The fixed IP addresses of the server's ports. */
    public abstract List<String> fixedIps();

    /** The UAP hostname for the server's cloud and region; empty when the cloud has none. */
    public abstract Optional<String> uapHostname();

    /**
     * Whether the exouser passphrase is known (recorded on the server, or kept in memory by the SDK).
     * Defaults to whether {@link #origin()} carries one.
     */
    @Value.Default
    public boolean passphraseKnown() {
        return origin().passphrase().isPresent();
    }

    /** A valid Guacamole auth token, when one was obtained. */
    public abstract Optional<Secret> guacamoleToken();

    /** Whether a Guacamole token request is in flight. */
    @Value.Default
    public boolean guacamoleTokenLoading() {
        return false;
    }

    /** The error of the last failed Guacamole token request (secret-free text). */
    public abstract Optional<String> guacamoleTokenError();

    /** The remote console URL, when known (it embeds a console token; it prints masked). */
    public abstract Optional<SecretUrl> consoleUrl();

    /** Whether a console URL request is in flight. */
    @Value.Default
    public boolean consoleUrlLoading() {
        return false;
    }

    /** The error of the failed console URL request. */
    public abstract Optional<String> consoleUrlError();

    /** The workflow's Jupyter token, once the instance published it on its console. */
    public abstract Optional<Secret> workflowToken();

    /** Whether a console-log request is in flight. */
    @Value.Default
    public boolean consoleLogLoading() {
        return false;
    }

    /** The error of the last failed console-log request. */
    public abstract Optional<String> consoleLogError();

    /** Whether the server had a recent event ({@link RecentServerEvent}). */
    @Value.Default
    public boolean recentEvent() {
        return false;
    }

    /**
     * Whether a floating IP may still be attached to this server (it was asked for, and Exosphere's 5-minute
     * window for new floating IPs has not passed); default true. When false and the server has none, the
     * reasons say so instead of "check back in a few minutes".
     */
    @Value.Default
    public boolean floatingIpMayStillCome() {
        return true;
    }

    /** The default login user of the image, for servers not from Exosphere ({@link DefaultSshUser}). */
    public abstract Optional<String> defaultSshUser();

    /**
     * Whether workflows are offered at all (Exosphere hides them unless experimental features are on; the
     * SDK offers them by default).
     */
    @Value.Default
    public boolean workflowsEnabled() {
        return true;
    }

    @Override
    public String toString() {
        return "InteractionContext{server=" + serverId() + ", status=" + novaStatus() + ", origin=" + origin()
                + ", floatingIp=" + floatingIp().orElse("none") + ", uap="
                + uapHostname().orElse("none")
                + ", guacToken=" + (guacamoleToken().isPresent() ? "present" : "absent") + "}";
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link InteractionContext}; start one with {@link InteractionContext#builder()} or {@link InteractionContext#toBuilder()}. */
    public static final class Builder extends ImmutableInteractionContext.Builder {
        Builder() {}
    }
}
