package app.exosphere.core.rules;

import app.exosphere.cloudinit.console.ExoServerVersion;
import app.exosphere.cloudinit.console.SetupStatus;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.compute.Server;
import app.exosphere.workflow.WorkflowMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a server's metadata and tags say about its Exosphere origin, read exactly like the Exosphere web
 * app reads them ({@code serverOrigin}). Works for any server: one launched by this SDK, by the Exosphere
 * web app, or by anything else (then {@link #fromExosphere()} is false).
 *
 * <pre>{@code
 * ServerOrigin origin = ServerOrigin.of(server);
 * if (origin.fromExosphere() && origin.guacamole().map(ServerOrigin.Guacamole::desktop).orElse(false)) { System.out.println("has a desktop"); }
 * }</pre>
 *
 * <p>{@link #toString()} never includes the passphrase.
 */
public final class ServerOrigin {

    /** The decoded {@code exoGuac} value: which Guacamole connections were deployed. */
    public record Guacamole(boolean ssh, boolean desktop) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExoServerVersion version;
    private final Guacamole guacamole;
    private final WorkflowMetadata workflow;
    private final FloatingIpChoice floatingIp;
    private final String clientUuid;
    private final String creatorUsername;
    private final String setupValue;
    private final Secret passphrase;
    private final String launchId;

    private ServerOrigin(Map<String, String> md, Secret passphrase) {
        this.version = ExoServerVersion.fromMetadata(md).orElse(null);
        this.guacamole = decodeGuacamole(md.get(ExosphereMetadata.GUAC));
        this.workflow = WorkflowMetadata.fromServerMetadata(md).orElse(null);
        this.floatingIp = FloatingIpChoice.fromMetadata(
                md.get(ExosphereMetadata.FLOATING_IP_OPTION), md.get(ExosphereMetadata.FLOATING_IP_REUSE_OPTION));
        this.clientUuid = md.get(ExosphereMetadata.CLIENT_UUID);
        this.creatorUsername = md.get(ExosphereMetadata.CREATOR_USERNAME);
        this.setupValue = md.get(ExosphereMetadata.SETUP);
        this.passphrase = passphrase;
        this.launchId = md.get(ExosphereMetadata.LAUNCH_ID);
    }

    /**
     * Reads a server's markers.
     *
     * @param metadata the server's metadata ({@code null} is treated as empty)
     * @param tags the server's tags ({@code null} is treated as none; needs compute ≥ 2.26 to be listed)
     */
    public static ServerOrigin read(Map<String, String> metadata, Collection<String> tags) {
        Map<String, String> md = metadata == null ? Map.of() : metadata;
        return new ServerOrigin(md, decodePassphrase(md, tags == null ? List.of() : tags));
    }

    /**
     * Reads a server's markers, its {@linkplain Server#passphrase() passphrase} included (a {@link Server}
     * keeps it out of its tags and metadata, so use this rather than {@link #read(Map, Collection)} with
     * them).
     */
    public static ServerOrigin of(Server server) {
        Map<String, String> md = server.metadata();
        if (server.passphraseInLegacyMetadata() && !md.containsKey(ExosphereMetadata.LEGACY_PASSWORD)) {
            // version-0 detection reads the key's presence only; the value stays in the Secret
            md = new HashMap<>(md);
            md.put(ExosphereMetadata.LEGACY_PASSWORD, "");
        }
        return new ServerOrigin(md, server.passphrase().orElse(null));
    }

    private static Guacamole decodeGuacamole(String raw) {
        JsonNode node = parse(raw);
        if (node == null || !node.path("ssh").isBoolean() || !node.path("vnc").isBoolean()) {
            return null;
        }
        return new Guacamole(node.get("ssh").booleanValue(), node.get("vnc").booleanValue());
    }

    // Exosphere's `GetterSetters.getServerExouserPassphrase` read order: exoPw: tag, then legacy exouserPassword
    // metadata
    private static Secret decodePassphrase(Map<String, String> md, Collection<String> tags) {
        for (String tag : tags) {
            if (tag != null && tag.startsWith(ExosphereMetadata.PASSPHRASE_TAG_PREFIX)) {
                return Secret.of(tag.substring(ExosphereMetadata.PASSPHRASE_TAG_PREFIX.length()));
            }
        }
        String legacy = md.get(ExosphereMetadata.LEGACY_PASSWORD);
        return legacy == null ? null : Secret.of(legacy);
    }

    private static JsonNode parse(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(raw);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Whether Exosphere (or this SDK) created the server: it has a server version. */
    public boolean fromExosphere() {
        return version != null;
    }

    /** The Exosphere server version (0 for legacy servers), empty when not from Exosphere. */
    public OptionalInt version() {
        return version == null ? OptionalInt.empty() : OptionalInt.of(version.value());
    }

    /** The Exosphere server version with its feature gates, empty when not from Exosphere. */
    public Optional<ExoServerVersion> serverVersion() {
        return Optional.ofNullable(version);
    }

    /** Whether the server is from Exosphere with a version of at least {@code minimum}. */
    public boolean versionAtLeast(int minimum) {
        return version != null && version.value() >= minimum;
    }

    /** Guacamole as launched; empty when not launched with Guacamole (or {@code exoGuac} is undecodable). */
    public Optional<Guacamole> guacamole() {
        return Optional.ofNullable(guacamole);
    }

    /** The Binder workflow launched with the server, if any. */
    public Optional<WorkflowMetadata> workflow() {
        return Optional.ofNullable(workflow);
    }

    /** The floating IP intent recorded at creation (absent key → none, like Exosphere). */
    public FloatingIpChoice floatingIp() {
        return floatingIp;
    }

    /** The creating client's UUID. */
    public Optional<String> clientUuid() {
        return Optional.ofNullable(clientUuid);
    }

    /** Whether the server was created by the client installation with this UUID (exact equality). */
    public boolean createdByClient(String uuid) {
        return clientUuid != null && clientUuid.equals(uuid);
    }

    /** The creator's Keystone user name. */
    public Optional<String> creatorUsername() {
        return Optional.ofNullable(creatorUsername);
    }

    /** The raw {@code exoSetup} metadata value. */
    public Optional<String> setupMetadataValue() {
        return Optional.ofNullable(setupValue);
    }

    /**
     * The setup status recorded in {@code exoSetup} (Exosphere's {@code ExoSetupStatus.encodeMetadataItem}); unknown when absent. Only
     * meaningful for servers from Exosphere with version ≥ 4.
     */
    public SetupStatus setupStatus() {
        return SetupStatus.fromMetadataValue(setupValue);
    }

    /**
     * The exouser passphrase when the server records it (the {@code exoPw:} tag, else the legacy
     * {@code exouserPassword} metadata), as a {@link Secret} that prints masked.
     */
    public Optional<Secret> passphrase() {
        return Optional.ofNullable(passphrase);
    }

    /** The SDK launch id, when the SDK launched the server. */
    public Optional<String> launchId() {
        return Optional.ofNullable(launchId);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ServerOrigin)) {
            return false;
        }
        ServerOrigin other = (ServerOrigin) o;
        return Objects.equals(version, other.version)
                && Objects.equals(guacamole, other.guacamole)
                && Objects.equals(workflow, other.workflow)
                && floatingIp.equals(other.floatingIp)
                && Objects.equals(clientUuid, other.clientUuid)
                && Objects.equals(creatorUsername, other.creatorUsername)
                && Objects.equals(setupValue, other.setupValue)
                && Objects.equals(passphrase, other.passphrase)
                && Objects.equals(launchId, other.launchId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, guacamole, workflow, floatingIp, clientUuid, launchId);
    }

    @Override
    public String toString() {
        return "ServerOrigin{version=" + version + ", guacamole=" + guacamole + ", workflow=" + workflow
                + ", floatingIp=" + floatingIp + ", clientUuid=" + clientUuid + ", creator=" + creatorUsername
                + ", setup=" + setupValue + ", passphrase=" + (passphrase == null ? "absent" : "present") + "}";
    }
}
