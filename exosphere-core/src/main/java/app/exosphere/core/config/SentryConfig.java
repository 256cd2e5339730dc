package app.exosphere.core.config;

/**
 * Config {@code sentryConfig} (Exosphere's {@code Flags.flagsDecoder}).
 *
 * <pre>{@code
 * config.sentry().map(SentryConfig::environmentName)
 * }</pre>
 *
 * @param dsnPublicKey DSN public key
 * @param dsnHost DSN host
 * @param dsnProjectId DSN project id
 * @param releaseVersion release
 * @param environmentName environment
 */
public record SentryConfig(
        String dsnPublicKey, String dsnHost, String dsnProjectId, String releaseVersion, String environmentName) {}
