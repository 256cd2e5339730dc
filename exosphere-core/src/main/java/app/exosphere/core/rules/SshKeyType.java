package app.exosphere.core.rules;

import app.exosphere.core.error.PrivateKeyDetectedException;
import java.util.regex.Pattern;

/**
 * What a pasted SSH key looks like: a public key, a private key, or neither (Exosphere's
 * {@code SshKeyTypeGuesser.guessKeyType}). The web app's keypair form refuses a text that guesses as a
 * private key; {@link #UNKNOWN} does not block.
 *
 * <pre>{@code
 * SshKeyType.guess("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI alice@example.org");   // PUBLIC_KEY
 * SshKeyType.guess("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=");    // PRIVATE_KEY
 * SshKeyType.requireNotPrivate("ssh-rsa AAAAB3Nza me@laptop");                  // passes
 * }</pre>
 */
public enum SshKeyType {
    /** Starts with a known key type word, then Base64 (the comment is ignored). */
    PUBLIC_KEY,
    /** A PEM/OpenSSH {@code -----BEGIN … PRIVATE KEY-----} block. */
    PRIVATE_KEY,
    /** Neither; the web app lets it through and Nova decides. */
    UNKNOWN;

    /** The web app's message on the keypair form (Exosphere's {@code Page.KeypairCreate}). */
    public static final String PRIVATE_KEY_MESSAGE =
            "Private key detected! Enter a public key instead. Public keys are usually found in a .pub file";

    // Elm's `spaces` (space, \n, \r) and Base64 characters, as `SshKeyTypeGuesser` uses them
    private static final String SPACES = "[ \\n\\r]*";
    private static final String BASE64 = "[A-Za-z0-9+/=]";
    private static final String WORD_END = "(?![A-Za-z0-9_])";

    private static final Pattern PUBLIC = Pattern.compile("\\A(?:ssh-ed25519|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384"
            + "|ecdsa-sha2-nistp512|rsa-sha2-512|rsa-sha2-256|ssh-rsa|ssh-dss|ssh-dsa)" + WORD_END + SPACES + BASE64);

    // dashes, BEGIN or END, anything up to the first PRIVATE (a whole word), anything up to the next
    // dash, the closing dashes, then the Base64 body
    private static final Pattern PRIVATE = Pattern.compile("\\A-+" + SPACES + "(?:BEGIN|END)(?:(?!PRIVATE)[\\s\\S])*"
            + "PRIVATE" + WORD_END + "[^-]*-+" + SPACES + BASE64);

    /** Guesses the type of a pasted key; {@code null} is {@link #UNKNOWN}. */
    // Exosphere's `SshKeyTypeGuesser.guessKeyType`
    public static SshKeyType guess(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        if (PUBLIC.matcher(text).lookingAt()) {
            return PUBLIC_KEY;
        }
        if (PRIVATE.matcher(text).lookingAt()) {
            return PRIVATE_KEY;
        }
        return UNKNOWN;
    }

    /**
     * Refuses a private key pasted where a public key belongs, with the web app's message; the key itself
     * never appears in the exception.
     *
     * @return {@code text}, unchanged
     * @throws PrivateKeyDetectedException when {@code text} guesses as a private key
     */
    public static String requireNotPrivate(String text) {
        if (guess(text) == PRIVATE_KEY) {
            throw new PrivateKeyDetectedException(PRIVATE_KEY_MESSAGE);
        }
        return text;
    }
}
