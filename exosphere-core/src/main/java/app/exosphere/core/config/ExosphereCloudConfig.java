package app.exosphere.core.config;

import app.exosphere.uap.UapCloud;
import app.exosphere.uap.UapConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of Exosphere's {@code cloud_configs.js}: what a deployment knows about a cloud beyond
 * OpenStack (Exosphere's {@code State.Init.cloudSpecificConfigDecoder}): UAPs per region, DNS zones, image filters and featured prefix,
 * instance types, flavor groups, custom resource labels, default security groups and the desktop
 * message.
 *
 * <pre>{@code
 * ExosphereCloudConfig js2 = ExosphereCloudConfigs.builtIn().forKeystoneHostname("js2.jetstream-cloud.org")
 *         .orElseThrow();
 * Optional<String> uap = js2.uapCloud().uapHostnameFor("TACC");   // proxy-js2-tacc.exosphere.app
 * }</pre>
 *
 * @param keystoneHostname the Keystone host this entry applies to (exact match)
 * @param friendlyName display name
 * @param userAppProxy UAPs per region, or null when the cloud has none
 * @param dnsZones DNS zone templates, or null
 * @param imageExcludeFilter images to hide, or null
 * @param featuredImageNamePrefix featured image prefix, or null
 * @param instanceTypes instance types (empty if none)
 * @param flavorGroups flavor groups (empty if none)
 * @param customResources resource labels (empty if none)
 * @param securityGroups default security group per region id or {@code noRegion}, or null
 * @param desktopMessage desktop message ({@code ""} = show none), or null
 */
public record ExosphereCloudConfig(
        String keystoneHostname,
        String friendlyName,
        UapConfig userAppProxy,
        List<DnsZone> dnsZones,
        MetadataFilter imageExcludeFilter,
        String featuredImageNamePrefix,
        List<InstanceType> instanceTypes,
        List<FlavorGroup> flavorGroups,
        List<CustomResource> customResources,
        Map<String, SecurityGroupTemplate> securityGroups,
        String desktopMessage) {

    public ExosphereCloudConfig {
        Objects.requireNonNull(keystoneHostname, "keystoneHostname");
        Objects.requireNonNull(friendlyName, "friendlyName");
        dnsZones = dnsZones == null ? null : List.copyOf(dnsZones);
        instanceTypes = List.copyOf(instanceTypes);
        flavorGroups = List.copyOf(flavorGroups);
        customResources = List.copyOf(customResources);
        securityGroups = securityGroups == null ? null : Map.copyOf(securityGroups);
    }

    /** This entry in the model of {@code exosphere-uap-urls}. */
    public UapCloud uapCloud() {
        return userAppProxy == null
                ? UapCloud.withoutUap(keystoneHostname)
                : UapCloud.of(keystoneHostname, userAppProxy);
    }

    /** The featured prefix, if any. */
    public Optional<String> featuredPrefix() {
        return Optional.ofNullable(featuredImageNamePrefix);
    }

    /** Featured = name starts with the prefix and visibility is {@code public} (Exosphere's {@code State.Init.cloudSpecificConfigDecoder}). */
    public boolean isFeatured(String imageName, String visibility) {
        return featuredImageNamePrefix != null
                && imageName != null
                && imageName.startsWith(featuredImageNamePrefix)
                && "public".equals(visibility);
    }

    /** The security group template for a region: its own entry, else {@code noRegion} (Exosphere's {@code GetterSetters.projectDefaultSecurityGroup}). */
    public Optional<SecurityGroupTemplate> securityGroupFor(String regionId) {
        if (securityGroups == null) {
            return Optional.empty();
        }
        SecurityGroupTemplate t = regionId == null ? null : securityGroups.get(regionId);
        return Optional.ofNullable(t != null ? t : securityGroups.get("noRegion"));
    }

    /** The DNS zone for a region: its entry, else the first {@code null}-region entry (Exosphere's {@code GetterSetters.getDefaultZone}). */
    public Optional<DnsZone> dnsZoneFor(String regionId) {
        if (dnsZones == null) {
            return Optional.empty();
        }
        return dnsZones.stream()
                .filter(z -> regionId != null && regionId.equals(z.region()))
                .findFirst()
                .or(() -> dnsZones.stream().filter(z -> z.region() == null).findFirst());
    }

    /** A server's flavor group: the first whose regex matches the flavor name (Exosphere's {@code docs/flavor-groups.md}). */
    public Optional<FlavorGroup> flavorGroupFor(String flavorName) {
        return flavorGroups.stream().filter(g -> g.matches(flavorName)).findFirst();
    }

    /** The label of a Placement resource class, if configured. */
    public Optional<String> resourceLabel(String resourceClass) {
        return customResources.stream()
                .filter(r -> r.resource().equals(resourceClass))
                .map(CustomResource::friendlyName)
                .findFirst();
    }

    /** The desktop message, if configured ({@code ""} means show nothing). */
    public Optional<String> desktopMessageValue() {
        return Optional.ofNullable(desktopMessage);
    }
}
