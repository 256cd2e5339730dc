package app.exosphere.core.config;

import app.exosphere.core.error.ConfigurationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The vendor profiles a clouds.yaml entry may name with {@code profile:} (openstacksdk's
 * {@code openstack/config/vendors}, as a data file {@code vendor-profiles.json} next to this class).
 */
final class VendorProfiles {
    private static final Map<String, Object> PROFILES = read();

    private VendorProfiles() {}

    /** A fresh copy of the named profile, or null if there is none. */
    static Map<String, Object> profile(String name) {
        Object p = PROFILES.get(name);
        return p == null ? null : CloudResolver.copyMap(p);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read() {
        try (InputStream in = VendorProfiles.class.getResourceAsStream("vendor-profiles.json")) {
            if (in == null) {
                throw new ConfigurationException("vendor-profiles.json is missing from exosphere-core");
            }
            Map<String, Object> doc = new ObjectMapper().readValue(in, Map.class);
            return (Map<String, Object>) doc.get("profiles");
        } catch (IOException e) {
            throw new ConfigurationException(null, null, null, "cannot read vendor-profiles.json: " + e, e);
        }
    }
}
