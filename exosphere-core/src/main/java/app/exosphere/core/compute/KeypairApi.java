package app.exosphere.core.compute;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Nova {@code /os-keypairs}.
 *
 * <pre>{@code
 * Keypair k = compute.keypairs().importKey("laptop", "ssh-ed25519 AAAA… me@laptop").execute();  // Exosphere's `Rest.Nova.requestCreateKeypair`
 * List<Keypair> all = compute.keypairs().list().execute();
 * }</pre>
 */
public final class KeypairApi {
    private final ServiceClient nova;

    KeypairApi(ServiceClient nova) {
        this.nova = nova;
    }

    /** {@code GET /os-keypairs}: the caller's keypairs (entries are unwrapped from {@code {"keypair":…}}). */
    public Call<List<Keypair>> list() {
        return Operation.of(() -> nova.get("os-keypairs"), r -> {
            List<Keypair> out = new ArrayList<>();
            for (JsonNode wrapped : r.json().path("keypairs")) {
                out.add(Decode.convert(r, wrapped.path("keypair"), Keypair.class));
            }
            return List.copyOf(out);
        });
    }

    /** {@code GET /os-keypairs/{name}}. */
    public Call<Keypair> get(String name) {
        return Operation.of(() -> nova.get("os-keypairs/{name}", name), Decode.member("keypair", Keypair.class));
    }

    /** {@code POST /os-keypairs} with a public key: imports it. */
    public Call<Keypair> importKey(String name, String publicKey) {
        if (publicKey == null || publicKey.isBlank()) {
            throw new IllegalArgumentException("importing a keypair needs a public key");
        }
        ObjectNode k = ServiceJson.object();
        k.putObject("keypair").put("name", name).put("public_key", publicKey.strip());
        return Operation.of(() -> nova.post("os-keypairs").body(k), Decode.member("keypair", Keypair.class));
    }

    /**
     * {@code POST /os-keypairs} without a public key: Nova generates the pair and returns the private
     * key once (below 2.92; from 2.92 Nova refuses, so import a key instead).
     */
    public Call<Keypair> create(String name) {
        ObjectNode k = ServiceJson.object();
        k.putObject("keypair").put("name", name);
        return Operation.of(() -> nova.post("os-keypairs").body(k), Decode.member("keypair", Keypair.class));
    }

    /** {@code DELETE /os-keypairs/{name}}. */
    public Call<Void> delete(String name) {
        return Operation.noResult(() -> nova.delete("os-keypairs/{name}", name));
    }
}
