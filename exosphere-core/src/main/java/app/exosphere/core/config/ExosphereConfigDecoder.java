package app.exosphere.core.config;

import app.exosphere.uap.InvalidUapValueException;
import app.exosphere.uap.UapConfig;
import app.exosphere.uap.UapEntry;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Decodes Exosphere's configuration objects with the upstream decoders' rules ({@code Flags.flagsDecoder}, {@code State.Init.cloudSpecificConfigDecoder}). */
final class ExosphereConfigDecoder {
    private static final Set<String> VISIBILITIES = Set.of("private", "shared", "community", "public");

    private ExosphereConfigDecoder() {}

    /** The {@code clouds} array of a {@code cloud_configs} (or combined) object. */
    static List<ExosphereCloudConfig> clouds(ConfigNode root) {
        return root.requiredList("clouds", ExosphereConfigDecoder::cloud);
    }

    static ExosphereCloudConfig cloud(ConfigNode c) {
        if (!c.node().isObject()) {
            throw c.error("each cloud entry must be an object");
        }
        String keystoneHostname = c.requiredString("keystoneHostname");
        if (keystoneHostname.isEmpty()) {
            throw c.child("keystoneHostname").error("is empty; expected the host of the cloud's Keystone URL");
        }
        String entry = "in the entry for cloud '" + keystoneHostname + "': ";
        List<UapEntry> uap = c.optionalList("userAppProxy", e -> {
            String hostname = e.requiredString("hostname");
            if (!e.has("region")) {
                throw e.child("region").error(entry + "is required (a region id string or null)");
            }
            String region = e.optionalString("region");
            try {
                return region == null ? UapEntry.catchAll(hostname) : UapEntry.of(region, hostname);
            } catch (InvalidUapValueException bad) {
                throw e.child("hostname").error(entry + bad.getMessage(), bad);
            }
        });
        UapConfig uapConfig;
        try {
            uapConfig = uap == null ? null : UapConfig.of(uap);
        } catch (IllegalArgumentException bad) { // InvalidUapValueException and duplicate regions
            throw c.child("userAppProxy").error(entry + bad.getMessage(), bad);
        }
        ConfigNode exclude = c.optionalObject("imageExcludeFilter");
        List<InstanceType> types = c.optionalList("instanceTypes", ExosphereConfigDecoder::instanceType);
        List<FlavorGroup> groups = c.optionalList(
                "flavorGroups",
                g -> new FlavorGroup(
                        g.requiredString("matchOn"),
                        g.requiredString("title"),
                        requiredNullableString(g, "description"),
                        g.requiredList("disallowedActions", ConfigNode::asString)));
        List<CustomResource> resources = c.optionalList(
                "customResources",
                r -> new CustomResource(r.requiredString("resource"), r.requiredString("friendlyName")));
        ConfigNode sg = c.optionalObject("securityGroups");
        return new ExosphereCloudConfig(
                keystoneHostname,
                c.requiredString("friendlyName"),
                uapConfig,
                c.optionalList("dnsZones", z -> new DnsZone(z.optionalString("region"), z.requiredString("zone"))),
                exclude == null ? null : metadataFilter(exclude),
                c.optionalString("featuredImageNamePrefix"),
                types == null ? List.of() : types,
                groups == null ? List.of() : groups,
                resources == null ? List.of() : resources,
                sg == null ? null : sg.members(ExosphereConfigDecoder::securityGroup),
                c.optionalString("desktopMessage"));
    }

    private static String requiredNullableString(ConfigNode n, String key) {
        if (!n.has(key)) {
            throw n.child(key).error("is required (a string or null)");
        }
        return n.optionalString(key);
    }

    private static MetadataFilter metadataFilter(ConfigNode n) {
        return new MetadataFilter(n.requiredString("filterKey"), n.requiredString("filterValue"));
    }

    private static InstanceType instanceType(ConfigNode t) {
        return new InstanceType(
                t.requiredString("friendlyName"),
                t.requiredString("description"),
                t.requiredString("logo"),
                t.requiredList("versions", v -> {
                    ConfigNode filters = v.requiredObject("imageFilters");
                    if (!v.has("restrictFlavorIds")) {
                        throw v.child("restrictFlavorIds").error("is required (an array of flavor ids or null)");
                    }
                    return new InstanceTypeVersion(
                            v.requiredString("friendlyName"),
                            v.requiredBoolean("isPrimary"),
                            imageFilters(filters),
                            v.optionalList("restrictFlavorIds", ConfigNode::asString));
                }));
    }

