package app.exosphere.core.volume;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cinder {@code /snapshots} (negotiated microversion): the volume snapshots of the project.
 *
 * <pre>{@code
 * for (Snapshot s : volume.snapshots().list().toList()) {
 *     System.out.println(s.name().orElse("-") + " " + s.sizeGb() + " GiB " + s.status().display());
 * }
 * volume.snapshots().delete(id).execute();
 * }</pre>
 */
public final class SnapshotApi {
    private final ServiceClient cinder;

    SnapshotApi(ServiceClient cinder) {
        this.cinder = cinder;
    }

    /** {@code GET /snapshots} (the summary list the web app reads, {@code OpenStack.VolumeSnapshots}), lazily across pages. */
    public Paginator<Snapshot> list() {
        return cinder.get("snapshots").negotiatedMicroversion().paginate("snapshots", Snapshot.class);
    }

    /** {@code GET /snapshots/detail}, lazily across pages. */
    public Paginator<Snapshot> listDetailed() {
        return cinder.get("snapshots/detail").negotiatedMicroversion().paginate("snapshots", Snapshot.class);
    }

    /** {@code GET /snapshots/{id}}. */
    public Call<Snapshot> get(String snapshotId) {
        return Operation.of(
                () -> cinder.get("snapshots/{id}", snapshotId).negotiatedMicroversion(),
                Decode.member("snapshot", Snapshot.class));
    }

    /** {@code POST /snapshots}; the snapshot starts {@code creating}. Sent once (never retried). */
    public Call<Snapshot> create(SnapshotCreateRequest request) {
        ObjectNode body = request.toJson();
        return Operation.of(
                () -> cinder.post("snapshots").negotiatedMicroversion().body(body),
                Decode.member("snapshot", Snapshot.class));
    }

    /** {@code DELETE /snapshots/{id}} (Exosphere's {@code OpenStack.Volumes.requestDeleteVolumeSnapshot}). */
    public Call<Void> delete(String snapshotId) {
        return Operation.noResult(
                () -> cinder.delete("snapshots/{id}", snapshotId).negotiatedMicroversion());
    }
}
