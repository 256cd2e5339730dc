package app.exosphere.core.compute;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Nova {@code /servers/{id}/metadata}.
 *
 * <pre>{@code
 * ServerMetadataApi md = compute.servers().metadata(serverId);
 * Map<String, String> all =
 *         md.update(Map.of("exoSetup", "{\"status\":\"complete\",\"epoch\":null}")).execute();
 * md.delete("exoCreateFloatingIp").execute();
 * }</pre>
 */
public final class ServerMetadataApi {
    private final ServiceClient nova;
    private final String serverId;

    ServerMetadataApi(ServiceClient nova, String serverId) {
        this.nova = nova;
        this.serverId = serverId;
    }

    private static ObjectNode body(String key, Map<String, String> items) {
        ObjectNode root = ServiceJson.object();
        ObjectNode m = root.putObject(key);
        items.forEach(m::put);
        return root;
    }

    /** {@code GET /servers/{id}/metadata}. */
    public Call<Map<String, String>> list() {
        return Operation.of(() -> nova.get("servers/{id}/metadata", serverId), r -> Decode.stringMap(r, "metadata"));
    }

    /** {@code PUT /servers/{id}/metadata}: replaces all items; returns the new set. */
    public Call<Map<String, String>> replaceAll(Map<String, String> items) {
        ObjectNode body = body("metadata", items);
        return Operation.of(
                () -> nova.put("servers/{id}/metadata", serverId).body(body), r -> Decode.stringMap(r, "metadata"));
    }

    /** {@code POST /servers/{id}/metadata}: merges items; returns every item (Exosphere's {@code Rest.Nova.requestSetServerMetadata}). */
    public Call<Map<String, String>> update(Map<String, String> items) {
        ObjectNode body = body("metadata", items);
        return Operation.of(
                () -> nova.post("servers/{id}/metadata", serverId).body(body), r -> Decode.stringMap(r, "metadata"));
    }

    /** {@code GET /servers/{id}/metadata/{key}}. */
    public Call<String> get(String key) {
        return Operation.of(
                () -> nova.get("servers/{id}/metadata/{key}", serverId, key),
                r -> r.json().path("meta").path(key).asText());
    }

    /** {@code PUT /servers/{id}/metadata/{key}} {@code {"meta":{key: value}}}. */
    public Call<Void> put(String key, String value) {
        ObjectNode body = body("meta", Map.of(key, value));
        return Operation.noResult(
                () -> nova.put("servers/{id}/metadata/{key}", serverId, key).body(body));
    }

    /** {@code DELETE /servers/{id}/metadata/{key}}. */
    public Call<Void> delete(String key) {
        return Operation.noResult(() -> nova.delete("servers/{id}/metadata/{key}", serverId, key));
    }
}
