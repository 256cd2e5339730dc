package app.exosphere.testkit;

import java.util.List;

/**
 * Fixed secret values for tests to plant (a password, an application-credential secret, a Keystone
 * token, an OIDC access token, an exouser passphrase and a Guacamole token). {@link SecretLeakScanner}
 * fails a test class that prints any of them, in any encoding, so tests of code that handles secrets
 * should use these values.
 *
 * <pre>{@code
 * Credentials c = Credentials.password(UserRef.name("alice", DomainRef.of("Default")), PlantedSecrets.PASSWORD);
 * }</pre>
 */
public final class PlantedSecrets {
    /** A user password. */
    public static final String PASSWORD = "planted-Password-7f3a9c";
    /** An application-credential secret. */
    public static final String APPLICATION_CREDENTIAL_SECRET = "planted-AppCredSecret-Qx81LmZ0";
    /** A Keystone token. */
    public static final String TOKEN = "gAAAAABplantedKeystoneToken0d6e5f4a3b2c1";
    /** An OIDC access token. */
    public static final String OIDC_ACCESS_TOKEN = "eyJplanted.OidcAccessToken.b7c6d5e4";
    /** An exouser passphrase (RFC 1760 words, as an instance generates). */
    public static final String PASSPHRASE = "ABE ACE YOGA YELL AMID BALM CHAW DUSK EDNA FLOG GLIB";
    /** A Guacamole auth token. */
    public static final String GUACAMOLE_TOKEN = "9F8E7D6C5B4A39281706F5E4D3C2B1A0PLANTEDGUAC";

    private PlantedSecrets() {}

    /** All of them. */
    public static List<String> all() {
        return List.of(PASSWORD, APPLICATION_CREDENTIAL_SECRET, TOKEN, OIDC_ACCESS_TOKEN, PASSPHRASE, GUACAMOLE_TOKEN);
    }
}
