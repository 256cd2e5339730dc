package app.exosphere.core.compute;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;

/**
 * Nova {@code /servers/{id}/os-instance-actions} (read at 2.27, as Exosphere does every 30 minutes).
 *
 * <pre>{@code
 * List<InstanceAction> history = compute.servers().instanceActions(serverId).list().toList();
 * }</pre>
 */
public final class InstanceActionApi {
    private final ServiceClient nova;
    private final String serverId;

    InstanceActionApi(ServiceClient nova, String serverId) {
        this.nova = nova;
        this.serverId = serverId;
    }

    /** {@code GET /servers/{id}/os-instance-actions}, newest first, lazily (Nova pages from 2.58). */
    public Paginator<InstanceAction> list() {
        return nova.get("servers/{id}/os-instance-actions", serverId)
                .microversion(ServerApi.MICROVERSION)
                .paginate("instanceActions", InstanceAction.class);
    }

    /** {@code GET /servers/{id}/os-instance-actions/{request_id}}, with events. */
    public Call<InstanceAction> get(String requestId) {
        return Operation.of(
                () -> nova.get("servers/{id}/os-instance-actions/{req}", serverId, requestId)
                        .microversion(ServerApi.MICROVERSION),
                Decode.member("instanceAction", InstanceAction.class));
    }
}
