package app.exosphere.core.compute;

import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Typed Nova client. Immutable and thread-safe; obtain it from {@code openStack.compute()}.
 *
 * <table>
 *   <caption>Where each API path lives</caption>
 *   <tr><td>{@code /servers...}</td><td>{@link #servers()}</td></tr>
 *   <tr><td>{@code /flavors...}</td><td>{@link #flavors()}</td></tr>
 *   <tr><td>{@code /os-keypairs...}</td><td>{@link #keypairs()}</td></tr>
 *   <tr><td>{@code /limits}</td><td>{@link #limits()}</td></tr>
 *   <tr><td>{@code /os-availability-zone}</td><td>{@link #availabilityZones()}</td></tr>
 *   <tr><td>{@code /os-quota-sets/{project}}</td><td>{@link #quotaSets()}</td></tr>
 * </table>
 *
 * <pre>{@code
 * ComputeClient compute = openStack.compute();
 * CreatedServer c = compute.servers().create(request);
 * Server s = compute.servers().get(c.id());
 * compute.servers().actions(s).reboot(RebootType.SOFT);
 * }</pre>
 */
public final class ComputeClient {
    private final ServiceClient nova;

    private ComputeClient(ServiceClient nova) {
        this.nova = nova;
    }

    /** A client on an authenticated compute transport ({@code openStack.service(ServiceType.COMPUTE)}). */
    public static ComputeClient on(ServiceClient nova) {
        Objects.requireNonNull(nova, "nova");
        if (!nova.type().equals(ServiceType.COMPUTE)) {
            throw new IllegalArgumentException("ComputeClient needs a compute transport, got " + nova.type());
        }
        return new ComputeClient(nova);
    }

    /** The underlying transport, for calls this client does not cover. */
    public ServiceClient transport() {
        return nova;
    }

    /** {@code /servers}. */
    public ServerApi servers() {
        return new ServerApi(nova);
    }

    /** {@code /flavors}. */
    public FlavorApi flavors() {
        return new FlavorApi(nova);
    }

    /** {@code /os-keypairs}. */
    public KeypairApi keypairs() {
        return new KeypairApi(nova);
    }

    /** {@code /os-quota-sets}. */
    public QuotaSetApi quotaSets() {
        return new QuotaSetApi(nova);
    }

    /** {@code GET /limits}: absolute limits and usage of the project (Exosphere's {@code OpenStack.Quotas.requestComputeQuota}). */
    public ComputeLimits limits() {
        return limitsCall().execute();
    }

    /** Asynchronous {@link #limits()}. */
    public CompletableFuture<ComputeLimits> limitsAsync() {
        return limitsCall().executeAsync();
    }

    private Operation<ComputeLimits> limitsCall() {
        return Operation.of(() -> nova.get("limits"), Decode.member("limits", ComputeLimits.class));
    }

    /** {@code GET /os-availability-zone}. */
    public List<AvailabilityZone> availabilityZones() {
        return zonesCall().execute();
    }

    /** Asynchronous {@link #availabilityZones()}. */
    public CompletableFuture<List<AvailabilityZone>> availabilityZonesAsync() {
        return zonesCall().executeAsync();
    }

    private Operation<List<AvailabilityZone>> zonesCall() {
        return Operation.of(
                () -> nova.get("os-availability-zone"), Decode.list("availabilityZoneInfo", AvailabilityZone.class));
    }

    @Override
    public String toString() {
        return "ComputeClient{" + nova.type() + "}";
    }
}
