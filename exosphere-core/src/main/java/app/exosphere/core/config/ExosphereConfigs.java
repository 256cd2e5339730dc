package app.exosphere.core.config;

import app.exosphere.core.error.ConfigurationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an Exosphere deployment's {@code config.js} (and {@code environment-configs/*-config.js}),
 * alone or combined with its {@code cloud_configs.js} the way the web app combines them
 * (Exosphere's {@code cloud_configs.js} and {@code ports.js}). The files are JavaScript: {@code var config = {...};} with unquoted
 * keys, comments, trailing commas and arbitrary code after the object.
 *
 * <pre>{@code
 * ExosphereConfig cfg = ExosphereConfigs.load(Path.of("cloud_configs.js"), Path.of("config.js"));
 * ExosphereConfig onlyConfig = ExosphereConfigs.parseConfig(Files.readString(Path.of("config.js")), "config.js");
 * }</pre>
 */
public final class ExosphereConfigs {
    private ExosphereConfigs() {}

    /** Parses {@code config.js} text; its clouds are empty unless it defines {@code clouds}. */
    public static ExosphereConfig parseConfig(String javascript, String fileName) {
        JsLiteral literal = JsLiteral.parse(javascript, "config", fileName);
        return ExosphereConfigDecoder.config(ConfigNode.root(literal));
    }

    /**
     * Combines both files like {@code Object.assign({}, cloud_configs, config)}: top-level keys of
     * {@code config.js} win, so a {@code clouds} there replaces the whole list.
     */
    public static ExosphereConfig parse(
            String cloudConfigsJs, String cloudConfigsFile, String configJs, String configFile) {
        JsLiteral clouds = JsLiteral.parse(cloudConfigsJs, "cloud_configs", cloudConfigsFile);
        JsLiteral config = JsLiteral.parse(configJs, "config", configFile);
        ExosphereConfig decoded = ExosphereConfigDecoder.config(ConfigNode.root(config));
        if (config.tree().has("clouds")) {
            return decoded;
        }
        if (!(clouds.tree() instanceof ObjectNode)) {
            throw new ConfigurationException(cloudConfigsFile, null, "cloud_configs", "must be an object", null);
        }
        return new ExosphereConfig(
                decoded.showDebugMsgs(),
                decoded.cloudCorsProxyUrl(),
                decoded.urlPathPrefix(),
                decoded.palette(),
                decoded.logo(),
                decoded.favicon(),
                decoded.appTitle(),
                decoded.topBarShowAppTitle(),
                decoded.defaultLoginView(),
                decoded.aboutAppMarkdown(),
                decoded.supportInfoMarkdown(),
                decoded.userSupportEmailAddress(),
                decoded.userSupportEmailSubject(),
                decoded.openIdConnectLoginConfig(),
                decoded.localization(),
                ExosphereConfigDecoder.clouds(ConfigNode.root(clouds)),
                decoded.instanceConfigMgtRepoUrl(),
                decoded.instanceConfigMgtRepoCheckout(),
                decoded.sentryConfig(),
                decoded.bannersUrl(),
                decoded.version());
    }

    /** Reads and combines {@code cloud_configs.js} and {@code config.js}. */
    public static ExosphereConfig load(Path cloudConfigsJs, Path configJs) {
        return parse(read(cloudConfigsJs), cloudConfigsJs.toString(), read(configJs), configJs.toString());
    }

    /** Reads {@code config.js} alone. */
    public static ExosphereConfig loadConfig(Path configJs) {
        return parseConfig(read(configJs), configJs.toString());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(p.toString(), null, null, "cannot read: " + e.getMessage(), e);
        }
    }
}
