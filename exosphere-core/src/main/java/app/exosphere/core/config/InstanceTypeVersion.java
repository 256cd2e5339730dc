package app.exosphere.core.config;

import java.util.List;
import java.util.Optional;

/**
 * One version of an instance type, e.g. Ubuntu "24.04 (latest)" (Exosphere's {@code docs/instance-types.md}).
 *
 * <pre>{@code
 * InstanceTypeVersion version = ExosphereCloudConfigs.builtIn().forKeystoneHostname("js2.jetstream-cloud.org").orElseThrow().instanceTypes().get(0).versions().get(0);
 * boolean allowed = version.allowsFlavor("3");
 * }</pre>
 *
 * @param friendlyName display name
 * @param isPrimary whether it is highlighted
 * @param imageFilters how its image is chosen
 * @param restrictFlavorIds the only flavor ids offered, or null for all flavors
 */
public record InstanceTypeVersion(
        String friendlyName, boolean isPrimary, ImageFilters imageFilters, List<String> restrictFlavorIds) {
    public InstanceTypeVersion {
        restrictFlavorIds = restrictFlavorIds == null ? null : List.copyOf(restrictFlavorIds);
    }

    /** The flavor allow-list, if restricted. */
    public Optional<List<String>> flavorRestriction() {
        return Optional.ofNullable(restrictFlavorIds);
    }

    /** The documented allow-list meaning: null = every flavor; else exact id match. */
    public boolean allowsFlavor(String flavorId) {
        return restrictFlavorIds == null || restrictFlavorIds.contains(flavorId);
    }
}
