package app.exosphere.core.compute;

import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code POST /servers}. Image-backed ({@link #imageRef()}) or volume-backed
 * ({@link #blockDeviceMappings()} with a boot index 0); user data is given as text and sent base64.
 *
 * <pre>{@code
 * ServerCreateRequest req = ServerCreateRequest.builder()
 *         .name("my-instance")
 *         .imageRef(imageId)
 *         .flavorRef(flavorId)
 *         .networks(NetworkSelection.of(ServerNetwork.network(networkId)))
 *         .keyName("laptop")
 *         .userData("#cloud-config\n")
 *         .addSecurityGroups("exosphere")
 *         .putMetadata("exoServerVersion", "5")
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ServerCreateRequest {
    /** Nova's limit on the base64-encoded {@code user_data}, in bytes. */
    public static final int MAX_USER_DATA_BASE64_BYTES = 65535;

    /** {@code name}. */
    public abstract String name();

    /** {@code imageRef}, for image-backed servers. */
    public abstract Optional<String> imageRef();

    /** {@code block_device_mapping_v2}, for volume-backed servers or extra disks. */
    public abstract List<BlockDeviceMapping> blockDeviceMappings();

    /** {@code flavorRef}. */
    public abstract String flavorRef();

    /** {@code networks}; absent means Nova's default (only valid below 2.37). */
    public abstract Optional<NetworkSelection> networks();

    /** {@code key_name}. */
    public abstract Optional<String> keyName();

    /** User data as text; sent base64-encoded as {@code user_data}. Never logged. */
    @Value.Redacted
    public abstract Optional<String> userData();

    /** {@code security_groups}, by name. */
    public abstract List<String> securityGroups();

    /** {@code metadata}. */
    public abstract Map<String, String> metadata();

    /** {@code tags} (needs 2.52). */
    public abstract List<String> tags();

    /** {@code availability_zone}. */
    public abstract Optional<String> availabilityZone();

    /** {@code min_count}. */
    public abstract Optional<Integer> minCount();

    /** {@code max_count}. */
    public abstract Optional<Integer> maxCount();

    /** {@code description} (needs 2.19). */
    public abstract Optional<String> description();

    /** {@code config_drive}. */
    public abstract Optional<Boolean> configDrive();

    /** {@code hostname} (needs 2.90). */
    public abstract Optional<String> hostname();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    void check() {
        if (name().isBlank()) {
            throw new IllegalArgumentException("a server needs a non-blank name");
        }
        if (flavorRef().isBlank()) {
            throw new IllegalArgumentException("a server needs a flavorRef");
        }
        boolean bootVolume =
                blockDeviceMappings().stream().anyMatch(b -> b.bootIndex().orElse(-1) == 0);
        if (imageRef().isEmpty() && !bootVolume) {
            throw new IllegalArgumentException(
                    "a server needs an imageRef or a block device mapping with boot index 0");
        }
        if (imageRef().isPresent() && bootVolume) {
            throw new IllegalArgumentException(
                    "give either imageRef or a boot block device mapping, not both (Exosphere sends one)");
        }
        if (minCount().orElse(1) < 1 || maxCount().orElse(1) < minCount().orElse(1)) {
            throw new IllegalArgumentException("need 1 <= min_count <= max_count");
        }
        if (encodedUserData().map(String::length).orElse(0) > MAX_USER_DATA_BASE64_BYTES) {
            throw new IllegalArgumentException("user data exceeds Nova's limit of " + MAX_USER_DATA_BASE64_BYTES
                    + " bytes once base64-encoded; shorten it");
        }
    }

    /** The request without its user data, passphrase tags or secret-looking metadata values. */
    @Override
    public String toString() {
        return "ServerCreateRequest{name=" + name() + ", imageRef=" + imageRef().orElse("-")
                + ", blockDeviceMappings=" + blockDeviceMappings() + ", flavorRef=" + flavorRef()
                + ", networks=" + networks().map(Object::toString).orElse("-")
                + ", keyName=" + keyName().orElse("-")
                + ", userData=" + (userData().isPresent() ? "<redacted>" : "-")
                + ", securityGroups=" + securityGroups()
                + ", metadata=" + SecretMasks.metadata(metadata())
                + ", tags=" + SecretMasks.tags(tags())
                + availabilityZone().map(z -> ", availabilityZone=" + z).orElse("")
                + minCount().map(n -> ", minCount=" + n).orElse("")
                + maxCount().map(n -> ", maxCount=" + n).orElse("")
                + description().map(d -> ", description=" + d).orElse("")
                + configDrive().map(c -> ", configDrive=" + c).orElse("")
                + hostname().map(h -> ", hostname=" + h).orElse("")
                + "}";
    }

    /** The base64 form of {@link #userData()}. */
    Optional<String> encodedUserData() {
        return userData().map(u -> Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The lowest compute microversion this request needs, as {@code "2.x"}, or empty when it needs
     * none: tags 2.52, hostname 2.90, {@code auto}/{@code none} networks 2.37, description 2.19.
     */
    Optional<String> requiredMicroversion() {
        if (hostname().isPresent()) {
            return Optional.of("2.90");
        }
        if (!tags().isEmpty()) {
            return Optional.of("2.52");
        }
        if (networks().map(NetworkSelection::isKeyword).orElse(false)) {
            return Optional.of("2.37");
        }
        if (description().isPresent()) {
            return Optional.of("2.19");
        }
        return Optional.empty();
    }

    /** The JSON body; member order as Exosphere sends it ({@code Rest.Nova.requestCreateServer}). */
    ObjectNode toJson() {
        ObjectNode s = ServiceJson.object();
        imageRef().ifPresent(i -> s.put("imageRef", i));
        if (!blockDeviceMappings().isEmpty()) {
            ArrayNode bdm = s.putArray("block_device_mapping_v2");
            blockDeviceMappings().forEach(b -> bdm.add(b.toJson()));
        }
        keyName().ifPresent(k -> s.put("key_name", k));
        s.put("name", name());
        s.put("flavorRef", flavorRef());
        networks().ifPresent(n -> s.set("networks", n.toJson()));
        encodedUserData().ifPresent(u -> s.put("user_data", u));
        if (!securityGroups().isEmpty()) {
            ArrayNode sg = s.putArray("security_groups");
            securityGroups().forEach(g -> sg.addObject().put("name", g));
        }
        if (!metadata().isEmpty()) {
            ObjectNode md = s.putObject("metadata");
            metadata().forEach(md::put);
        }
        if (!tags().isEmpty()) {
            ArrayNode t = s.putArray("tags");
            tags().forEach(t::add);
        }
        availabilityZone().ifPresent(a -> s.put("availability_zone", a));
        minCount().ifPresent(c -> s.put("min_count", c));
        maxCount().ifPresent(c -> s.put("max_count", c));
        description().ifPresent(d -> s.put("description", d));
        configDrive().ifPresent(c -> s.put("config_drive", c));
        hostname().ifPresent(h -> s.put("hostname", h));
        ObjectNode root = ServiceJson.object();
        root.set("server", s);
        return root;
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ServerCreateRequest}; start one with {@link ServerCreateRequest#builder()} or {@link ServerCreateRequest#toBuilder()}. */
    public static final class Builder extends ImmutableServerCreateRequest.Builder {
        Builder() {}
    }
}
