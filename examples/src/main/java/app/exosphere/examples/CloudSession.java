package app.exosphere.examples;

import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.SetupStatus;
import app.exosphere.core.OpenStack;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerAddress;
import app.exosphere.core.compute.VolumeAttachment;
import app.exosphere.core.config.CloudConfig;
import app.exosphere.core.config.CloudsYaml;
import app.exosphere.core.error.ConfigurationException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.image.Image;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.ExosphereSettings;
import app.exosphere.core.instance.FlavorChoice;
import app.exosphere.core.instance.ImageChoice;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.instance.InstanceWatch;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.rules.Interactions;
import app.exosphere.core.rules.SecurityGroupTemplates;
import app.exosphere.core.rules.ServerOrigin;
import app.exosphere.core.rules.ServerUiStatus;
import app.exosphere.core.volume.Volume;
import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.SimulatedClock;
import app.exosphere.testkit.connect.SimulatorConnections;
import app.exosphere.uap.UapCatalog;
import app.exosphere.workflow.WorkflowSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One signed-in OpenStack project (in one region) plus what the Exosphere web app keeps next to it (the
 * UAP hostname, Guacamole tokens, setup status), for the example programs and the {@code exosphere} CLI:
 * launch Exosphere-style instances, watch them become ready and list their interactions. Either a real
 * cloud from {@code clouds.yaml} ({@link #cloud(String)}) or the in-process simulated cloud of
 * exosphere-testkit ({@link #simulated()}, an accelerated clock: one wall second is one simulated
 * minute).
 *
 * <p>A thin layer over exosphere-core's {@link Exosphere} entry point (launch, watch, interactions,
 * volumes), adding the choices a demo needs: which cloud, a default image and flavor, and progress in
 * the shape the CLI prints.
 *
 * <pre>{@code
 * try (CloudSession session = CloudSession.simulated()) {
 *     Server server = session.launch(LaunchOptions.builder().name("demo").build()).get(0);
 *     Server ready = session.waitUntilReady(server.id(), Duration.ofMinutes(30), event -> {});
 *     session.interactions(ready).visible().forEach((i, s) -> System.out.println(i.displayName() + " " + s));
 * }
 * }</pre>
 */
public final class CloudSession implements AutoCloseable {

    /** The name of the security group Exosphere instances get. */
    public static final String SECURITY_GROUP =
            SecurityGroupTemplates.exosphereDefault().name();

    /** Simulated seconds per wall second of {@link #simulated()}. */
    public static final double SIMULATED_SPEED = 60;

    private final OpenStack openStack;
    private final Exosphere exosphere;
    private final Clock clock;
    private final Optional<String> uapHostname;
    private final String username;
    private final String projectId;
    private final String projectName;
    private final String description;
    private final CloudSimulator simulator;
    private final boolean owner;

    private CloudSession(CloudSession other) {
        this.openStack = other.openStack;
        this.exosphere = other.exosphere;
        this.clock = other.clock;
        this.uapHostname = other.uapHostname;
        this.username = other.username;
        this.projectId = other.projectId;
        this.projectName = other.projectName;
        this.description = other.description;
        this.simulator = other.simulator;
        this.owner = false;
    }

    private CloudSession(
            OpenStack openStack,
            Clock clock,
            Optional<String> uapHostname,
            String description,
            CloudSimulator simulator,
            Duration pollInterval) {
        this.openStack = openStack;
        this.clock = clock;
        this.uapHostname = uapHostname;
        ExosphereSettings.Builder settings = ExosphereSettings.builder()
                .clientUuid(ExosphereSettings.newClientUuid())
                .pollInterval(pollInterval);
        uapHostname.ifPresent(settings::uapHostname);
        this.exosphere = Exosphere.builder()
                .openStack(openStack)
                .settings(settings.build())
                .clock(clock)
                .closeOpenStack(true)
                .build();
        var token = openStack.token().execute();
        this.username = token.user().name();
        this.projectId = token.project().map(p -> p.id()).orElseThrow();
        this.projectName = token.project().map(p -> p.name()).orElse(projectId);
        this.description = description;
        this.simulator = simulator;
        this.owner = true;
    }

    /**
     * The same session for a borrower whose {@link #close()} leaves the simulator running (e.g. to run
     * several CLI commands against one simulated cloud).
     */
    public CloudSession borrowed() {
        return new CloudSession(this);
    }

    /**
     * Starts the simulated Jetstream2-like cloud in process and signs in to it. Close the session to stop
     * it.
     */
    public static CloudSession simulated() {
        // a build of a minute and a half, as on Jetstream2, so progress displays show the Building phase
        return simulated(Scenario.jetstream2().toBuilder()
                .buildTime(Duration.ofMinutes(2))
                .build());
    }

    /** Starts the simulated cloud with a scenario and signs in to its first region. */
    public static CloudSession simulated(Scenario scenario) {
        CloudSimulator cloud = CloudSimulator.builder()
                .scenario(scenario)
                .clock(SimulatedClock.accelerated(SIMULATED_SPEED))
                .start();
        try {
            CloudCredentials login = cloud.credentials();
            Clock clock = new SimulatorClock(cloud.clock());
            // signed in, the simulator's DNS and UAP trust, its clock; the SDK owns the client
            OpenStack os = SimulatorConnections.openStack(cloud);
            Optional<String> uap =
                    UapCatalog.of(cloud.uapCloud()).uapHostnameFor(login.authUrl(), login.defaultRegion());
            return new CloudSession(
                    os,
                    clock,
                    uap,
                    "simulated cloud " + scenario.friendlyName() + " (region " + login.defaultRegion() + ")",
                    cloud,
                    Duration.ofMillis(250));
        } catch (RuntimeException e) {
            cloud.close();
            throw e;
        }
    }

    /**
     * Signs in to the cloud named {@code name} in {@code clouds.yaml} (the usual search path, or the file
     * in {@code OS_CLIENT_CONFIG_FILE}), in its default region.
     */
    public static CloudSession cloud(String name) {
        return cloud(name, null);
    }

    /**
     * Signs in to the cloud named {@code name} in {@code clouds.yaml}, in {@code region} (one of the
     * regions the entry lists; null for its default region), resolved as openstacksdk resolves it.
     */
    public static CloudSession cloud(String name, String region) {
        return cloud(CloudsYaml.load(), name, region);
    }

    /** Signs in to the cloud named {@code name} of {@code clouds}, in {@code region} (null: its default). */
    public static CloudSession cloud(CloudsYaml clouds, String name, String region) {
        CloudConfig config = clouds.cloud(name, region);
        // the SDK creates and owns the HTTP client: close() releases it
        OpenStack.Builder os = OpenStack.builder().cloud(config);
        Optional<String> uap = UapCatalog.exosphereDefaults()
                .uapHostnameFor(config.authUrl(), config.region().orElse(null));
        return new CloudSession(
                os.build(),
                Clock.systemUTC(),
                uap,
                "cloud " + name
                        + config.region().map(r -> " (region " + r + ")").orElse(""),
                null,
                Duration.ofSeconds(10));
    }

    /** The Exosphere entry point (exosphere-core) behind this session. */
    public Exosphere exosphere() {
        return exosphere;
    }

    /** The OpenStack client of this project and region. */
    public OpenStack openStack() {
        return openStack;
    }

    /** The simulator behind this session, when {@link #simulated()}. */
    public Optional<CloudSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    /** The cloud's time (the simulator's accelerated clock, or the system clock). */
    public Clock clock() {
        return clock;
    }

    /** The User Application Proxy of this region, if the cloud has one. */
    public Optional<String> uapHostname() {
        return uapHostname;
    }

    /** What this session talks to, e.g. "simulated cloud Jetstream2 (region IU)". */
    public String description() {
        return description;
    }

    // ------------------------------------------------------------------ launch

    /**
     * Launches Exosphere-style instances with exosphere-core's {@link Exosphere#launchAll}: network,
     * security group, user data and {@code exo*} metadata as the Exosphere web app does. When no image is
     * named, a featured image ({@code Featured-} prefix, as on Jetstream2) is used; when no flavor is
     * named, the smallest with 2 vCPUs. Returns the created servers (still building).
     */
    public List<Server> launch(LaunchOptions options) {
        return launch(options, note -> {});
    }

    /**
     * As {@link #launch(LaunchOptions)}; {@code notes} hears the decisions taken for the caller, e.g. the
     * network chosen by this session's extension of Exosphere's rule: when no network is named, Neutron
     * cannot auto-allocate one and no network is named {@code auto_allocated_network} or after the
     * project, the only usable tenant network is used (as Nova's {@code networks: auto} does). Image,
     * flavor, network and floating IP are all resolved before anything is created.
     */
    public List<Server> launch(LaunchOptions options, Consumer<String> notes) {
        Image image = image(options.image());
        Flavor flavor = flavor(options.flavor());
        if (options.floatingIp().kind() == app.exosphere.core.rules.FloatingIpChoice.Kind.USE_EXISTING) {
            String fip = options.floatingIp().existingFloatingIpId().orElseThrow();
            boolean known = openStack.network().floatingIps().list().stream()
                    .anyMatch(f -> f.id().equals(fip) || fip.equals(f.floatingIpAddress()));
            if (!known) {
                throw new java.util.NoSuchElementException(
                        "no floating IP with id '" + fip + "' in project " + projectName
                                + "; use automatic, create, none, or the id of one of the project's floating IPs");
            }
        }
        Optional<String> network = options.network();
        if (network.isEmpty()) {
            network = onlyUsableNetworkIfNoRuleApplies(notes);
        }
        LaunchRequest.Builder request = LaunchRequest.builder()
                .name(options.name())
                .count(options.count())
                .image(ImageChoice.id(image.id()))
                .flavor(FlavorChoice.id(flavor.id()))
                .addAllSshPublicKeys(options.sshPublicKeys())
                .guacamole(options.guacamole() && uapHostname.isPresent())
                .desktop(options.desktop())
                .installOsUpdates(options.osUpdates())
                .floatingIp(options.floatingIp());
        network.ifPresent(request::network);
        if (options.volumeSizeGb().isPresent()) {
            request.rootVolumeGb(options.volumeSizeGb().getAsInt());
        }
        options.workflowRepository()
                .map(r -> WorkflowSource.of(
                        r,
                        options.workflowReference().orElse(null),
                        options.workflowPath().orElse(null)))
                .ifPresent(request::workflow);
        return exosphere.launchAll(request.build()).execute().stream()
                .map(Instance::server)
                .toList();
    }

    /**
     * The extension of Exosphere's network rule (Helpers.newServerNetworkOptions): only when Exosphere's
     * rule would fail — no auto-allocated topology, no {@code auto_allocated_network}, no network named
     * after the project — and exactly one usable tenant network exists, that one.
     */
    private Optional<String> onlyUsableNetworkIfNoRuleApplies(Consumer<String> notes) {
        List<app.exosphere.core.network.Network> all =
                openStack.network().networks().list().toList();
        if (app.exosphere.core.rules.NetworkChoice.fallback(all, projectName).isPresent()) {
            return Optional.empty();
        }
        List<app.exosphere.core.network.Network> usable = all.stream()
                .filter(app.exosphere.core.rules.NetworkChoice::usable)
                .toList();
        if (usable.size() != 1 || autoAllocationAvailable()) {
            return Optional.empty();
        }
        app.exosphere.core.network.Network only = usable.get(0);
        notes.accept("No network named and Exosphere's rule finds none (no auto-allocation, none named "
                + "auto_allocated_network or after the project): using the only usable tenant network '"
                + only.name() + "' (" + only.id() + "), as Nova's 'auto' does.");
        return Optional.of(only.id());
    }

    private boolean autoAllocationAvailable() {
        try {
            openStack.network().autoAllocatedTopology(projectId).execute();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Image image(Optional<String> nameOrId) {
        List<Image> images = openStack.image().list().toList();
        if (nameOrId.isPresent()) {
            return images.stream()
                    .filter(i -> i.id().equals(nameOrId.get()) || nameOrId.get().equals(i.name()))
                    .findFirst()
                    .orElseThrow(() -> new java.util.NoSuchElementException(
                            "no image named or with id '" + nameOrId.get() + "'; available: "
                                    + images.stream().map(Image::name).toList()));
        }
        // Jetstream2 marks its recommended images with the Featured- prefix (Exosphere's
        // `State.Init.cloudSpecificConfigDecoder`)
        return images.stream()
                .filter(i -> i.name() != null && i.name().startsWith("Featured-"))
                .findFirst()
                .or(() -> images.stream().findFirst())
                .orElseThrow(() -> new ConfigurationException("the cloud has no image to launch"));
    }

    private Flavor flavor(Optional<String> nameOrId) {
        List<Flavor> flavors = openStack.compute().flavors().listDetail().toList();
        if (nameOrId.isPresent()) {
            return flavors.stream()
                    .filter(f -> f.id().equals(nameOrId.get()) || nameOrId.get().equals(f.name()))
                    .findFirst()
                    .orElseThrow(() -> new java.util.NoSuchElementException(
                            "no flavor named or with id '" + nameOrId.get() + "'; available: "
                                    + flavors.stream().map(Flavor::name).toList()));
        }
        return flavors.stream()
                .filter(f -> f.vcpus() >= 2)
                .min(Comparator.comparingInt(Flavor::ramMb).thenComparingInt(Flavor::vcpus))
                .or(() -> flavors.stream().min(Comparator.comparingInt(Flavor::ramMb)))
                .orElseThrow(() -> new ConfigurationException("the cloud has no flavor to launch"));
    }

    // ------------------------------------------------------------------ watch

    /** One step of a server's way to ready, for progress displays. */
    public record Progress(Server server, ServerUiStatus uiStatus, SetupStatus setup, Instant at, boolean changed) {}

    /**
     * Follows a server until it is ready with exosphere-core's {@link InstanceWatch} (setup status
     * write-back, passphrase, floating IP, Exosphere's timeouts), and for workflow instances until the
     * workflow URL is known. Calls {@code progress} on every state the watch reports.
     *
     * @throws app.exosphere.core.instance.InstanceFailedException on error or timeout
     */
    public Server waitUntilReady(String serverId, Duration timeout, Consumer<Progress> progress) {
        Instance instance = exosphere.instance(serverId).execute();
        try (InstanceWatch watch = instance.watch(p -> progress.accept(progressOf(serverId, p)))) {
            Instance ready = watch.awaitReady(timeout);
            if (ready.origin().workflow().isPresent()) {
                watch.awaitWorkflow(timeout);
            }
            return openStack.compute().servers().get(serverId).execute();
        }
    }

    /**
     * Unshelves a server with exosphere-core's {@link Instance#unshelve(Consumer)}, the web app's way (the
     * floating-IP intent is read again from the server's metadata and its floating-IP step runs again, so a
     * server shelved with its floating IPs released gets one back), and follows the watch until the server
     * is ready again: ACTIVE with its floating-IP step settled. Calls {@code progress} on every state and
     * {@code notes} with the message of every event about what was or was not done on the way (a floating
     * IP attached, a skipped step with its reason, a hostname).
     *
     * @throws app.exosphere.core.instance.InstanceFailedException when the floating IP could not be restored,
     *     the server went to ERROR, or {@code timeout} passed
     */
    public Server unshelve(Server server, Duration timeout, Consumer<Progress> progress, Consumer<String> notes) {
        Instance instance = exosphere.instance(server.id()).execute();
        try (InstanceWatch watch = instance.unshelve(p -> {
                    if (!p.state().isPhase()) {
                        notes.accept(p.message());
                    }
                    progress.accept(progressOf(server.id(), p));
                })
                .execute()) {
            watch.awaitReady(timeout);
            return openStack.compute().servers().get(server.id()).execute();
        }
    }

    /** The server as it is now, for an event of its watch. */
    private Progress progressOf(String serverId, app.exosphere.core.instance.Progress event) {
        Server server = openStack.compute().servers().get(serverId).execute();
        SetupStatus setup = ServerOrigin.of(server).setupStatus();
        return new Progress(server, uiStatus(server), setup, event.at(), true);
    }

    /** Reads a server again. */
    public Server refresh(String serverId) {
        return openStack.compute().servers().get(serverId).execute();
    }

    // ------------------------------------------------------------------ read

    /** Finds a server by id or exact name. */
    public Server server(String idOrName) {
        try {
            return openStack.compute().servers().get(idOrName).execute();
        } catch (NotFoundException e) {
            List<Server> named =
                    servers().stream().filter(s -> idOrName.equals(s.name())).toList();
            if (named.size() == 1) {
                return named.get(0);
            }
            if (named.isEmpty()) {
                throw new java.util.NoSuchElementException(
                        "no server named or with id '" + idOrName + "' in project " + projectName);
            }
            throw new ConfigurationException(
                    named.isEmpty()
                            ? "no server named or with id '" + idOrName + "' in project " + projectName
                            : named.size() + " servers are named '" + idOrName + "'; use the id");
        }
    }

    /** Every server of the project. */
    public List<Server> servers() {
        return openStack.compute().servers().list().toList();
    }

    /** The Exosphere UI status of a server ({@code View.Helpers.getServerUiStatus}). */
    public ServerUiStatus uiStatus(Server server) {
        ServerOrigin origin = ServerOrigin.of(server);
        return ServerUiStatus.of(
                server.status().raw(), null, false, origin, origin.setupStatus().state());
    }

    /** The server's floating IPv4 address, if any. */
    public static Optional<String> floatingIp(Server server) {
        return server.allAddresses().stream()
                .filter(ServerAddress::isFloating)
                .filter(a -> a.version() == 4)
                .map(ServerAddress::address)
                .findFirst();
    }

    /**
     * Every interaction of a server with Exosphere's status and reason ({@code Interaction.interactionStatus}), from
     * exosphere-core's {@link Instance#interactions()}: web shell and desktop URLs carry a Guacamole token
     * fetched through the UAP with the instance passphrase; the workflow URL carries the Jupyter token.
     */
    public Interactions interactions(Server server) {
        return exosphere.instance(server.id()).execute().fetchInteractions().execute();
    }

    /** The flavor a server runs on (by id, else by the original name Nova reports since 2.47). */
    public Optional<Flavor> flavorOf(Server server) {
        return server.flavor()
                .flatMap(sf -> openStack.compute().flavors().listDetail().stream()
                        .filter(f -> sf.id().map(f.id()::equals).orElse(false)
                                || sf.originalName()
                                        .map(n -> n.equals(f.name()))
                                        .orElse(false))
                        .findFirst());
    }

    /** The resource-usage history on the server's console log (Exosphere's {@code ServerResourceUsage.parseConsoleLog}). */
    public ResourceUsageHistory resourceUsage(Server server) {
        return ResourceUsageHistory.empty()
                .merge(openStack
                        .compute()
                        .servers()
                        .consoleOutput(server.id(), null)
                        .execute());
    }

    // ------------------------------------------------------------------ volumes

    /** Between two looks at a volume being created, on the session's clock (Cinder takes seconds, not minutes). */
    private static final Duration VOLUME_POLL_INTERVAL = Duration.ofSeconds(2);

    /** Creates a volume and waits until it is available. */
    public Volume createVolume(String name, int sizeGb) {
        Volume v = exosphere.volumes().create(name, sizeGb).execute(); // exactly once, even after a lost answer
        Instant deadline = clock.instant().plus(Duration.ofMinutes(10));
        while (!"available".equalsIgnoreCase(v.status().raw())
                && clock.instant().isBefore(deadline)) {
            pauseOnClock(VOLUME_POLL_INTERVAL);
            v = openStack.volume().volumes().get(v.id()).execute();
        }
        return v;
    }

    /** Finds a volume by id or exact name. */
    public Volume volume(String idOrName) {
        try {
            return openStack.volume().volumes().get(idOrName).execute();
        } catch (NotFoundException e) {
            return openStack.volume().volumes().list().stream()
                    .filter(v -> idOrName.equals(v.name()))
                    .findFirst()
                    .orElseThrow(() ->
                            new java.util.NoSuchElementException("no volume named or with id '" + idOrName + "'"));
        }
    }

    /**
     * Attaches a volume with Exosphere's device tag {@code exoVolume::{"name":…}} ({@code ServerVolumes.requestAttachVolume}) and
     * returns where the instance mounts it (Exosphere's {@code GetterSetters.volNameToMountpoint}).
     */
    public String attachVolume(Server server, Volume volume) {
        Instance instance = exosphere.instance(server.id()).execute();
        VolumeAttachment a = instance.attachVolume(volume).execute();
        return instance.mountpoint(volume.nameIfSet().orElse(null), a.device().orElse(null))
                .orElse("(mountpoint unknown: the instance was not created by Exosphere)");
    }

    /** Detaches a volume from a server. */
    public void detachVolume(Server server, Volume volume) {
        exosphere.instance(server.id()).execute().detachVolume(volume.id()).execute();
    }

    // ------------------------------------------------------------------ misc

    private void pauseOnClock(Duration d) {
        try {
            new ClockPause(clock).pause(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the simulator, if any. */
    @Override
    public void close() {
        if (owner) {
            exosphere.close();
        }
        if (simulator != null && owner) {
            simulator.close();
        }
    }

    @Override
    public String toString() {
        return "CloudSession[" + description + "]";
    }

    /** The simulator's clock as a {@link Clock}, so core's token cache and Guacamole cache use cloud time. */
    private static final class SimulatorClock extends Clock {
        private final SimulatedClock clock;

        SimulatorClock(SimulatedClock clock) {
            this.clock = Objects.requireNonNull(clock);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return clock.now();
        }
    }
}
