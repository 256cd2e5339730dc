package app.exosphere.cloudinit;

import app.exosphere.cloudinit.internal.ElmJson;
import app.exosphere.cloudinit.internal.Yaml;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of cloud-config (a YAML mapping) that a gateway adds to Exosphere's: extra packages, files,
 * {@code runcmd} entries, mounts, ... It is deep-merged into Exosphere's cloud-config: maps merge key by
 * key, lists are concatenated after Exosphere's entries, and differing scalars follow the
 * {@link CloudConfigMergePolicy}. Immutable. Example:
 *
 * <pre>{@code
 * CloudConfigFragment extra = CloudConfigFragment.fromYaml("""
 *     packages: [htop]
 *     runcmd:
 *       - [systemctl, enable, --now, my-gateway-agent]
 *     """);
 * UserDataOptions.builder().addExtraCloudConfig(extra).build();
 * }</pre>
 */
public final class CloudConfigFragment {

    private final ObjectNode tree;

    private CloudConfigFragment(ObjectNode tree) {
        this.tree = tree;
    }

    /**
     * Parses a YAML mapping (a leading {@code #cloud-config} line is allowed, it is a comment).
     *
     * @throws InvalidUserDataOptionException when the text is not YAML or not a mapping
     */
    public static CloudConfigFragment fromYaml(String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        JsonNode node;
        try {
            node = Yaml.MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidUserDataOptionException(
                    "extraCloudConfig",
                    "not valid YAML (line "
                            + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                            + "); give a YAML mapping such as 'packages: [htop]'");
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return new CloudConfigFragment(ElmJson.MAPPER.createObjectNode());
        }
        if (!node.isObject()) {
            throw new InvalidUserDataOptionException(
                    "extraCloudConfig", "the YAML must be a mapping of cloud-config keys, not a list or scalar");
        }
        return new CloudConfigFragment((ObjectNode) node);
    }

    /**
     * From a map of cloud-config keys to values built of maps, lists, strings, numbers, booleans and
     * {@code null}.
     */
    public static CloudConfigFragment fromMap(Map<String, ?> map) {
        Objects.requireNonNull(map, "map");
        try {
            return new CloudConfigFragment(ElmJson.MAPPER.valueToTree(map));
        } catch (IllegalArgumentException e) {
            throw new InvalidUserDataOptionException(
                    "extraCloudConfig", "values must be maps, lists, strings, numbers, booleans or null");
        }
    }

    /** A fragment with one key. */
    public static CloudConfigFragment of(String key, Object value) {
        Objects.requireNonNull(key, "key");
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        map.put(key, value);
        return fromMap(map);
    }

    /** The fragment as YAML (no {@code #cloud-config} header). */
    public String toYaml() {
        return Yaml.write(tree);
    }

    /** A mutable copy as nested maps and lists. */
    public Map<String, Object> toMap() {
        return ElmJson.MAPPER.convertValue(tree, new TypeReference<Map<String, Object>>() {});
    }

    /** A copy of the tree (for the renderer). */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /** Whether there are no keys. */
    public boolean isEmpty() {
        return tree.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CloudConfigFragment f && f.tree.equals(tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    /** Lists the keys only: fragments may hold secrets. */
    @Override
    public String toString() {
        return "CloudConfigFragment" + fieldNames();
    }

    private java.util.List<String> fieldNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
