package app.exosphere.examples;

import app.exosphere.core.rules.FloatingIpChoice;
import app.exosphere.core.rules.ServerName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to launch with {@link CloudSession#launch(LaunchOptions)}: the choices the Exosphere web app's
 * create-instance page offers. Defaults match Exosphere: Guacamole on (when the cloud has a UAP), no
 * desktop, OS updates on, floating IP "automatic", one instance, image-backed.
 *
 * <pre>{@code
 * LaunchOptions.builder().name("demo").desktop(true).workflowRepository("https://github.com/binder-examples/requirements").build();
 * }</pre>
 *
 * @param name the server name (numbered when {@code count > 1})
 * @param image the image name or id; empty picks a featured image
 * @param flavor the flavor name or id; empty picks the smallest with 2 vCPUs
 * @param guacamole deploy Guacamole (web shell)
 * @param desktop deploy a graphical desktop
 * @param osUpdates upgrade OS packages at first boot
 * @param sshPublicKeys public keys for exouser
 * @param floatingIp the floating-IP choice
 * @param volumeSizeGb boot from a new volume of this size
 * @param count how many instances
 * @param workflowRepository a Binder repository to build and serve
 * @param workflowReference its Git reference
 * @param workflowPath the path to open in Jupyter
 * @param network the network name or id; empty lets Exosphere's rules choose (then the only usable
 *     tenant network, see {@link CloudSession#launch(LaunchOptions)})
 */
public record LaunchOptions(
        String name,
        Optional<String> image,
        Optional<String> flavor,
        boolean guacamole,
        boolean desktop,
        boolean osUpdates,
        List<String> sshPublicKeys,
        FloatingIpChoice floatingIp,
        OptionalInt volumeSizeGb,
        int count,
        Optional<String> workflowRepository,
        Optional<String> workflowReference,
        Optional<String> workflowPath,
        Optional<String> network) {

    /** Validates. */
    public LaunchOptions {
        ServerName.requireValid(name);
        sshPublicKeys = List.copyOf(sshPublicKeys);
        Objects.requireNonNull(floatingIp, "floatingIp");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        if (volumeSizeGb.isPresent() && volumeSizeGb.getAsInt() < 1) {
            throw new IllegalArgumentException("volume size must be at least 1 GB, was " + volumeSizeGb.getAsInt());
        }
        if (workflowRepository.isEmpty() && (workflowReference.isPresent() || workflowPath.isPresent())) {
            throw new IllegalArgumentException("a workflow reference or path needs a workflow repository");
        }
    }

    /** A builder with Exosphere's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LaunchOptions}. */
    public static final class Builder {
        private String name;
        private String image;
        private String flavor;
        private boolean guacamole = true;
        private boolean desktop;
        private boolean osUpdates = true;
        private final List<String> sshPublicKeys = new ArrayList<>();
        private FloatingIpChoice floatingIp = FloatingIpChoice.automatic();
        private Integer volumeSizeGb;
        private int count = 1;
        private String workflowRepository;
        private String workflowReference;
        private String workflowPath;
        private String network;

        private Builder() {}

        /** The network name or id (default: Exosphere's choice). */
        public Builder network(String v) {
            this.network = v;
            return this;
        }

        /** The server name. */
        public Builder name(String v) {
            this.name = v;
            return this;
        }

        /** The image name or id. */
        public Builder image(String v) {
            this.image = v;
            return this;
        }

        /** The flavor name or id. */
        public Builder flavor(String v) {
            this.flavor = v;
            return this;
        }

        /** Deploy Guacamole; default true. */
        public Builder guacamole(boolean v) {
            this.guacamole = v;
            return this;
        }

        /** Deploy a desktop; default false. */
        public Builder desktop(boolean v) {
            this.desktop = v;
            return this;
        }

        /** Upgrade OS packages at first boot; default true. */
        public Builder osUpdates(boolean v) {
            this.osUpdates = v;
            return this;
        }

        /** Adds an OpenSSH public key for exouser. */
        public Builder addSshPublicKey(String v) {
            this.sshPublicKeys.add(v);
            return this;
        }

        /** The floating-IP choice; default automatic. */
        public Builder floatingIp(FloatingIpChoice v) {
            this.floatingIp = v;
            return this;
        }

        /** Boot from a new volume of this size. */
        public Builder volumeSizeGb(Integer v) {
            this.volumeSizeGb = v;
            return this;
        }

        /** How many instances; default 1. */
        public Builder count(int v) {
            this.count = v;
            return this;
        }

        /** A Binder repository. */
        public Builder workflowRepository(String v) {
            this.workflowRepository = v;
            return this;
        }

        /** Its Git reference. */
        public Builder workflowReference(String v) {
            this.workflowReference = v;
            return this;
        }

        /** The path to open. */
        public Builder workflowPath(String v) {
            this.workflowPath = v;
            return this;
        }

        /** The options. */
        public LaunchOptions build() {
            return new LaunchOptions(
                    name,
                    Optional.ofNullable(image),
                    Optional.ofNullable(flavor),
                    guacamole,
                    desktop,
                    osUpdates,
                    sshPublicKeys,
                    floatingIp,
                    volumeSizeGb == null ? OptionalInt.empty() : OptionalInt.of(volumeSizeGb),
                    count,
                    Optional.ofNullable(workflowRepository),
                    Optional.ofNullable(workflowReference),
                    Optional.ofNullable(workflowPath),
                    Optional.ofNullable(network));
        }
    }
}
