package app.exosphere.core.instance;

import app.exosphere.core.rules.SshKeyType;
import java.util.Objects;
import java.util.Optional;

/**
 * The Nova keypair injected at launch: an existing keypair by name, or a public key imported under a
 * name (reused when a keypair of that name with the same key already exists).
 *
 * <pre>{@code
 * KeypairChoice.existing("laptop");
 * KeypairChoice.importKey("gateway-alice", "ssh-ed25519 AAAAC3Nza... alice@example.org");
 * }</pre>
 */
public final class KeypairChoice {
    private final String name;
    private final String publicKey;

    private KeypairChoice(String name, String publicKey) {
        this.name = name;
        this.publicKey = publicKey;
    }

    /** An existing keypair of the user. */
    public static KeypairChoice existing(String name) {
        return new KeypairChoice(ImageChoice.requireText(name, "keypair name"), null);
    }

    /**
     * Imports {@code publicKey} as keypair {@code name} unless it exists already with that key. A private
     * key pasted by mistake is refused here, before anything is sent or kept (Exosphere's
     * {@code SshKeyTypeGuesser.guessKeyType} on the keypair form).
     *
     * @throws app.exosphere.core.error.PrivateKeyDetectedException when {@code publicKey} is a private key
     */
    public static KeypairChoice importKey(String name, String publicKey) {
        String key = ImageChoice.requireText(publicKey, "public key");
        SshKeyType.requireNotPrivate(key.strip());
        return new KeypairChoice(ImageChoice.requireText(name, "keypair name"), key.trim());
    }

    /** The keypair name. */
    public String name() {
        return name;
    }

    /** The public key to import, when importing. */
    public Optional<String> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeypairChoice c && c.name.equals(name) && Objects.equals(c.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, publicKey);
    }

    @Override
    public String toString() {
        return publicKey == null ? "existing(" + name + ")" : "import(" + name + ")";
    }
}
