package app.exosphere.core.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Maps {@code OS_*} variables (an OpenRC file) to a cloud, as openstacksdk's {@code envvars} cloud. */
final class OsVariables {
    private OsVariables() {}

    static CloudConfig cloud(Map<String, String> vars, String name, String source) {
        Map<String, Object> entry = new LinkedHashMap<>();
        new TreeMap<>(vars).forEach((k, v) -> {
            if (k.startsWith("OS_") && v != null && !v.isEmpty()) {
                entry.put(k.substring(3).toLowerCase(Locale.ROOT), v);
            }
        });
        Map<String, Object> clouds = new LinkedHashMap<>();
        clouds.put(name, entry);
        return new CloudResolver(source, null, clouds, Map::of, CloudsYaml.ENVVARS).resolve(name, null, source);
    }
}
