package app.exosphere.core.instance;

/**
 * What the SDK does with the exouser passphrase an instance publishes as its Nova server password
 * (Exosphere's {@code ansible/roles/passphrase} and {@code Rest.Nova.requestPassphraseIfRequestable}).
 *
 * <pre>{@code
 * ExosphereSettings.builder().clientUuid(clientUuid).passphraseHandling(PassphraseHandling.MEMORY_ONLY).build();
 * }</pre>
 */
public enum PassphraseHandling {
    /**
     * Like Exosphere (interop): store it as the server tag {@code exoPw:<passphrase>} and clear the server
     * password, so the Exosphere web app (and any project member) can show it.
     */
    STORE_AS_TAG,
    /**
     * Secret-safe: keep it only in this process's memory and clear the server password; the Exosphere web
     * app then cannot offer the web shell for this server.
     */
    MEMORY_ONLY
}
