package app.exosphere.core.volume;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.quota.QuotaUsage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Cinder v3 client. Immutable and thread-safe; obtain it from {@code openStack.volume()}. Every
 * call sends the negotiated block-storage microversion ({@code min(client max, cloud max)}), so
 * responses carry the newest fields the cloud has; the models read any of them.
 *
 * <table>
 *   <caption>Where each API path lives</caption>
 *   <tr><td>{@code /volumes...}</td><td>{@link #volumes()}</td></tr>
 *   <tr><td>{@code /types}</td><td>{@link #types()}</td></tr>
 *   <tr><td>{@code /snapshots...}</td><td>{@link #snapshots()}</td></tr>
 *   <tr><td>{@code /attachments} (3.27+)</td><td>{@link #attachments()}</td></tr>
 *   <tr><td>{@code /limits}</td><td>{@link #limits()}</td></tr>
 *   <tr><td>{@code /os-quota-sets/{project}?usage=true}</td><td>{@link #quotaUsage(String)}</td></tr>
 * </table>
 *
 * <pre>{@code
 * VolumeClient cinder = openStack.volume();
 * Volume v = cinder.volumes().create(VolumeCreateRequest.builder().name("data").sizeGb(100).build()).execute();
 * cinder.volumes().extend(v.id(), 200).execute();
 * }</pre>
 */
public final class VolumeClient {
    private final ServiceClient cinder;

    private VolumeClient(ServiceClient cinder) {
        this.cinder = cinder;
    }

    /** A client on an authenticated block-storage transport ({@code openStack.service(ServiceType.VOLUME)}). */
    public static VolumeClient on(ServiceClient cinder) {
        Objects.requireNonNull(cinder, "cinder");
        if (!cinder.type().equals(ServiceType.VOLUME)) {
            throw new IllegalArgumentException("VolumeClient needs a block-storage transport, got " + cinder.type());
        }
        return new VolumeClient(cinder);
    }

    /** The underlying transport, for calls this client does not cover. */
    public ServiceClient transport() {
        return cinder;
    }

    /** {@code /volumes}. */
    public VolumeApi volumes() {
        return new VolumeApi(cinder);
    }

    /** {@code /snapshots}. */
    public SnapshotApi snapshots() {
        return new SnapshotApi(cinder);
    }

    /** {@code /attachments} (3.27+). */
    public AttachmentApi attachments() {
        return new AttachmentApi(cinder);
    }

    /** {@code GET /types}, lazily. */
    public Paginator<VolumeType> types() {
        return cinder.get("types").negotiatedMicroversion().paginate("volume_types", VolumeType.class);
    }

    /** {@code GET /limits} (Exosphere's {@code OpenStack.Quotas.requestVolumeQuota}). */
    public Call<VolumeLimits> limits() {
        return Operation.of(
                () -> cinder.get("limits").negotiatedMicroversion(), Decode.member("limits", VolumeLimits.class));
    }

    /** {@code GET /os-quota-sets/{project_id}?usage=true}: limit and {@code in_use} per resource. */
    public Call<Map<String, QuotaUsage>> quotaUsage(String projectId) {
        return Operation.of(
                () -> cinder.get("os-quota-sets/{id}", projectId)
                        .query("usage", "true")
                        .negotiatedMicroversion(),
                r -> {
                    Map<String, QuotaUsage> out = new LinkedHashMap<>();
                    r.json().path("quota_set").fields().forEachRemaining(e -> {
                        JsonNode v = e.getValue();
                        if (v.isObject() && v.has("limit")) {
                            out.put(
                                    e.getKey(),
                                    QuotaUsage.of(
                                            v.path("in_use").asLong(0),
                                            v.path("limit").asLong(-1)));
                        }
                    });
                    return Map.copyOf(out);
                });
    }

    @Override
    public String toString() {
        return "VolumeClient{" + cinder.type() + "}";
    }
}
