package app.exosphere.core.config;

import java.util.Optional;

/**
 * A Designate zone template for a region (Exosphere's {@code State.Init.cloudSpecificConfigDecoder} and {@code GetterSetters.getDefaultZone}); {@code {project_name}} is
 * replaced by the project name.
 *
 * <pre>{@code
 * new DnsZone("IU", "{project_name}.projects.jetstream-cloud.org.").zoneFor("bio101")
 * }</pre>
 *
 * @param region the region id, or null for the catch-all entry
 * @param zone the zone template
 */
public record DnsZone(String region, String zone) {
    public Optional<String> regionValue() {
        return Optional.ofNullable(region);
    }

    /** The zone with {@code {project_name}} replaced. */
    public String zoneFor(String projectName) {
        return zone.replace("{project_name}", projectName);
    }
}
