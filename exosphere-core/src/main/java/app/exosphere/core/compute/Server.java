package app.exosphere.core.compute;

import app.exosphere.core.auth.Secret;
import app.exosphere.core.internal.json.Timestamps;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Nova server as returned by {@code GET /servers/{id}} and {@code GET /servers/detail}, at any
 * microversion from 2.1 to the newest (fields that a microversion adds are optional or default empty).
 *
 * <pre>{@code
 * Server s = compute.servers().get(id).execute();
 * if (s.status().is(ServerStatus.Known.ACTIVE) && !s.locked()) { compute.servers().actions(s).shelve().execute(); }
 * String exoSetup = s.metadata().get("exoSetup");
 * Optional<Secret> passphrase = s.passphrase();   // the exoPw: tag, never in s.tags()
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableServer.class)
@JsonDeserialize(as = ImmutableServer.class)
public abstract class Server {
    /** The server UUID. */
    @JsonProperty("id")
    public abstract String id();

    /** The server name ({@code ""} when absent). */
    @JsonProperty("name")
    @Value.Default
    public String name() {
        return "";
    }

    /** The status, parsed case-insensitively; unknown values are kept raw. */
    @JsonProperty("status")
    public abstract ServerStatus status();

    /** {@code OS-EXT-STS:power_state}. */
    @JsonProperty("OS-EXT-STS:power_state")
    public abstract Optional<PowerState> powerState();

    /** {@code OS-EXT-STS:task_state}, e.g. {@code spawning}; empty when idle. */
    @JsonProperty("OS-EXT-STS:task_state")
    public abstract Optional<String> taskState();

    /** {@code OS-EXT-STS:vm_state}, e.g. {@code active}. */
    @JsonProperty("OS-EXT-STS:vm_state")
    public abstract Optional<String> vmState();

    /** Creation time as sent ({@code created}). */
    @JsonProperty("created")
    public abstract Optional<String> created();

    /** Last update time as sent ({@code updated}). */
    @JsonProperty("updated")
    public abstract Optional<String> updated();

    /** The owning user. */
    @JsonProperty("user_id")
    public abstract Optional<String> userId();

    /** The owning project. */
    @JsonProperty("tenant_id")
    public abstract Optional<String> projectId();

    /** The keypair injected at creation. */
    @JsonProperty("key_name")
    public abstract Optional<String> keyName();

    /** The flavor: an id reference (below 2.47) or an embedded copy (2.47+). */
    @JsonProperty("flavor")
    public abstract Optional<ServerFlavor> flavor();

    /** The boot image; empty id when the server boots from a volume. */
    @JsonProperty("image")
    @Value.Default
    public ServerImage image() {
        return ServerImage.none();
    }

    /**
     * Server metadata (all values are strings), without the legacy {@code exouserPassword} entry (its
     * value is {@link #passphrase()} and its presence {@link #passphraseInLegacyMetadata()}) and without
     * keys named {@code exoPw…}.
     */
    @JsonProperty("metadata")
    public abstract Map<String, String> metadata();

    /**
     * Server tags (2.26+; empty below), without any {@code exoPw:<passphrase>} tag (in any letter case):
     * the passphrase is {@link #passphrase()}, so printing, comparing or logging the tags never shows it.
     */
    @JsonProperty("tags")
    public abstract List<String> tags();

    /**
     * The exouser passphrase the server records: the first {@code exoPw:<passphrase>} tag, else the legacy
     * {@code exouserPassword} metadata (Exosphere's {@code Helpers.GetterSetters.getServerExouserPassphrase}).
     * It is taken out of {@link #tags()} and {@link #metadata()} when the server is read, and is not
     * written back when a {@code Server} is serialised.
     */
    @JsonIgnore
    public abstract Optional<Secret> passphrase();

    /**
     * Whether the server carries the legacy {@code exouserPassword} metadata (Exosphere server version 0;
     * {@code ExoServerVersion.fromMetadata} reads its presence). The entry is kept out of
     * {@link #metadata()}; {@link app.exosphere.core.rules.ServerOrigin#of(Server)} takes it into account.
     */
    @JsonIgnore
    @Value.Default
    public boolean passphraseInLegacyMetadata() {
        return false;
    }

    /** Whether the server is locked (2.9+; {@code false} when not reported). */
    @JsonProperty("locked")
    @Value.Default
    public boolean locked() {
        return false;
    }

    /** Why the server was locked (2.73+). */
    @JsonProperty("locked_reason")
    public abstract Optional<String> lockedReason();

    /** Addresses by network name. */
    @JsonProperty("addresses")
    public abstract Map<String, List<ServerAddress>> addresses();

    /** Volumes attached ({@code os-extended-volumes:volumes_attached}). */
    @JsonProperty("os-extended-volumes:volumes_attached")
    public abstract List<AttachedVolume> volumesAttached();

