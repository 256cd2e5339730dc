package app.exosphere.core.volume;

import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import app.exosphere.core.page.Paginator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Cinder {@code /volumes} (negotiated microversion).
 *
 * <pre>{@code
 * Volume v = volume.volumes().get(id);
 * volume.volumes().list().stream().filter(x -> x.status().is(VolumeStatus.Known.AVAILABLE)).toList();
 * }</pre>
 */
public final class VolumeApi {
    private final ServiceClient cinder;

    VolumeApi(ServiceClient cinder) {
        this.cinder = cinder;
    }

    /** {@code POST /volumes}. */
    public Volume create(VolumeCreateRequest request) {
        return createCall(request).execute();
    }

    /** Asynchronous {@link #create(VolumeCreateRequest)}. */
    public CompletableFuture<Volume> createAsync(VolumeCreateRequest request) {
        return createCall(request).executeAsync();
    }

    private Operation<Volume> createCall(VolumeCreateRequest request) {
        ObjectNode body = request.toJson();
        return Operation.of(
                () -> cinder.post("volumes").negotiatedMicroversion().body(body),
                Decode.member("volume", Volume.class));
    }

    /** {@code GET /volumes/{id}}. */
    public Volume get(String volumeId) {
        return getCall(volumeId).execute();
    }

    /** Asynchronous {@link #get(String)}. */
    public CompletableFuture<Volume> getAsync(String volumeId) {
        return getCall(volumeId).executeAsync();
    }

    private Operation<Volume> getCall(String id) {
        return Operation.of(
                () -> cinder.get("volumes/{id}", id).negotiatedMicroversion(), Decode.member("volume", Volume.class));
    }

    /** {@code GET /volumes/detail}, lazily across pages. */
    public Paginator<Volume> list() {
        return list(Map.of(), null);
    }

    /** {@code GET /volumes/detail?key=value…} (e.g. {@code status=available}), pages of {@code pageSize} (null: server default). */
    public Paginator<Volume> list(Map<String, String> filters, Integer pageSize) {
        ServiceCall c = cinder.get("volumes/detail").negotiatedMicroversion().query(filters);
        return pageSize == null ? c.paginate("volumes", Volume.class) : c.paginate("volumes", Volume.class, pageSize);
    }

    /** {@code PUT /volumes/{id}} with a new name and/or description (null leaves it). */
    public Volume update(String volumeId, String name, String description) {
        return updateCall(volumeId, name, description).execute();
    }

    /** Asynchronous {@link #update(String, String, String)}. */
    public CompletableFuture<Volume> updateAsync(String volumeId, String name, String description) {
        return updateCall(volumeId, name, description).executeAsync();
    }

    private Operation<Volume> updateCall(String id, String name, String description) {
        if (name == null && description == null) {
            throw new IllegalArgumentException("a volume update needs a name or a description");
        }
        ObjectNode body = ServiceJson.object();
        ObjectNode v = body.putObject("volume");
        if (name != null) {
            v.put("name", name);
        }
        if (description != null) {
            v.put("description", description);
        }
        return Operation.of(
                () -> cinder.put("volumes/{id}", id).negotiatedMicroversion().body(body),
                Decode.member("volume", Volume.class));
    }

    /** {@code DELETE /volumes/{id}}. */
    public void delete(String volumeId) {
        deleteCall(volumeId).execute();
    }

    /** Asynchronous {@link #delete(String)}. */
    public CompletableFuture<Void> deleteAsync(String volumeId) {
        return deleteCall(volumeId).executeAsync();
    }

    private Operation<Void> deleteCall(String id) {
        return Operation.noResult(() -> cinder.delete("volumes/{id}", id).negotiatedMicroversion());
    }

    /** {@code POST /volumes/{id}/action} {@code {"os-extend":{"new_size": n}}} (GiB). */
    public void extend(String volumeId, int newSizeGb) {
        extendCall(volumeId, newSizeGb).execute();
    }

    /** Asynchronous {@link #extend(String, int)}. */
    public CompletableFuture<Void> extendAsync(String volumeId, int newSizeGb) {
        return extendCall(volumeId, newSizeGb).executeAsync();
    }

    private Operation<Void> extendCall(String id, int newSizeGb) {
        if (newSizeGb <= 0) {
            throw new IllegalArgumentException("the new volume size must be a positive number of GiB");
        }
        ObjectNode body = ServiceJson.object();
        body.putObject("os-extend").put("new_size", newSizeGb);
        return Operation.noResult(() ->
                cinder.post("volumes/{id}/action", id).negotiatedMicroversion().body(body));
    }
}
