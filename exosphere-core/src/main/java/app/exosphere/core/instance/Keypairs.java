package app.exosphere.core.instance;

import app.exosphere.core.compute.Keypair;
import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.http.Call;
import app.exosphere.core.rules.SshKeyType;
import java.util.ArrayList;
import java.util.List;

/**
 * Keypair management the web app's way (Exosphere's {@code Rest.Nova} keypair requests and its
 * keypair-import form): list, import with the form's checks, delete (idempotent) and bulk delete.
 * Upstream never generates keys, and neither does this. Obtain it from {@code exosphere.keypairs()}.
 *
 * <pre>{@code
 * Keypairs keypairs = exosphere.keypairs();
 * keypairs.importKey("laptop", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 me@laptop").execute();
 * keypairs.delete("old-laptop").execute();
 * }</pre>
 */
public final class Keypairs {
    private final EngineContext ctx;

    Keypairs(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** {@code GET /os-keypairs}: the user's keypairs. */
    public Call<List<Keypair>> list() {
        return ctx.os.compute().keypairs().list();
    }

    /**
     * Imports a public key with the web app form's checks, before anything is sent: the name is required
     * and must not start with a space (it is sent trimmed), the key is required, and a private key is
     * refused with {@link app.exosphere.core.error.PrivateKeyDetectedException} (the web app's message).
     *
     * @throws InvalidLaunchRequestException when the name or key is missing or the name starts with a space
     */
    // Exosphere's `Page.KeypairCreate` checks and `Rest.Nova.requestCreateKeypair`
    public Call<Keypair> importKey(String name, String publicKey) {
        if (name == null || name.isBlank()) {
            throw new InvalidLaunchRequestException("A keypair name is required");
        }
        if (name.startsWith(" ")) {
            throw new InvalidLaunchRequestException("The keypair name must not start with a space");
        }
        if (publicKey == null || publicKey.isBlank()) {
            throw new InvalidLaunchRequestException("A public key is required (the contents of a .pub file)");
        }
        SshKeyType.requireNotPrivate(publicKey.strip());
        return ctx.os.compute().keypairs().importKey(name.trim(), publicKey);
    }

    /** {@code DELETE /os-keypairs/{name}}; a keypair already gone counts as deleted. */
    public Call<Void> delete(String name) {
        return ctx.operation(() -> {
            deleteNow(name);
            return null;
        });
    }

    /**
     * Deletes several keypairs, one request each (the web app's bulk delete); ones already gone count as
     * deleted. Stops at the first other failure, which it throws; the names it deleted before are gone.
     */
    public Call<List<String>> deleteAll(List<String> names) {
        List<String> chosen = List.copyOf(names);
        return ctx.operation(() -> {
            List<String> deleted = new ArrayList<>();
            for (String n : chosen) {
                deleteNow(n);
                deleted.add(n);
            }
            return List.copyOf(deleted);
        });
    }

    private void deleteNow(String name) {
        try {
            ctx.os.compute().keypairs().delete(name).execute();
        } catch (NotFoundException gone) {
            // idempotent: another replica, or a retried request, deleted it already
        }
    }
}