    /** Security groups by name. */
    @JsonProperty("security_groups")
    public abstract List<NamedSecurityGroup> securityGroups();

    /** The fault of a server in {@code ERROR}. */
    @JsonProperty("fault")
    public abstract Optional<ServerFault> fault();

    /** {@code OS-EXT-AZ:availability_zone}. */
    @JsonProperty("OS-EXT-AZ:availability_zone")
    public abstract Optional<String> availabilityZone();

    /** {@code OS-EXT-SRV-ATTR:hostname} (2.3+, visible to owners from 2.90). */
    @JsonProperty("OS-EXT-SRV-ATTR:hostname")
    public abstract Optional<String> hostname();

    /** The server description (2.19+). */
    @JsonProperty("description")
    public abstract Optional<String> description();

    /** {@code accessIPv4}. */
    @JsonProperty("accessIPv4")
    public abstract Optional<String> accessIpv4();

    /** {@code accessIPv6}. */
    @JsonProperty("accessIPv6")
    public abstract Optional<String> accessIpv6();

    /** Build progress in percent. */
    @JsonProperty("progress")
    public abstract Optional<Integer> progress();

    /** The obfuscated host id. */
    @JsonProperty("hostId")
    public abstract Optional<String> hostId();

    /** {@link #created()} as an instant. */
    public Optional<Instant> createdAt() {
        return created().flatMap(Timestamps::parse);
    }

    /** {@link #updated()} as an instant. */
    public Optional<Instant> updatedAt() {
        return updated().flatMap(Timestamps::parse);
    }

    /** The fixed and floating addresses of every network, in API order. */
    public List<ServerAddress> allAddresses() {
        return addresses().values().stream().flatMap(List::stream).toList();
    }

    /**
     * Moves the passphrase out of the tags and metadata into {@link #passphrase()} (for values read from
     * JSON and built alike); tags in another letter case ({@code EXOPW:…}) and metadata keys named
     * {@code exoPw…}, which Exosphere never reads back but which can only hold a passphrase, are dropped.
     */
    @Value.Check
    protected Server movePassphraseOutOfTagsAndMetadata() {
        boolean inTags = tags().stream().anyMatch(SecretMasks::isPassphraseTag);
        boolean inMetadata = metadata().containsKey(SecretMasks.LEGACY_PASSPHRASE_KEY);
        boolean exoPwKey = metadata().keySet().stream().anyMatch(SecretMasks::isPassphraseKey);
        if (!inTags && !inMetadata && !exoPwKey) {
            return this;
        }
        Optional<Secret> fromTag = tags().stream()
                .filter(t -> t.startsWith(SecretMasks.PASSPHRASE_TAG_PREFIX))
                .findFirst()
                .map(t -> Secret.of(t.substring(SecretMasks.PASSPHRASE_TAG_PREFIX.length())));
        Optional<Secret> fromMetadata = Optional.ofNullable(metadata().get(SecretMasks.LEGACY_PASSPHRASE_KEY))
                .map(Secret::of);
        Map<String, String> metadata = new java.util.LinkedHashMap<>(metadata());
        metadata.remove(SecretMasks.LEGACY_PASSPHRASE_KEY);
        metadata.keySet().removeIf(SecretMasks::isPassphraseKey);
        return ImmutableServer.builder()
                .from(this)
                .tags(tags().stream()
                        .filter(t -> !SecretMasks.isPassphraseTag(t))
                        .toList())
                .metadata(metadata)
                .passphrase(passphrase().or(() -> fromTag).or(() -> fromMetadata))
                .passphraseInLegacyMetadata(passphraseInLegacyMetadata() || inMetadata)
                .build();
    }

    /** The server with secret-looking metadata values masked; the passphrase shows as present or not. */
    @Override
    public String toString() {
        return "Server{id=" + id() + ", name=" + name() + ", status=" + status()
                + powerState().map(p -> ", powerState=" + p).orElse("")
                + taskState().map(t -> ", taskState=" + t).orElse("")
                + ", flavor=" + flavor().map(Object::toString).orElse("-")
                + ", image=" + image()
                + ", metadata=" + SecretMasks.metadata(metadata())
                + ", tags=" + SecretMasks.tags(tags())
                + (passphrase().isPresent() ? ", passphrase=<redacted>" : "")
                + ", addresses=" + addresses()
                + (locked() ? ", locked" : "")
                + fault().map(f -> ", fault=" + f).orElse("")
                + "}";
    }

    /** A builder, mostly for tests and simulators. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Server}; start one with {@link Server#builder()} or {@link Server#toBuilder()}. */
    public static final class Builder extends ImmutableServer.Builder {
        Builder() {}
    }
}
