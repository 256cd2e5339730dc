package app.exosphere.core.volume;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Cinder {@code /volumes} (negotiated microversion).
 *
 * <pre>{@code
 * Volume v = volume.volumes().get(id).execute();
 * volume.volumes().list().stream().filter(x -> x.status().is(VolumeStatus.Known.AVAILABLE)).toList();
 * }</pre>
 */
public final class VolumeApi {
    private final ServiceClient cinder;

    VolumeApi(ServiceClient cinder) {
        this.cinder = cinder;
    }

    /** {@code POST /volumes}. */
    public Call<Volume> create(VolumeCreateRequest request) {
        ObjectNode body = request.toJson();
        return Operation.of(
                () -> cinder.post("volumes").negotiatedMicroversion().body(body),
                Decode.member("volume", Volume.class));
    }

    /** {@code GET /volumes/{id}}. */
    public Call<Volume> get(String volumeId) {
        return Operation.of(
                () -> cinder.get("volumes/{id}", volumeId).negotiatedMicroversion(),
                Decode.member("volume", Volume.class));
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
    public Call<Volume> update(String volumeId, String name, String description) {
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
                () -> cinder.put("volumes/{id}", volumeId)
                        .negotiatedMicroversion()
                        .body(body),
                Decode.member("volume", Volume.class));
    }

    /** {@code DELETE /volumes/{id}}. */
    public Call<Void> delete(String volumeId) {
        return Operation.noResult(() -> cinder.delete("volumes/{id}", volumeId).negotiatedMicroversion());
    }

    /** {@code POST /volumes/{id}/action} {@code {"os-extend":{"new_size": n}}} (GiB). */
    public Call<Void> extend(String volumeId, int newSizeGb) {
        if (newSizeGb <= 0) {
            throw new IllegalArgumentException("the new volume size must be a positive number of GiB");
        }
        ObjectNode body = ServiceJson.object();
        body.putObject("os-extend").put("new_size", newSizeGb);
        return Operation.noResult(() -> cinder.post("volumes/{id}/action", volumeId)
                .negotiatedMicroversion()
                .body(body));
    }
}