    /** Each member decoded leniently: a wrong type (or unknown visibility) means no filter (Exosphere's {@code docs/instance-types.md}). */
    private static ImageFilters imageFilters(ConfigNode f) {
        String visibility = f.lenientString("visibility");
        if (visibility != null && !VISIBILITIES.contains(visibility)) {
            visibility = null;
        }
        MetadataFilter metadata = null;
        JsonNode m = f.node().get("metadata");
        if (m != null
                && m.isObject()
                && m.path("filterKey").isTextual()
                && m.path("filterValue").isTextual()) {
            metadata = new MetadataFilter(
                    m.get("filterKey").asText(), m.get("filterValue").asText());
        }
        return new ImageFilters(
                f.lenientString("name"),
                f.lenientString("uuid"),
                visibility,
                f.lenientString("osDistro"),
                f.lenientString("osVersion"),
                metadata);
    }

    private static SecurityGroupTemplate securityGroup(ConfigNode g) {
        if (!g.node().isObject()) {
            throw g.error("must be a security group object {name, description, rules}");
        }
        return new SecurityGroupTemplate(
                g.requiredString("name"), requiredNullableString(g, "description"), g.requiredList("rules", r -> {
                    String ethertype = r.requiredString("ethertype");
                    String direction = r.requiredString("direction");
                    if (!direction.equals("ingress") && !direction.equals("egress")) {
                        throw r.child("direction").error("must be 'ingress' or 'egress'");
                    }
                    return new SecurityGroupRuleTemplate(
                            ethertype,
                            direction,
                            r.optionalString("protocol"),
                            r.optionalInt("port_range_min"),
                            r.optionalInt("port_range_max"),
                            r.optionalString("remote_ip_prefix"),
                            r.optionalString("remote_group_id"),
                            r.optionalString("description"));
                }));
    }

    /** A {@code config} object (Exosphere's {@code Flags.flagsDecoder}); {@code clouds} may come from the combined object. */
    static ExosphereConfig config(ConfigNode c) {
        ConfigNode palette = c.optionalObject("palette");
        ConfigNode oidc = c.optionalObject("openIdConnectLoginConfig");
        ConfigNode loc = c.optionalObject("localization");
        ConfigNode sentry = c.optionalObject("sentryConfig");
        String loginView = c.lenientString("defaultLoginView");
        if (loginView != null && !loginView.equals("openstack") && !loginView.equals("oidc")) {
            loginView = null;
        }
        Boolean debug = c.optionalBoolean("showDebugMsgs");
        Boolean showTitle = c.optionalBoolean("topBarShowAppTitle");
        return new ExosphereConfig(
                debug != null && debug,
                c.lenientString("cloudCorsProxyUrl"),
                c.lenientString("urlPathPrefix"),
                palette == null
                        ? null
                        : new Theme(palette(palette.requiredObject("light")), palette(palette.requiredObject("dark"))),
                c.lenientString("logo"),
                c.lenientString("favicon"),
                c.lenientString("appTitle"),
                showTitle == null || showTitle,
                loginView,
                c.lenientString("aboutAppMarkdown"),
                c.lenientString("supportInfoMarkdown"),
                c.lenientString("userSupportEmailAddress"),
                c.lenientString("userSupportEmailSubject"),
                oidc == null
                        ? null
                        : new OpenIdConnectLoginConfig(
                                oidc.requiredString("keystoneAuthUrl"),
                                oidc.requiredString("webssoUrl"),
                                oidc.requiredString("oidcLoginIcon"),
                                oidc.requiredString("oidcLoginButtonLabel"),
                                oidc.requiredString("oidcLoginButtonDescription")),
                loc == null ? null : localization(loc),
                c.has("clouds") ? clouds(c) : List.of(),
                c.lenientString("instanceConfigMgtRepoUrl"),
                c.lenientString("instanceConfigMgtRepoCheckout"),
                sentry == null
                        ? null
                        : new SentryConfig(
                                sentry.requiredString("dsnPublicKey"),
                                sentry.requiredString("dsnHost"),
                                sentry.requiredString("dsnProjectId"),
                                sentry.requiredString("releaseVersion"),
                                sentry.requiredString("environmentName")),
                c.lenientString("bannersUrl"),
                c.lenientString("version"));
    }

    private static Theme.Palette palette(ConfigNode p) {
        return new Theme.Palette(rgb(p.requiredObject("primary")), rgb(p.requiredObject("secondary")));
    }

    private static Theme.Rgb rgb(ConfigNode c) {
        Integer r = c.optionalInt("r");
        Integer g = c.optionalInt("g");
        Integer b = c.optionalInt("b");
        if (r == null || g == null || b == null) {
            throw c.error("a colour needs integer r, g and b");
        }
        return new Theme.Rgb(r, g, b);
    }

    /** All 21 keys are required (a missing one fails, as upstream; Exosphere's {@code Flags.flagsDecoder}). */
    private static Localization localization(ConfigNode l) {
        List<String> v = new ArrayList<>();
        for (String key : Localization.KEYS) {
            v.add(l.requiredString(key));
        }
        return new Localization(
                v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8), v.get(9),
                v.get(10), v.get(11), v.get(12), v.get(13), v.get(14), v.get(15), v.get(16), v.get(17), v.get(18),
                v.get(19), v.get(20));
    }
}
