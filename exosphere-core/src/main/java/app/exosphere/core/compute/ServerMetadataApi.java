package app.exosphere.core.compute;

import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Nova {@code /servers/{id}/metadata}.
 *
 * <pre>{@code
 * ServerMetadataApi md = compute.servers().metadata(serverId);
 * Map<String, String> all = md.update(Map.of("exoSetup", "{\"status\":\"complete\",\"epoch\":null}"));
 * md.delete("exoCreateFloatingIp");
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
    public Map<String, String> list() {
        return listCall().execute();
    }

    /** Asynchronous {@link #list()}. */
    public CompletableFuture<Map<String, String>> listAsync() {
        return listCall().executeAsync();
    }

    private Operation<Map<String, String>> listCall() {
        return Operation.of(() -> nova.get("servers/{id}/metadata", serverId), r -> Decode.stringMap(r, "metadata"));
    }

    /** {@code PUT /servers/{id}/metadata}: replaces all items; returns the new set. */
    public Map<String, String> replaceAll(Map<String, String> items) {
        return replaceAllCall(items).execute();
    }

    /** Asynchronous {@link #replaceAll(Map)}. */
    public CompletableFuture<Map<String, String>> replaceAllAsync(Map<String, String> items) {
        return replaceAllCall(items).executeAsync();
    }

    private Operation<Map<String, String>> replaceAllCall(Map<String, String> items) {
        ObjectNode body = body("metadata", items);
        return Operation.of(
                () -> nova.put("servers/{id}/metadata", serverId).body(body), r -> Decode.stringMap(r, "metadata"));
    }

    /** {@code POST /servers/{id}/metadata}: merges items; returns every item (Exosphere's {@code Rest.Nova.requestSetServerMetadata}). */
    public Map<String, String> update(Map<String, String> items) {
        return updateCall(items).execute();
    }

    /** Asynchronous {@link #update(Map)}. */
    public CompletableFuture<Map<String, String>> updateAsync(Map<String, String> items) {
        return updateCall(items).executeAsync();
    }

    private Operation<Map<String, String>> updateCall(Map<String, String> items) {
        ObjectNode body = body("metadata", items);
        return Operation.of(
                () -> nova.post("servers/{id}/metadata", serverId).body(body), r -> Decode.stringMap(r, "metadata"));
    }

    /** {@code GET /servers/{id}/metadata/{key}}. */
    public String get(String key) {
        return getCall(key).execute();
    }

    /** Asynchronous {@link #get(String)}. */
    public CompletableFuture<String> getAsync(String key) {
        return getCall(key).executeAsync();
    }

    private Operation<String> getCall(String key) {
        return Operation.of(
                () -> nova.get("servers/{id}/metadata/{key}", serverId, key),
                r -> r.json().path("meta").path(key).asText());
    }

    /** {@code PUT /servers/{id}/metadata/{key}} {@code {"meta":{key: value}}}. */
    public void put(String key, String value) {
        putCall(key, value).execute();
    }

    /** Asynchronous {@link #put(String, String)}. */
    public CompletableFuture<Void> putAsync(String key, String value) {
        return putCall(key, value).executeAsync();
    }

    private Operation<Void> putCall(String key, String value) {
        ObjectNode body = body("meta", Map.of(key, value));
        return Operation.noResult(
                () -> nova.put("servers/{id}/metadata/{key}", serverId, key).body(body));
    }

    /** {@code DELETE /servers/{id}/metadata/{key}}. */
    public void delete(String key) {
        deleteCall(key).execute();
    }

    /** Asynchronous {@link #delete(String)}. */
    public CompletableFuture<Void> deleteAsync(String key) {
        return deleteCall(key).executeAsync();
    }

    private Operation<Void> deleteCall(String key) {
        return Operation.noResult(() -> nova.delete("servers/{id}/metadata/{key}", serverId, key));
    }
}
