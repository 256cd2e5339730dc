package app.exosphere.core.instance;

import app.exosphere.core.config.ExosphereCloudConfig;
import app.exosphere.core.config.FlavorGroup;
import app.exosphere.core.config.InstanceType;
import app.exosphere.core.config.SecurityGroupTemplate;
import app.exosphere.core.image.Image;
import app.exosphere.core.rules.SecurityGroupTemplates;
import app.exosphere.uap.UapCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * The Exosphere side of a cloud, as the SDK's instance operations need it: this installation's client
 * UUID, where the UAPs are, the default security group per region, flavor groups, instance types, the
 * desktop message, the instance setup repository and the passphrase policy. Defaults are Exosphere's
 * public configuration (Jetstream2's UAPs built in).
 *
 * <p>Usually the cloud's entry of a deployment's {@code cloud_configs.js} supplies most of it
 * ({@link #cloudConfig()}); explicitly set values take precedence over the entry.
 *
 * <pre>{@code
 * ExosphereCloudConfig cloud = ExosphereCloudConfigs.builtIn()
 *         .with(ExosphereCloudConfigs.load(Path.of("cloud_configs.js")))
 *         .forKeystoneUrl("https://js2.jetstream-cloud.org:5000/identity/v3").orElseThrow();
 * ExosphereSettings s = ExosphereSettings.builder()
 *         .clientUuid(clientUuid)            // generate once with ExosphereSettings.newClientUuid(), persist it
 *         .cloudConfig(cloud)                // UAPs, security groups, flavor groups, instance types, ...
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ExosphereSettings {

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A new random client UUID; persist it and pass it on every start so servers stay "yours". */
    public static String newClientUuid() {
        return UUID.randomUUID().toString();
    }

    /** This installation's stable UUID, recorded as {@code exoClientUuid}. */
    public abstract String clientUuid();

    /**
     * The cloud's entry of Exosphere's {@code cloud_configs.js} ({@code State.Init.cloudSpecificConfigDecoder}): its UAP per region,
     * default security group per region, flavor groups, instance types and desktop message apply unless
     * set explicitly here. {@code Exosphere.builder().cloudConfigs(...)} picks it by the Keystone URL.
     */
    public abstract Optional<ExosphereCloudConfig> cloudConfig();

    /**
     * The instance setup (Ansible) repository written into user data, from the deployment's
     * {@code instanceConfigMgtRepoUrl}; default Exosphere's.
     */
    public abstract Optional<String> configManagementRepository();

    /** Its branch or tag, from {@code instanceConfigMgtRepoCheckout}; default Exosphere's. */
    public abstract Optional<String> configManagementCheckout();

    /** The UAPs by cloud; default Exosphere's public configuration. */
    @Value.Default
    public UapCatalog uapCatalog() {
        return UapCatalog.exosphereDefaults();
    }

    /** A UAP hostname that overrides the catalog lookup (e.g. a gateway's own proxy or a simulator). */
    public abstract Optional<String> uapHostname();

    /**
     * Default security groups per region id ({@code "noRegion"} applies to every other region); when none
     * applies, the cloud entry's {@code securityGroups}, else Exosphere's
     * {@link app.exosphere.core.rules.SecurityGroupTemplates#exosphereDefault()}.
     */
    public abstract Map<String, SecurityGroupTemplate> securityGroups();

    /** Flavor groups set explicitly; when empty, those of {@link #cloudConfig()} apply. */
    public abstract List<FlavorGroup> flavorGroups();

    /** The flavor groups in effect: the explicit ones, else the cloud entry's (Exosphere's {@code docs/flavor-groups.md}). */
    public List<FlavorGroup> flavorGroupsInEffect() {
        if (!flavorGroups().isEmpty()) {
            return flavorGroups();
        }
        return cloudConfig().map(ExosphereCloudConfig::flavorGroups).orElse(List.of());
    }

    /** The cloud entry's instance types (Exosphere's {@code docs/instance-types.md}), for {@link ImageChoice#instanceType}. */
    public List<InstanceType> instanceTypes() {
        return cloudConfig().map(ExosphereCloudConfig::instanceTypes).orElse(List.of());
    }

    /**
     * The desktop message for an image (Exosphere's {@code GetterSetters.imageGetDesktopMessage}): its {@code exoDesktopMessage} property, else
     * the cloud entry's {@code desktopMessage}. An empty string means "show no message"; an empty optional
     * means "show the generic text".
     */
    public Optional<String> desktopMessage(Image image) {
        Optional<String> own = image == null ? Optional.empty() : image.exoDesktopMessage();
        return own.or(() -> cloudConfig().flatMap(ExosphereCloudConfig::desktopMessageValue));
    }

    /**
     * The UAP hostname for a cloud and region: {@link #uapHostname()}, else the cloud entry's UAP for the
     * region, else the {@link #uapCatalog()}.
     */
    public Optional<String> uapHostnameFor(String keystoneUrl, String region) {
        return uapHostname()
                .or(() -> cloudConfig().flatMap(c -> c.uapCloud().uapHostnameFor(region)))
                .or(() -> uapCatalog().uapHostnameFor(keystoneUrl, region));
    }

    /** What to do with passphrases; default like Exosphere. */
    @Value.Default
    public PassphraseHandling passphraseHandling() {
        return PassphraseHandling.STORE_AS_TAG;
    }

    /**
     * The longest interval between two polls of the project's watcher once every watched server is steady
     * (ACTIVE and waiting only for setup); default 15 s, Exosphere's "Rapid" refresh. Measured on the
     * injected clock.
     */
    @Value.Default
    public Duration pollInterval() {
        return Duration.ofSeconds(15);
    }

    /**
     * The interval between two polls while a watched server is building or was just launched; default 1 s
     * (openstack4j's wait-for-status interval). The watcher backs off from this to {@link #pollInterval()}
     * while nothing changes. Measured on the injected clock, from the start of one poll cycle to the start
     * of the next; the watcher rests at least half the interval between two cycles.
     */
    @Value.Default
    public Duration fastPollInterval() {
        return Duration.ofSeconds(1);
    }

    /**
     * How long after an ambiguous {@code POST /servers} failure (reset, timeout, 5xx, a lost, truncated or
     * empty answer) the launch keeps looking its launch id up before it may create again; default 60 s,
     * which covers Nova's API accepting a create late under load (a request stuck in the API workers or the
     * message queue). Look-ups back off 1, 2, 4 … 15 s on the injected clock. Raising it never duplicates;
     * lowering it below the cloud's worst API latency could.
     */
    @Value.Default
    public Duration reconcileWindow() {
        return Duration.ofSeconds(60);
    }

    /**
     * Console-log lines read per poll ({@code length} of {@code os-getConsoleOutput}); the watcher reads more
     * only when that many lines cannot contain the newest setup status line.
     */
    @Value.Default
    public int consoleTailLines() {
        return 50;
    }

    /**
     * Whether the SDK gives a floating IP it creates or assigns at launch a DNS hostname, as the web app does
     * ({@code State.State} {@code RequestCreateServerHostname}): an {@code A} record set {@code <sanitised
     * instance name>.<zone>} in the zone {@link app.exosphere.core.rules.DnsZoneChoice} picks. On by
     * default, like the web app. Best effort: it never holds {@link Progress.State#READY} back or makes it
     * fail; the outcome is a {@link Progress.State#HOSTNAME_CREATED} event, or a {@link
     * Progress.State#SKIPPED} event plus a WARN line saying why none was made. Off, no hostname is made and
     * nothing is reported. Either way, releasing a floating IP deletes the record sets holding it.
     */
    @Value.Default
    public boolean automaticHostnames() {
        return true;
    }

    /** Whether workflows are offered as an interaction. */
    @Value.Default
    public boolean workflowsEnabled() {
        return true;
    }

    /**
     * The security group template for a region (Exosphere's {@code GetterSetters.projectDefaultSecurityGroup} order: the region's entry, else
     * {@code noRegion}, else Exosphere's default), from the explicit map, else the cloud entry.
     */
    public SecurityGroupTemplate securityGroupFor(String region) {
        if (region != null && securityGroups().containsKey(region)) {
            return securityGroups().get(region);
        }
        if (securityGroups().containsKey("noRegion")) {
            return securityGroups().get("noRegion");
        }
        return cloudConfig()
                .flatMap(c -> c.securityGroupFor(region))
                .orElseGet(SecurityGroupTemplates::exosphereDefault);
    }

    @Value.Check
    void check() {
        if (clientUuid().isBlank()) {
            throw new IllegalArgumentException(
                    "clientUuid must not be blank; use ExosphereSettings.newClientUuid() once and persist it");
        }
        if (pollInterval().isNegative() || pollInterval().isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        if (fastPollInterval().isNegative() || fastPollInterval().isZero()) {
            throw new IllegalArgumentException("fastPollInterval must be positive");
        }
        if (reconcileWindow().isNegative()) {
            throw new IllegalArgumentException("reconcileWindow must not be negative");
        }
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ExosphereSettings}; start one with {@link ExosphereSettings#builder()} or {@link ExosphereSettings#toBuilder()}. */
    public static final class Builder extends ImmutableExosphereSettings.Builder {
        Builder() {}
    }
}
