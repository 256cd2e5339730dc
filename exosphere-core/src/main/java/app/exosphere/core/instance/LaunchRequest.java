package app.exosphere.core.instance;

import app.exosphere.cloudinit.CloudConfigFragment;
import app.exosphere.cloudinit.OpenStackCredentials;
import app.exosphere.cloudinit.ShellPart;
import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.core.rules.ExosphereMetadata;
import app.exosphere.core.rules.FloatingIpChoice;
import app.exosphere.core.rules.ServerName;
import app.exosphere.core.rules.SshKeyType;
import app.exosphere.workflow.WorkflowSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything a launch needs, with Exosphere's defaults: one instance, the newest featured image, smallest
 * allowed flavor, image-backed root disk, Guacamole on when the cloud has a UAP for the region, no desktop, OS updates
 * on, floating IP automatic, the cloud's (or Exosphere's) default security group, the auto-allocated
 * network (else Exosphere's fallback choice).
 *
 * <pre>{@code
 * LaunchRequest req = LaunchRequest.builder()
 *         .name("analysis")
 *         .image(ImageChoice.name("Featured-Ubuntu24"))
 *         .flavor(FlavorChoice.name("m3.small"))
 *         .desktop(true)
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract class LaunchRequest {

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this request. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** The instance name (Exosphere's {@code ServerNameValidator.serverNameValidator}); with {@link #count()} > 1 each gets {@code "<name> i of n"}. */
    public abstract String name();

    /** How many instances to launch; default 1. */
    @Value.Default
    public int count() {
        return 1;
    }

    /**
     * The image to boot; default {@link ImageChoice#featured()}: the newest active featured image of the
     * cloud (public, {@code Featured-} prefix or the cloud configuration's {@code featuredImageNamePrefix}),
     * as the {@code exosphere} CLI does. A cloud without a featured image fails the launch with an
     * {@link app.exosphere.core.error.InvalidLaunchRequestException} naming what to set.
     */
    @Value.Default
    public ImageChoice image() {
        return ImageChoice.featured();
    }

    /** The flavor; default the smallest allowed. */
    @Value.Default
    public FlavorChoice flavor() {
        return FlavorChoice.smallestAllowed();
    }

    /**
     * A volume-backed root disk of this many GB (deleted with the server); empty = image-backed root disk
     * of the flavor's size.
     */
    public abstract Optional<Integer> rootVolumeGb();

    /** The Nova keypair; none by default (exouser gets a passphrase anyway). */
    public abstract Optional<KeypairChoice> keypair();

    /** SSH public keys authorised for exouser through the user data. */
    public abstract List<String> sshPublicKeys();

    /** Deploy Guacamole (web shell/desktop); empty = on exactly when the cloud has a UAP for the region. */
    public abstract Optional<Boolean> guacamole();

    /** Install a graphical desktop (web desktop through Guacamole). Default off. */
    @Value.Default
    public boolean desktop() {
        return false;
    }

    /** Upgrade OS packages at first boot. Default on. */
    @Value.Default
    public boolean installOsUpdates() {
        return true;
    }

    /** The floating IP intent; default automatic. */
    @Value.Default
    public FloatingIpChoice floatingIp() {
        return FloatingIpChoice.automatic();
    }

    /** The security group name; empty = the cloud configuration's group for the region, else {@code exosphere}. */
    public abstract Optional<String> securityGroup();

    /** The network id or name; empty = auto-allocated topology, else Exosphere's fallback rules. */
    public abstract Optional<String> network();

    /** A Binder workflow to build and serve (exosphere-workflow). */
    public abstract Optional<WorkflowSource> workflow();

    /** An application credential written for exouser (experimental in Exosphere, {@code Credentials.getOpenStackCredentialWriteFilesYaml}). A secret. */
    @Value.Redacted
    public abstract Optional<OpenStackCredentials> openStackCredentials();

    /** Extra cloud-config deep-merged after Exosphere's. */
    public abstract List<CloudConfigFragment> extraCloudConfig();

    /**
     * CephFS shares to mount at first boot (and every boot after), each with its key in a root-only file:
     * see {@link app.exosphere.core.rules.ShareMount#cloudConfig()}; get one from {@code exosphere.shares().mount(…)}.
     */
    public abstract List<app.exosphere.core.rules.ShareMount> mountShares();

    /** Extra shell scripts run after Exosphere's parts. */
    public abstract List<ShellPart> extraShellParts();

    /** The gateway's own metadata items (keys must not start with {@code exo}). */
    public abstract Map<String, String> extraMetadata();

    /** The Nova availability zone. */
    public abstract Optional<String> availabilityZone();

    /**
     * The launch id making creation exactly-once; give your own request id to make retries across process
     * restarts idempotent. Default: a random one per request.
     */
    @Value.Default
    public LaunchId launchId() {
        return LaunchId.random();
    }

    /** Whether the root disk is a volume. */
    public boolean volumeBacked() {
        return rootVolumeGb().isPresent();
    }

    /** The name of instance {@code index} (1-based). */
    public String instanceName(int index) {
        return ServerName.numbered(name(), index, count());
    }

    @Value.Check
    void check() {
        ServerName.requireValid(name());
        if (count() < 1) {
            throw new InvalidLaunchRequestException("count must be at least 1, got " + count());
        }
        if (count() > 1) {
            ServerName.requireValid(instanceName(count()));
        }
        rootVolumeGb().ifPresent(gb -> {
            if (gb < 1) {
                throw new InvalidLaunchRequestException("rootVolumeGb must be at least 1 GB, got " + gb);
            }
        });
        java.util.Set<String> mountPoints = new java.util.HashSet<>();
        for (app.exosphere.core.rules.ShareMount m : mountShares()) {
            if (!m.hasAccessKey()) {
                throw new InvalidLaunchRequestException(
                        "The share mount " + m.mountPoint()
                                + " has no access key yet: Manila fills it once the rule is active; fetch it again with exosphere.shares().mount(...)");
            }
            if (!mountPoints.add(m.mountPoint())) {
                throw new InvalidLaunchRequestException(
                        "Two shares would mount at " + m.mountPoint() + "; mount each share once");
            }
        }
        for (String key : extraMetadata().keySet()) {
            if (key.startsWith("exo")) {
                throw new InvalidLaunchRequestException("Metadata key " + key
                        + " is reserved for Exosphere's own markers; choose a key not starting with \"exo\"");
            }
            if (key.length() > ExosphereMetadata.NOVA_MAX_LENGTH
                    || extraMetadata().get(key).length() > ExosphereMetadata.NOVA_MAX_LENGTH) {
                throw new InvalidLaunchRequestException(
                        "Metadata item " + key + " exceeds Nova's 255-character limit for keys and values");
            }
        }
        // Exosphere's `SshKeyTypeGuesser.guessKeyType`: a private key pasted as a public key is refused
        // (the web app's keypair form does the same); unknown texts pass, as there
        for (String key : sshPublicKeys()) {
            SshKeyType.requireNotPrivate(key == null ? null : key.strip());
        }
        workflow().ifPresent(wf -> {
            if (!wf.toMetadata().fitsNova()) {
                throw new InvalidLaunchRequestException("The workflow's exoCustomWorkflow metadata would be "
                        + wf.toMetadata().metadataValueLength()
                        + " characters; Nova accepts 255. Use a shorter repository URL, reference or path.");
            }
        });
    }

    /** Builds a {@link LaunchRequest}; start one with {@link LaunchRequest#builder()} or {@link LaunchRequest#toBuilder()}. */
    public static final class Builder extends ImmutableLaunchRequest.Builder {
        Builder() {}
    }
}
