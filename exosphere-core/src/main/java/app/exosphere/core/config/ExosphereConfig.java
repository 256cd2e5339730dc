package app.exosphere.core.config;

import java.util.List;
import java.util.Optional;

/**
 * A deployment's {@code config.js} (Exosphere's {@code Flags.flagsDecoder}), combined with its {@code cloud_configs.js}
 * as the web app does (Exosphere's {@code ports.js}: top-level keys of {@code config.js} win; a {@code clouds} there replaces
 * the whole list). Values a deployment left null are null here; the {@code ...OrDefault} accessors
 * apply Exosphere's defaults.
 *
 * <pre>{@code
 * ExosphereConfig cfg = ExosphereConfigs.load(Path.of("cloud_configs.js"), Path.of("config.js"));
 * String repo = cfg.instanceConfigMgtRepoUrlOrDefault();
 * }</pre>
 *
 * @param showDebugMsgs show debug messages
 * @param cloudCorsProxyUrl CORS proxy URL, or null
 * @param urlPathPrefix path prefix, or null
 * @param palette theme, or null
 * @param logo logo path, or null
 * @param favicon favicon, or null
 * @param appTitle app title, or null
 * @param topBarShowAppTitle whether the top bar shows the title
 * @param defaultLoginView {@code openstack}, {@code oidc}, or null
 * @param aboutAppMarkdown markdown, or null
 * @param supportInfoMarkdown markdown, or null
 * @param userSupportEmailAddress address, or null
 * @param userSupportEmailSubject subject, or null
 * @param openIdConnectLoginConfig OIDC login, or null
 * @param localization UI nouns, or null
 * @param clouds the cloud entries
 * @param instanceConfigMgtRepoUrl instance setup repository, or null
 * @param instanceConfigMgtRepoCheckout its branch or tag, or null
 * @param sentryConfig Sentry, or null
 * @param bannersUrl banners URL, or null
 * @param version app version, or null
 */
public record ExosphereConfig(
        boolean showDebugMsgs,
        String cloudCorsProxyUrl,
        String urlPathPrefix,
        Theme palette,
        String logo,
        String favicon,
        String appTitle,
        boolean topBarShowAppTitle,
        String defaultLoginView,
        String aboutAppMarkdown,
        String supportInfoMarkdown,
        String userSupportEmailAddress,
        String userSupportEmailSubject,
        OpenIdConnectLoginConfig openIdConnectLoginConfig,
        Localization localization,
        List<ExosphereCloudConfig> clouds,
        String instanceConfigMgtRepoUrl,
        String instanceConfigMgtRepoCheckout,
        SentryConfig sentryConfig,
        String bannersUrl,
        String version) {

    /** Default instance setup repository (Exosphere's {@code Flags.flagsDecoder} and {@code Helpers.renderUserDataTemplate}). */
    public static final String DEFAULT_INSTANCE_CONFIG_MGT_REPO_URL = "https://gitlab.com/exosphere/exosphere.git";
    /** Default instance setup checkout. */
    public static final String DEFAULT_INSTANCE_CONFIG_MGT_REPO_CHECKOUT = "master";
    /** Default support address. */
    public static final String DEFAULT_SUPPORT_EMAIL =
            "incoming+exosphere-exosphere-6891229-issue-@incoming.gitlab.com";

    public ExosphereConfig {
        clouds = List.copyOf(clouds);
    }

    public String instanceConfigMgtRepoUrlOrDefault() {
        return instanceConfigMgtRepoUrl != null ? instanceConfigMgtRepoUrl : DEFAULT_INSTANCE_CONFIG_MGT_REPO_URL;
    }

    public String instanceConfigMgtRepoCheckoutOrDefault() {
        return instanceConfigMgtRepoCheckout != null
                ? instanceConfigMgtRepoCheckout
                : DEFAULT_INSTANCE_CONFIG_MGT_REPO_CHECKOUT;
    }

    public Localization localizationOrDefault() {
        return localization != null ? localization : Localization.DEFAULTS;
    }

    public String appTitleOrDefault() {
        return appTitle != null ? appTitle : "Exosphere";
    }

    public String logoOrDefault() {
        return logo != null ? logo : "assets/img/logo-alt.svg";
    }

    public String userSupportEmailAddressOrDefault() {
        return userSupportEmailAddress != null ? userSupportEmailAddress : DEFAULT_SUPPORT_EMAIL;
    }

    /** {@code /banners.json}, or {@code /<prefix>/banners.json} under a path prefix. */
    public String bannersUrlOrDefault() {
        if (bannersUrl != null) {
            return bannersUrl;
        }
        return urlPathPrefix == null ? "/banners.json" : "/" + urlPathPrefix + "/banners.json";
    }

    public Optional<Theme> paletteValue() {
        return Optional.ofNullable(palette);
    }

    public Optional<OpenIdConnectLoginConfig> openIdConnectLogin() {
        return Optional.ofNullable(openIdConnectLoginConfig);
    }

    public Optional<SentryConfig> sentry() {
        return Optional.ofNullable(sentryConfig);
    }

    /** The cloud entries as a lookup catalog. */
    public ExosphereCloudConfigs cloudConfigs() {
        return ExosphereCloudConfigs.of(clouds);
    }
}
