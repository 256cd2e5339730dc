package app.exosphere.core.compute;

import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.page.Paginator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Nova {@code /flavors}. Reads use microversion 2.61 so that {@code extra_specs} come embedded
 * (Exosphere's {@code Rest.Nova.requestFlavors}).
 *
 * <pre>{@code
 * List<Flavor> flavors = compute.flavors().listDetail().toList();
 * }</pre>
 */
public final class FlavorApi {
    /** The microversion Exosphere reads flavors with. */
    public static final String MICROVERSION = "2.61";

    private final ServiceClient nova;

    FlavorApi(ServiceClient nova) {
        this.nova = nova;
    }

    /** {@code GET /flavors/detail} (2.61), lazily across pages. */
    public Paginator<Flavor> listDetail() {
        return nova.get("flavors/detail").microversion(MICROVERSION).paginate("flavors", Flavor.class);
    }

    /** {@code GET /flavors/{id}} (2.61). */
    public Flavor get(String flavorId) {
        return getCall(flavorId).execute();
    }

    /** Asynchronous {@link #get(String)}. */
    public CompletableFuture<Flavor> getAsync(String flavorId) {
        return getCall(flavorId).executeAsync();
    }

    private Operation<Flavor> getCall(String flavorId) {
        return Operation.of(
                () -> nova.get("flavors/{id}", flavorId).microversion(MICROVERSION),
                Decode.member("flavor", Flavor.class));
    }

    /** {@code GET /flavors/{id}/os-extra_specs} (for clouds below 2.61). */
    public Map<String, String> extraSpecs(String flavorId) {
        return extraSpecsCall(flavorId).execute();
    }

    /** Asynchronous {@link #extraSpecs(String)}. */
    public CompletableFuture<Map<String, String>> extraSpecsAsync(String flavorId) {
        return extraSpecsCall(flavorId).executeAsync();
    }

    private Operation<Map<String, String>> extraSpecsCall(String flavorId) {
        return Operation.of(
                () -> nova.get("flavors/{id}/os-extra_specs", flavorId), r -> Decode.stringMap(r, "extra_specs"));
    }
}
