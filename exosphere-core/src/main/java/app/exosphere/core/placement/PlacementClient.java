package app.exosphere.core.placement;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.internal.calls.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Placement client: project usages, read at microversion 1.9 as Exosphere does (
 * {@code OpenStack.UnifiedLimits.requestUsages}). Immutable and thread-safe; obtain it from {@code openStack.placement()}.
 *
 * <pre>{@code
 * ResourceUsages u = openStack.placement().usages(projectId).execute();
 * }</pre>
 */
public final class PlacementClient {
    /** The microversion that added {@code GET /usages}. */
    public static final String MICROVERSION = "1.9";

    private final ServiceClient placement;

    private PlacementClient(ServiceClient placement) {
        this.placement = placement;
    }

    /** A client on an authenticated placement transport ({@code openStack.service(ServiceType.PLACEMENT)}). */
    public static PlacementClient on(ServiceClient placement) {
        Objects.requireNonNull(placement, "placement");
        if (!placement.type().equals(ServiceType.PLACEMENT)) {
            throw new IllegalArgumentException("PlacementClient needs a placement transport, got " + placement.type());
        }
        return new PlacementClient(placement);
    }

    /** The underlying transport, for calls this client does not cover. */
    public ServiceClient transport() {
        return placement;
    }

    /** {@code GET /usages?project_id=…}. */
    public Call<ResourceUsages> usages(String projectId) {
        return usagesOf(projectId, null);
    }

    /** {@code GET /usages?project_id=…&user_id=…}. */
    public Call<ResourceUsages> usages(String projectId, String userId) {
        return usagesOf(projectId, Objects.requireNonNull(userId, "userId"));
    }

    private Operation<ResourceUsages> usagesOf(String projectId, String userId) {
        Objects.requireNonNull(projectId, "projectId");
        return Operation.of(
                () -> {
                    ServiceCall c =
                            placement.get("usages").microversion(MICROVERSION).query("project_id", projectId);
                    return c.query("user_id", userId);
                },
                r -> {
                    Map<String, Long> out = new LinkedHashMap<>();
                    r.json()
                            .path("usages")
                            .fields()
                            .forEachRemaining(
                                    e -> out.put(e.getKey(), e.getValue().asLong()));
                    return new ResourceUsages(out);
                });
    }

    @Override
    public String toString() {
        return "PlacementClient{" + placement.type() + "}";
    }
}
