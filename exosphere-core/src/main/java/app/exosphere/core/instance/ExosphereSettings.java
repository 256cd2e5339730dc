package app.exosphere.core.instance;

import app.exosphere.core.config.FlavorGroup;
import app.exosphere.uap.UapCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * The Exosphere side of a cloud, as the SDK's instance operations need it: this installation's client
 * UUID, where the UAPs are, the default security group per region, flavor groups, and the passphrase
 * policy. Defaults are Exosphere's public configuration (Jetstream2's UAPs built in).
 *
 * <pre>{@code
 * ExosphereSettings s = ExosphereSettings.builder()
 *         .clientUuid(storedUuid)            // generate once with ExosphereSettings.newClientUuid(), persist it
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ExosphereSettings {

    /** Starts a builder. */
    public static ImmutableExosphereSettings.Builder builder() {
        return ImmutableExosphereSettings.builder();
    }

    /** A new random client UUID; persist it and pass it on every start so servers stay "yours". */
    public static String newClientUuid() {
        return UUID.randomUUID().toString();
    }

    /** This installation's stable UUID, recorded as {@code exoClientUuid}. */
    public abstract String clientUuid();

    /** The UAPs by cloud; default Exosphere's public configuration. */
    @Value.Default
    public UapCatalog uapCatalog() {
        return UapCatalog.exosphereDefaults();
    }

    /** A UAP hostname that overrides the catalog lookup (e.g. a gateway's own proxy or a simulator). */
    public abstract Optional<String> uapHostname();

    /**
     * Default security groups per region id ({@code "noRegion"} applies to every other region); when none
     * applies, Exosphere's {@link SecurityGroupTemplate#exosphereDefault()}.
     */
    public abstract Map<String, SecurityGroupTemplate> securityGroups();

    /** The cloud's flavor groups. */
    public abstract List<FlavorGroup> flavorGroups();

    /** What to do with passphrases; default like Exosphere. */
    @Value.Default
    public PassphraseHandling passphraseHandling() {
        return PassphraseHandling.STORE_AS_TAG;
    }

    /** How often a watcher polls while something changes (Exosphere's "Rapid", 15 s). */
    @Value.Default
    public Duration pollInterval() {
        return Duration.ofSeconds(15);
    }

    /** Console-log lines read per poll before falling back to the whole log. */
    @Value.Default
    public int consoleTailLines() {
        return 50;
    }

    /** Whether workflows are offered as an interaction. */
    @Value.Default
    public boolean workflowsEnabled() {
        return true;
    }

    /** The security group template for a region (exosphere-spec §9.12 order). */
    public SecurityGroupTemplate securityGroupFor(String region) {
        if (region != null && securityGroups().containsKey(region)) {
            return securityGroups().get(region);
        }
        return securityGroups().getOrDefault("noRegion", SecurityGroupTemplate.exosphereDefault());
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
    }
}
