package app.exosphere.core.instance;

import app.exosphere.core.OpenStack;
import app.exosphere.core.config.ExosphereCloudConfigs;
import app.exosphere.core.config.ExosphereConfig;
import app.exosphere.core.http.Call;
import app.exosphere.workflow.WorkflowSource;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's entry point: an {@link OpenStack} connection plus the Exosphere side of the cloud, giving
 * Exosphere-style instances in a few lines.
 *
 * <p>Every method that talks to the cloud returns a {@link Call}: {@code execute()} blocks on the
 * caller's thread, {@code executeAsync()} returns a {@code CompletableFuture}. {@link #launch} launches
 * one instance, {@link #launchAll} the request's {@code count()} ({@link Instances} uses the same names).
 *
 * <pre>{@code
 * OpenStack os = OpenStack.builder()
 *         .authUrl("https://js2.jetstream-cloud.org:5000/v3/")
 *         .credentials(Credentials.applicationCredential(id, secret))
 *         .region("IU")
 *         .build();
 * try (Exosphere exo = Exosphere.connect(os, clientUuid)) {
 *     Instance vm = exo.launch(LaunchRequest.builder().name("demo").image(ImageChoice.name("Featured-Ubuntu24")).build()).execute();
 *     vm.watch().awaitReady(Duration.ofMinutes(30));
 *     Instance now = vm.refresh().execute();
 *     System.out.println(now.fetchInteractions().execute().status(Interaction.WEB_SHELL).value().orElseThrow());
 * }
 * }</pre>
 */
public final class Exosphere implements AutoCloseable {

    private final OpenStack openStack;
    private final Instances instances;
    private final ScheduledExecutorService ownedScheduler;
    private final boolean ownsOpenStack;

    private Exosphere(
            OpenStack openStack,
            ExosphereSettings settings,
            Clock clock,
            ScheduledExecutorService scheduler,
            boolean owned,
            boolean ownsOpenStack) {
        this.openStack = openStack;
        this.instances = Instances.create(openStack, settings, clock, scheduler);
        this.ownedScheduler = owned ? scheduler : null;
        this.ownsOpenStack = ownsOpenStack;
    }

    /** Connects with Exosphere's defaults and this installation's persisted client UUID. */
    public static Exosphere connect(OpenStack openStack, String clientUuid) {
        return builder()
                .openStack(openStack)
                .settings(ExosphereSettings.builder().clientUuid(clientUuid).build())
                .build();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The OpenStack connection. */
    public OpenStack openStack() {
        return openStack;
    }

    /** The instance operations of this project and region. */
    public Instances instances() {
        return instances;
    }

    /** Manila shares of this project and region, the web app's way ({@link Shares}). */
    public Shares shares() {
        return instances.shares();
    }

    /**
     * Launches one Exosphere-style instance (the request's {@link LaunchRequest#count()} must be 1); see
     * {@link Instances#launchAll} for what a launch does and how it fails.
     */
    public Call<Instance> launch(LaunchRequest request) {
        return instances.launch(request);
    }

    /**
     * Launches {@code request.count()} instances, each created exactly once; when some fail, {@link
     * app.exosphere.core.instance.PartialLaunchException} carries every instance that was created.
     */
    public Call<List<Instance>> launchAll(LaunchRequest request) {
        return instances.launchAll(request);
    }

    /** Launches a Binder workflow instance and starts its watch (see {@link InstanceWatch#workflowReady()}). */
    public Call<InstanceWatch> launchWorkflow(LaunchRequest request, WorkflowSource source) {
        return instances.launchWorkflow(request, source);
    }

    /** Images of instances, the web app's way: create from an instance (exactly once), visibility, delete, follow. */
    public Images images() {
        return instances.images();
    }

    /** Volume snapshots: list, create (exactly once), delete, follow status. */
    public VolumeSnapshots snapshots() {
        return instances.snapshots();
    }

    /** Volumes, the web app's way: create a blank one (exactly once), rename, delete unless it backs an instance. */
    public Volumes volumes() {
        return instances.volumes();
    }

    /** DNS hostnames for floating IPs (Designate), the web app's way. */
    public Hostnames hostnames() {
        return instances.hostnames();
    }

    /** Jetstream2 allocation operations: the allocation balance and burn rate of this project. */
    public Allocations allocations() {
        return instances.allocations();
    }

    /** Keypair management: list, import with the web app's checks, delete. */
    public Keypairs keypairs() {
        return instances.keypairs();
    }

    /** Fetches the instance with this server id. */
    public Call<Instance> instance(String serverId) {
        return instances.get(serverId);
    }

    /** Fetches every server of the project as an instance. */
    public Call<List<Instance>> list() {
        return instances.list();
    }

    /**
     * Stops the scheduler this object created (not one passed in) and, when built with
     * {@link Builder#closeOpenStack(boolean) closeOpenStack(true)}, closes the {@link OpenStack}
     * connection too. Idempotent.
     */
    @Override
    public void close() {
        if (ownedScheduler != null) {
            ownedScheduler.shutdownNow();
        }
        if (ownsOpenStack) {
            openStack.close();
        }
    }

    /** Builds an {@link Exosphere}. */
    public static final class Builder {
        private OpenStack openStack;
        private ExosphereSettings settings;
        private ExosphereCloudConfigs cloudConfigs;
        private ExosphereConfig config;
        private Clock clock = Clock.systemUTC();
        private ScheduledExecutorService scheduler;
        private boolean closeOpenStack;

        private Builder() {}

        /** The project-scoped connection (required). */
        public Builder openStack(OpenStack value) {
            this.openStack = value;
            return this;
        }

        /** The Exosphere settings (required: at least the client UUID). */
        public Builder settings(ExosphereSettings value) {
            this.settings = value;
            return this;
        }

        /**
         * The deployment's cloud entries ({@code cloud_configs.js}); the entry of the connection's Keystone
         * URL becomes {@link ExosphereSettings#cloudConfig()} unless the settings already carry one.
         * Default {@link ExosphereCloudConfigs#builtIn()}.
         *
         * <pre>{@code
         * Exosphere.builder().openStack(openStack)
         *         .cloudConfigs(ExosphereCloudConfigs.builtIn().with(ExosphereCloudConfigs.load(Path.of("cloud_configs.js"))))
         *         .build();
         * }</pre>
         */
        public Builder cloudConfigs(ExosphereCloudConfigs value) {
            this.cloudConfigs = value;
            return this;
        }

        /**
         * A whole Exosphere deployment configuration ({@code config.js} with its cloud configs): its
         * {@code clouds} as {@link #cloudConfigs}, and its {@code instanceConfigMgtRepoUrl}/{@code Checkout}
         * for user data unless the settings set them.
         */
        public Builder config(ExosphereConfig value) {
            this.config = value;
            return this;
        }

        /** The clock (tests, simulators). */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** A scheduler for watches and look-ups; default a small daemon pool owned by the Exosphere. */
        public Builder scheduler(ScheduledExecutorService value) {
            this.scheduler = value;
            return this;
        }

        /**
         * Whether {@link Exosphere#close()} also closes the {@link #openStack} connection; default false
         * (the connection stays the caller's, e.g. when shared by several {@code Exosphere} views).
         */
        public Builder closeOpenStack(boolean value) {
            this.closeOpenStack = value;
            return this;
        }

        /** Builds. */
        public Exosphere build() {
            Objects.requireNonNull(openStack, "openStack");
            Objects.requireNonNull(settings, "settings (with the client UUID)");
            ExosphereSettings effective = settings;
            if (config != null) {
                if (effective.configManagementRepository().isEmpty()) {
                    effective = effective.toBuilder()
                            .configManagementRepository(config.instanceConfigMgtRepoUrlOrDefault())
                            .build();
                }
                if (effective.configManagementCheckout().isEmpty()) {
                    effective = effective.toBuilder()
                            .configManagementCheckout(config.instanceConfigMgtRepoCheckoutOrDefault())
                            .build();
                }
            }
            if (effective.cloudConfig().isEmpty()) {
                ExosphereCloudConfigs clouds = cloudConfigs != null
                        ? cloudConfigs
                        : config != null ? config.cloudConfigs() : ExosphereCloudConfigs.builtIn();
                effective = effective.toBuilder()
                        .cloudConfig(clouds.forKeystoneUrl(openStack.authUrl()))
                        .build();
            }
            boolean owned = scheduler == null;
            ScheduledExecutorService s = owned ? newScheduler() : scheduler;
            return new Exosphere(openStack, effective, clock, s, owned, closeOpenStack);
        }

        private static ScheduledExecutorService newScheduler() {
            AtomicInteger n = new AtomicInteger();
            return Executors.newScheduledThreadPool(4, r -> {
                Thread t = new Thread(r, "exosphere-watch-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }
}
