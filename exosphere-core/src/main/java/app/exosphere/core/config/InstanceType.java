package app.exosphere.core.config;

import java.util.List;

/**
 * A family of images offered on the create form, e.g. "Ubuntu" or "Red Hat-like" (Exosphere's {@code docs/instance-types.md}).
 *
 * <pre>{@code
 * for (InstanceType t : ExosphereCloudConfigs.builtIn().forKeystoneHostname("js2.jetstream-cloud.org").orElseThrow().instanceTypes()) System.out.println(t.friendlyName() + ": " + t.versions().size());
 * }</pre>
 *
 * @param friendlyName display name
 * @param description markdown description
 * @param logo logo path
 * @param versions its versions in display order
 */
public record InstanceType(String friendlyName, String description, String logo, List<InstanceTypeVersion> versions) {
    public InstanceType {
        versions = List.copyOf(versions);
    }
}
