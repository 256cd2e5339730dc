package app.exosphere.core.instance;

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

    /** Imports {@code publicKey} as keypair {@code name} unless it exists already with that key. */
    public static KeypairChoice importKey(String name, String publicKey) {
        return new KeypairChoice(
                ImageChoice.requireText(name, "keypair name"),
                ImageChoice.requireText(publicKey, "public key").trim());
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
