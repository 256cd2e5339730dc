package app.exosphere.core.compute;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import java.util.Map;

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
    public Call<Flavor> get(String flavorId) {
        return Operation.of(
                () -> nova.get("flavors/{id}", flavorId).microversion(MICROVERSION),
                Decode.member("flavor", Flavor.class));
    }

    /** {@code GET /flavors/{id}/os-extra_specs} (for clouds below 2.61). */
    public Call<Map<String, String>> extraSpecs(String flavorId) {
        return Operation.of(
                () -> nova.get("flavors/{id}/os-extra_specs", flavorId), r -> Decode.stringMap(r, "extra_specs"));
    }
}
