package app.exosphere.core.config;

import app.exosphere.core.error.ConfigurationException;
import app.exosphere.uap.UapCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud entries of an Exosphere {@code cloud_configs.js}, keyed by Keystone hostname (later
 * duplicates replace earlier ones, Exosphere's {@code State.Init.cloudSpecificConfigDecoder}). {@link #builtIn()} ships the public Exosphere
 * entries (Jetstream2, Nectar, Rescloud), so a gateway gets Jetstream2's UAPs without any configuration.
 *
 * <pre>{@code
 * ExosphereCloudConfigs configs = ExosphereCloudConfigs.builtIn();
 * Optional<ExosphereCloudConfig> js2 =
 *         configs.forKeystoneUrl("https://js2.jetstream-cloud.org:5000/identity/v3");
 * ExosphereCloudConfigs mine = ExosphereCloudConfigs.load(Path.of("/srv/exosphere/cloud_configs.js"));
 * }</pre>
 */
public final class ExosphereCloudConfigs {
    private static final String BUILT_IN = "exosphere-cloud_configs.js";

    private final Map<String, ExosphereCloudConfig> byHostname;

    private ExosphereCloudConfigs(Map<String, ExosphereCloudConfig> byHostname) {
        this.byHostname = byHostname;
    }

    /** A catalog of these entries (later duplicates of a hostname replace earlier ones). */
    public static ExosphereCloudConfigs of(List<ExosphereCloudConfig> clouds) {
        Map<String, ExosphereCloudConfig> map = new LinkedHashMap<>();
        for (ExosphereCloudConfig c : clouds) {
            map.remove(c.keystoneHostname());
            map.put(c.keystoneHostname(), c);
        }
        return new ExosphereCloudConfigs(map);
    }

    /** The public Exosphere entries shipped with the SDK (Jetstream2, Nectar, Rescloud). */
    public static ExosphereCloudConfigs builtIn() {
        try (InputStream in = ExosphereCloudConfigs.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new ConfigurationException(BUILT_IN, null, null, "built-in resource missing from the jar", null);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in " + BUILT_IN);
        } catch (IOException e) {
            throw new ConfigurationException(BUILT_IN, null, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses {@code cloud_configs.js} text ({@code var cloud_configs = {clouds: [...]}} or plain JSON). */
    public static ExosphereCloudConfigs parse(String javascript, String fileName) {
        JsLiteral literal = JsLiteral.parse(javascript, "cloud_configs", fileName);
        return of(ExosphereConfigDecoder.clouds(ConfigNode.root(literal)));
    }

    /** Reads and parses a {@code cloud_configs.js} file. */
    public static ExosphereCloudConfigs load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigurationException(file.toString(), null, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Entries in file order. */
    public List<ExosphereCloudConfig> clouds() {
        return List.copyOf(byHostname.values());
    }

    /** The entry for an exact Keystone hostname. */
    public Optional<ExosphereCloudConfig> forKeystoneHostname(String hostname) {
        return Optional.ofNullable(byHostname.get(hostname));
    }

    /**
     * The entry for the host of a Keystone URL (port and path ignored, host compared exactly as written,
     * Exosphere's {@code GetterSetters.getUserAppProxyFromContext}).
     */
    public Optional<ExosphereCloudConfig> forKeystoneUrl(String keystoneUrl) {
        return UapCatalog.keystoneHostname(keystoneUrl).flatMap(this::forKeystoneHostname);
    }

    /** These entries in the {@code exosphere-uap-urls} model. */
    public UapCatalog uapCatalog() {
        List<app.exosphere.uap.UapCloud> clouds = new ArrayList<>();
        byHostname.values().forEach(c -> clouds.add(c.uapCloud()));
        return UapCatalog.of(clouds);
    }

    /** A catalog with {@code other}'s entries added, replacing entries of the same hostname. */
    public ExosphereCloudConfigs with(ExosphereCloudConfigs other) {
        List<ExosphereCloudConfig> all = new ArrayList<>(byHostname.values());
        all.addAll(other.byHostname.values());
        return of(all);
    }

    @Override
    public String toString() {
        return "ExosphereCloudConfigs" + byHostname.keySet();
    }
}
