package app.exosphere.core.compute;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Operation;
import java.util.Optional;

/**
 * Nova {@code /servers/{id}/os-server-password}: the (encrypted) password an instance posted to the
 * metadata service. Exosphere's instances post the exouser passphrase there ({@code ansible/roles/passphrase} and {@code Rest.Nova.requestPassphraseIfRequestable}).
 *
 * <pre>{@code
 * Optional<String> pw = compute.servers().password(serverId).get().execute();
 * }</pre>
 */
public final class ServerPasswordApi {
    private final ServiceClient nova;
    private final String serverId;

    ServerPasswordApi(ServiceClient nova, String serverId) {
        this.nova = nova;
        this.serverId = serverId;
    }

    /** {@code GET /servers/{id}/os-server-password}; empty when none was posted yet. */
    public Call<Optional<String>> get() {
        return Operation.of(() -> nova.get("servers/{id}/os-server-password", serverId), r -> {
            String p = r.json().path("password").asText("");
            return p.isEmpty() ? Optional.empty() : Optional.of(p);
        });
    }

    /** {@code DELETE /servers/{id}/os-server-password}: clears it. */
    public Call<Void> clear() {
        return Operation.noResult(() -> nova.delete("servers/{id}/os-server-password", serverId));
    }
}
