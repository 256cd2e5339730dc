package app.exosphere.cloudinit.internal;

import app.exosphere.cloudinit.CloudConfigConflictException;
import app.exosphere.cloudinit.CloudConfigMergePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Deep merge of cloud-config trees: maps merge key by key, lists concatenate (base first), equal scalars
 * are fine, differing scalars follow the policy, kind mismatches always conflict. Not API.
 */
public final class CloudConfigMerge {

    private CloudConfigMerge() {}

    /** Merges {@code extra} into {@code base} in place. */
    public static void into(ObjectNode base, ObjectNode extra, CloudConfigMergePolicy policy) {
        merge(base, extra, policy, "");
    }

    private static void merge(ObjectNode base, ObjectNode extra, CloudConfigMergePolicy policy, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = extra.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = e.getKey();
            String at = path.isEmpty() ? key : path + "." + key;
            JsonNode theirs = e.getValue();
            JsonNode ours = base.get(key);
            if (ours == null) {
                base.set(key, theirs.deepCopy());
            } else if (ours.isObject() && theirs.isObject()) {
                merge((ObjectNode) ours, (ObjectNode) theirs, policy, at);
            } else if (ours.isArray() && theirs.isArray()) {
                ((ArrayNode) ours).addAll((ArrayNode) theirs.deepCopy());
            } else if (kind(ours) != kind(theirs)) {
                throw new CloudConfigConflictException(
                        at, "one side is a " + kind(ours) + ", the other a " + kind(theirs));
            } else if (!ours.equals(theirs)) {
                if (policy == CloudConfigMergePolicy.FAIL_ON_CONFLICT) {
                    throw new CloudConfigConflictException(at, "the scalar is already set to a different value");
                }
                base.set(key, theirs.deepCopy());
            }
        }
    }

    private static String kind(JsonNode node) {
        return node.isObject() ? "map" : node.isArray() ? "list" : "scalar";
    }
}
