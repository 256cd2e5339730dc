package app.exosphere.core.config;

import app.exosphere.core.error.ConfigurationException;
import java.util.Locale;

/**
 * The {@code auth_type} values of clouds.yaml and OpenRC files that the SDK supports.
 *
 * <pre>{@code
 * AuthType t = AuthType.parse("v3applicationcredential");   // APPLICATION_CREDENTIAL
 * }</pre>
 */
public enum AuthType {
    /** {@code password} / {@code v3password} (the default). */
    PASSWORD,
    /** {@code v3applicationcredential} / {@code applicationcredential}. */
    APPLICATION_CREDENTIAL,
    /** {@code v3token} / {@code token}. */
    TOKEN,
    /** {@code v3oidcaccesstoken}. */
    OIDC_ACCESS_TOKEN;

    /** The {@code auth_type} that names this type in clouds.yaml ({@code password}, {@code v3token}, ...). */
    public String configName() {
        switch (this) {
            case APPLICATION_CREDENTIAL:
                return "v3applicationcredential";
            case TOKEN:
                return "v3token";
            case OIDC_ACCESS_TOKEN:
                return "v3oidcaccesstoken";
            default:
                return "password";
        }
    }

    /**
     * Parses an {@code auth_type}.
     *
     * @throws ConfigurationException for unsupported types
     */
    public static AuthType parse(String value) {
        String v = value == null
                ? "password"
                : value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        switch (v) {
            case "password":
            case "v3password":
                return PASSWORD;
            case "v3applicationcredential":
            case "applicationcredential":
            case "v3_application_credential":
                return APPLICATION_CREDENTIAL;
            case "v3token":
            case "token":
                return TOKEN;
            case "v3oidcaccesstoken":
                return OIDC_ACCESS_TOKEN;
            default:
                throw new ConfigurationException("auth_type '" + value + "' is not supported; use password, "
                        + "v3applicationcredential, v3token or v3oidcaccesstoken");
        }
    }
}
