package app.exosphere.examples;

import app.exosphere.cloudinit.UserDataOptions;
import app.exosphere.cloudinit.console.ExoServerVersion;
import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.SetupState;
import app.exosphere.cloudinit.console.SetupStatus;
import app.exosphere.cloudinit.console.VolumeMountpoint;
import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.compute.BlockDeviceMapping;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.compute.NetworkSelection;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerAddress;
import app.exosphere.core.compute.ServerCreateRequest;
import app.exosphere.core.compute.ServerNetwork;
import app.exosphere.core.compute.VolumeAttachment;
import app.exosphere.core.error.ConfigurationException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.image.Image;
import app.exosphere.core.instance.ExosphereMetadata;
import app.exosphere.core.instance.FloatingIpChoice;
import app.exosphere.core.instance.FloatingIpDecision;
import app.exosphere.core.instance.GuacamoleAuth;
import app.exosphere.core.instance.InteractionContext;
import app.exosphere.core.instance.Interactions;
import app.exosphere.core.instance.NetworkChoice;
import app.exosphere.core.instance.SecurityGroupTemplate;
import app.exosphere.core.instance.ServerName;
import app.exosphere.core.instance.ServerOrigin;
import app.exosphere.core.instance.ServerUiStatus;
import app.exosphere.core.network.FloatingIpCreateRequest;
import app.exosphere.core.network.Network;
import app.exosphere.core.network.Port;
import app.exosphere.core.network.PortListOptions;
import app.exosphere.core.network.SecurityGroup;
import app.exosphere.core.volume.Volume;
import app.exosphere.core.volume.VolumeCreateRequest;
import app.exosphere.testkit.CloudCredentials;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.SimulatedClock;
import app.exosphere.uap.UapCatalog;
import app.exosphere.workflow.WorkflowConsole;
import app.exosphere.workflow.WorkflowSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * One signed-in OpenStack project (in one region) plus what the Exosphere web app keeps next to it (the
 * UAP hostname, Guacamole tokens, setup status), for the example programs and the {@code exosphere} CLI:
 * launch Exosphere-style instances, watch them become ready and list their interactions. Either a real
 * cloud from {@code clouds.yaml} ({@link #cloud(String)}) or the in-process simulated cloud of
 * exosphere-testkit ({@link #simulated()}, an accelerated clock: one wall second is one simulated
 * minute).
 *
 * <p>Built only from exosphere-core's clients and Exosphere rules (metadata, network choice, security
 * group template, floating-IP decision, interactions), exosphere-cloudinit's user data and console
 * protocol, and exosphere-workflow's sources and tokens.
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
            SecurityGroupTemplate.exosphereDefault().name();

    /** Simulated seconds per wall second of {@link #simulated()}. */
    public static final double SIMULATED_SPEED = 60;

    private final OpenStack openStack;
    private final Clock clock;
    private final Optional<String> uapHostname;
    private final GuacamoleAuth guacamole;
    private final String username;
    private final String projectId;
    private final String projectName;
    private final String description;
    private final CloudSimulator simulator;
    private final Duration pollInterval;
    private final boolean owner;

    private CloudSession(CloudSession other) {
        this.openStack = other.openStack;
        this.clock = other.clock;
        this.uapHostname = other.uapHostname;
        this.guacamole = other.guacamole;
        this.username = other.username;
        this.projectId = other.projectId;
        this.projectName = other.projectName;
        this.description = other.description;
        this.simulator = other.simulator;
        this.pollInterval = other.pollInterval;
        this.owner = false;
    }

    private CloudSession(
            OpenStack openStack,
            Clock clock,
            Optional<String> uapHostname,
            OkHttpClient http,
            String description,
            CloudSimulator simulator,
            Duration pollInterval) {
        this.openStack = openStack;
        this.clock = clock;
        this.uapHostname = uapHostname;
        this.guacamole = new GuacamoleAuth(http, clock);
        var token = openStack.token();
        this.username = token.user().name();
        this.projectId = token.project().map(p -> p.id()).orElseThrow();
        this.projectName = token.project().map(p -> p.name()).orElse(projectId);
        this.description = description;
        this.simulator = simulator;
        this.pollInterval = pollInterval;
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
            OkHttpClient http = cloud.newHttpClient();
            OpenStack os = OpenStack.builder()
                    .authUrl(login.authUrl())
                    .credentials(Credentials.password(
                            UserRef.name(login.username(), DomainRef.name(login.userDomainName())), login.password()))
                    .project(login.projectName(), DomainRef.name(login.projectDomainName()))
                    .region(login.defaultRegion())
                    .httpClient(http)
                    .clock(clock)
                    .build();
            Optional<String> uap =
                    UapCatalog.of(cloud.uapCloud()).uapHostnameFor(login.authUrl(), login.defaultRegion());
            return new CloudSession(
                    os,
                    clock,
                    uap,
                    http,
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
     * in {@code OS_CLIENT_CONFIG_FILE}).
     */
    public static CloudSession cloud(String name) {
        CloudsYaml.Entry entry = CloudsYaml.load().entry(name);
        OkHttpClient http = new OkHttpClient();
        OpenStack os = OpenStack.builder()
                .authUrl(entry.authUrl())
                .credentials(entry.credentials())
                .scope(entry.scope())
                .region(entry.region())
                .httpClient(http)
                .build();
        Optional<String> uap = UapCatalog.exosphereDefaults().uapHostnameFor(entry.authUrl(), entry.region());
        return new CloudSession(os, Clock.systemUTC(), uap, http, "cloud " + name, null, Duration.ofSeconds(10));
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
     * Launches Exosphere-style instances: image, flavor, network (auto-allocated topology, else
     * Exosphere's fallback rules), the {@code exosphere} security group (created or completed), user data
     * and {@code exo*} metadata. Returns the created servers (still building).
     */
    public List<Server> launch(LaunchOptions options) {
        Image image = image(options.image());
        Flavor flavor = flavor(options.flavor());
        Network network = network();
        ensureSecurityGroup();
        boolean guac = options.guacamole() && uapHostname.isPresent();
        Optional<WorkflowSource> workflow = options.workflowRepository()
                .map(r -> WorkflowSource.of(
                        r,
                        options.workflowReference().orElse(null),
                        options.workflowPath().orElse(null)));
        app.exosphere.cloudinit.ImmutableUserDataOptions.Builder ud = UserDataOptions.builder()
                .guacamole(guac)
                .desktop(options.desktop())
                .installOsUpdates(options.osUpdates())
                .addAllSshPublicKeys(options.sshPublicKeys());
        workflow.ifPresent(ud::workflow);
        String userData = ud.build().render().text();
        app.exosphere.core.instance.ImmutableExosphereMetadata.Builder md = ExosphereMetadata.builder()
                .clientUuid(UUID.randomUUID().toString())
                .creatorUsername(username)
                .guacamole(guac)
                .desktop(options.desktop())
                .floatingIp(options.floatingIp());
        workflow.ifPresent(w -> md.customWorkflow(w.toMetadata()));
        Map<String, String> metadata = md.build().toMap();
        List<Server> created = new ArrayList<>();
        for (int i = 0; i < options.count(); i++) {
            String name = ServerName.numbered(options.name(), i + 1, options.count());
            app.exosphere.core.compute.ImmutableServerCreateRequest.Builder req = ServerCreateRequest.builder()
                    .name(name)
                    .flavorRef(flavor.id())
                    .networks(NetworkSelection.of(ServerNetwork.network(network.id())))
                    .userData(userData)
                    .addSecurityGroups(SECURITY_GROUP)
                    .putAllMetadata(metadata);
            if (options.volumeSizeGb().isPresent()) {
                req.addBlockDeviceMappings(BlockDeviceMapping.bootVolumeFromImage(
                        image.id(), options.volumeSizeGb().getAsInt(), true));
            } else {
                req.imageRef(image.id());
            }
            String id = openStack.compute().servers().create(req.build()).id();
            created.add(openStack.compute().servers().get(id));
        }
        return created;
    }

    private Image image(Optional<String> nameOrId) {
        List<Image> images = openStack.image().list().toList();
        if (nameOrId.isPresent()) {
            return images.stream()
                    .filter(i -> i.id().equals(nameOrId.get()) || nameOrId.get().equals(i.name()))
                    .findFirst()
                    .orElseThrow(() ->
                            new ConfigurationException("no image named or with id '" + nameOrId.get() + "'; available: "
                                    + images.stream().map(Image::name).toList()));
        }
        // Jetstream2 marks its recommended images with the Featured- prefix (exosphere-spec §8.4)
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
                    .orElseThrow(() -> new ConfigurationException(
                            "no flavor named or with id '" + nameOrId.get() + "'; available: "
                                    + flavors.stream().map(Flavor::name).toList()));
        }
        return flavors.stream()
                .filter(f -> f.vcpus() >= 2)
                .min(Comparator.comparingInt(Flavor::ramMb).thenComparingInt(Flavor::vcpus))
                .or(() -> flavors.stream().min(Comparator.comparingInt(Flavor::ramMb)))
                .orElseThrow(() -> new ConfigurationException("the cloud has no flavor to launch"));
    }

    private Network network() {
        try {
            String id = openStack.network().autoAllocatedTopology(projectId).id();
            return openStack.network().networks().get(id);
        } catch (app.exosphere.core.error.OpenStackServiceException e) {
            // exosphere-spec §9.15: without auto-allocation, pick a network by Exosphere's fallback rules
            List<Network> networks = openStack.network().networks().list().toList();
            return NetworkChoice.fallback(networks, projectName)
                    .orElseThrow(() -> new ConfigurationException(NetworkChoice.noChoiceMessage(networks)));
        }
    }

    private void ensureSecurityGroup() {
        SecurityGroupTemplate template = SecurityGroupTemplate.exosphereDefault();
        SecurityGroup group = openStack.network().securityGroups().list(Map.of("name", template.name())).stream()
                .findFirst()
                .orElseGet(() -> openStack
                        .network()
                        .securityGroups()
                        .create(template.name(), template.description().orElse("")));
        SecurityGroupTemplate.Plan plan = template.reconcileWith(openStack
                .network()
                .securityGroups()
                .listRules(Map.of("security_group_id", group.id()))
                .toList());
        for (String ruleId : plan.toDelete()) {
            openStack.network().securityGroups().deleteRule(ruleId);
        }
        for (SecurityGroupTemplate.Rule rule : plan.toCreate()) {
            try {
                openStack.network().securityGroups().createRule(rule.toCreateRequest(group.id()));
            } catch (app.exosphere.core.error.ConflictException alreadyThere) {
                // Neutron compares rules without their description: an equivalent rule exists, keep it
            }
        }
    }

    // ------------------------------------------------------------------ watch

    /** One step of a server's way to ready, for progress displays. */
    public record Progress(Server server, ServerUiStatus uiStatus, SetupStatus setup, Instant at, boolean changed) {}

    /**
     * Polls a server until it is ready (setup complete and, when Guacamole was requested, deployed) or
     * setup failed or timed out, doing what the Exosphere web app does on the way (exosphere-spec §1.8,
     * §3.5, §9.14): records the setup status in {@code exoSetup}, moves the published passphrase into
     * the {@code exoPw:} tag, and assigns a floating IP. Calls {@code progress} after every poll
     * ({@link Progress#changed()} tells whether the UI or setup status changed).
     *
     * @throws IllegalStateException when {@code timeout} (cloud time) passes first
     */
    public Server waitUntilReady(String serverId, Duration timeout, Consumer<Progress> progress) {
        Instant deadline = clock.instant().plus(timeout);
        Progress last = null;
        while (true) {
            Server server = refresh(serverId);
            ServerOrigin origin = ServerOrigin.read(server.metadata(), server.tags());
            SetupStatus setup = origin.setupStatus();
            ServerUiStatus ui = ServerUiStatus.of(server.status().raw(), null, false, origin, setup.state());
            boolean changed =
                    last == null || last.uiStatus() != ui || last.setup().state() != setup.state();
            Progress now = new Progress(server, ui, setup, clock.instant(), changed);
            progress.accept(now);
            last = now;
            boolean guacPending = origin.guacamole().isPresent()
                    && uapHostname.isPresent()
                    && !openStack
                            .compute()
                            .servers()
                            .consoleOutput(serverId, null)
                            .contains("guacDeployComplete");
            if (setup.state().isFinished() && !(setup.state() == SetupState.COMPLETE && guacPending)) {
                return server;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("server " + server.name() + " is not ready after " + timeout
                        + " (setup " + setup.state().wire() + ")");
            }
            sleep(pollInterval);
        }
    }

    /**
     * Reads a server and brings its Exosphere bookkeeping up to date (setup status, passphrase tag,
     * floating IP); returns the server as it is afterwards.
     */
    public Server refresh(String serverId) {
        Server server = openStack.compute().servers().get(serverId);
        ServerOrigin origin = ServerOrigin.read(server.metadata(), server.tags());
        if (!origin.fromExosphere()
                || !"ACTIVE".equalsIgnoreCase(server.status().raw())) {
            return server;
        }
        boolean changed = false;
        Instant created = server.createdAt().orElse(clock.instant());
        SetupStatus before = origin.setupStatus();
        if (before.state() != SetupState.COMPLETE) {
            String console = openStack.compute().servers().consoleOutput(serverId, null);
            SetupStatus next = before.next(console, created, clock.instant());
            if (!next.equals(before)) {
                openStack.compute().servers().metadata(serverId).put(SetupStatus.METADATA_KEY, next.toMetadataValue());
                changed = true;
            }
        }
        if (origin.passphrase().isEmpty()) {
            // exosphere-spec §1.8: the instance posts its passphrase; keep it as a tag, clear the password
            Optional<String> posted =
                    openStack.compute().servers().password(serverId).get();
            if (posted.isPresent() && !posted.get().isBlank()) {
                openStack
                        .compute()
                        .servers()
                        .tags(serverId)
                        .add(ExosphereMetadata.PASSPHRASE_TAG_PREFIX + posted.get());
                openStack.compute().servers().password(serverId).clear();
                changed = true;
            }
        }
        changed |= assignFloatingIp(server, origin.floatingIp());
        return changed ? openStack.compute().servers().get(serverId) : server;
    }

    private boolean assignFloatingIp(Server server, FloatingIpChoice choice) {
        List<String> fixed = server.allAddresses().stream()
                .filter(a -> !a.isFloating())
                .map(ServerAddress::address)
                .toList();
        boolean hasFloating = server.allAddresses().stream().anyMatch(ServerAddress::isFloating);
        List<Port> ports = hasFloating
                ? List.of()
                : openStack
                        .network()
                        .ports()
                        .list(PortListOptions.builder().deviceId(server.id()).build())
                        .toList();
        FloatingIpDecision decision =
                FloatingIpDecision.decide(choice, server.status().raw(), !ports.isEmpty(), hasFloating, fixed);
        switch (decision.action()) {
            case CREATE -> {
                String external = openStack.network().networks().list(Map.of("router:external", "true")).stream()
                        .findFirst()
                        .map(Network::id)
                        .orElseThrow(() -> new ConfigurationException(
                                "the cloud has no external network to allocate a floating IP from"));
                openStack
                        .network()
                        .floatingIps()
                        .create(FloatingIpCreateRequest.onNetwork(external)
                                .withPortId(ports.get(0).id()));
                return true;
            }
            case ASSIGN_EXISTING -> {
                openStack
                        .network()
                        .floatingIps()
                        .associate(
                                decision.existingFloatingIpId().orElseThrow(),
                                ports.get(0).id());
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    // ------------------------------------------------------------------ read

    /** Finds a server by id or exact name. */
    public Server server(String idOrName) {
        try {
            return openStack.compute().servers().get(idOrName);
        } catch (NotFoundException e) {
            List<Server> named =
                    servers().stream().filter(s -> idOrName.equals(s.name())).toList();
            if (named.size() == 1) {
                return named.get(0);
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

    /** The Exosphere UI status of a server (exosphere-spec §3.6). */
    public ServerUiStatus uiStatus(Server server) {
        ServerOrigin origin = ServerOrigin.read(server.metadata(), server.tags());
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
     * Every interaction of a server with Exosphere's status and reason (exosphere-spec §4): web shell and
     * desktop URLs carry a Guacamole token fetched through the UAP with the instance passphrase; the
     * workflow URL carries the Jupyter token from the console log.
     */
    public Interactions interactions(Server server) {
        ServerOrigin origin = ServerOrigin.read(server.metadata(), server.tags());
        Optional<String> ip = floatingIp(server);
        String console = null;
        String consoleError = null;
        try {
            console = openStack.compute().servers().consoleOutput(server.id(), null);
        } catch (RuntimeException e) {
            consoleError = e.getMessage();
        }
        app.exosphere.core.instance.ImmutableInteractionContext.Builder ctx = InteractionContext.builder()
                .serverId(server.id())
                .novaStatus(server.status().raw())
                .origin(origin)
                .projectId(projectId)
                .addAllFixedIps(server.allAddresses().stream()
                        .filter(a -> !a.isFloating())
                        .map(ServerAddress::address)
                        .toList());
        ip.ifPresent(ctx::floatingIp);
        uapHostname.ifPresent(ctx::uapHostname);
        if (consoleError != null) {
            ctx.consoleLogError(consoleError);
        } else {
            WorkflowConsole.latestToken(console).ifPresent(ctx::workflowToken);
        }
        if ("ACTIVE".equalsIgnoreCase(server.status().raw())) {
            try {
                ctx.consoleUrl(openStack
                        .compute()
                        .servers()
                        .remoteConsoles(server.id())
                        .create(app.exosphere.core.compute.RemoteConsole.Protocol.VNC)
                        .url());
            } catch (RuntimeException e) {
                ctx.consoleUrlError(String.valueOf(e.getMessage()));
            }
        }
        boolean guacReady = console != null && console.contains("guacDeployComplete");
        if (guacReady
                && ip.isPresent()
                && uapHostname.isPresent()
                && origin.passphrase().isPresent()) {
            try {
                ctx.guacamoleToken(guacamole
                        .token(uapHostname.get(), ip.get(), origin.passphrase().get())
                        .get(30, TimeUnit.SECONDS));
            } catch (Exception e) {
                Throwable cause =
                        e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException
                                ? e.getCause()
                                : e;
                ctx.guacamoleTokenError(String.valueOf(cause.getMessage()));
            }
        }
        return Interactions.of(ctx.build());
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

    /** The resource-usage history on the server's console log (exosphere-spec §6.2). */
    public ResourceUsageHistory resourceUsage(Server server) {
        return ResourceUsageHistory.empty().merge(openStack.compute().servers().consoleOutput(server.id(), null));
    }

    // ------------------------------------------------------------------ volumes

    /** Creates a volume and waits until it is available. */
    public Volume createVolume(String name, int sizeGb) {
        Volume v = openStack
                .volume()
                .volumes()
                .create(VolumeCreateRequest.builder().name(name).sizeGb(sizeGb).build());
        Instant deadline = clock.instant().plus(Duration.ofMinutes(10));
        while (!"available".equalsIgnoreCase(v.status().raw())
                && clock.instant().isBefore(deadline)) {
            sleep(pollInterval);
            v = openStack.volume().volumes().get(v.id());
        }
        return v;
    }

    /** Finds a volume by id or exact name. */
    public Volume volume(String idOrName) {
        try {
            return openStack.volume().volumes().get(idOrName);
        } catch (NotFoundException e) {
            return openStack.volume().volumes().list().stream()
                    .filter(v -> idOrName.equals(v.name()))
                    .findFirst()
                    .orElseThrow(() -> new ConfigurationException("no volume named or with id '" + idOrName + "'"));
        }
    }

    /**
     * Attaches a volume with Exosphere's device tag {@code exoVolume::{"name":…}} (exosphere-spec §2.2) and
     * returns where the instance mounts it (§2.4).
     */
    public String attachVolume(Server server, Volume volume) {
        String tag = "exoVolume::" + app.exosphere.examples.cli.Json.object().put("name", volume.name());
        VolumeAttachment a =
                openStack.compute().servers().volumeAttachments(server.id()).attach(volume.id(), tag);
        ExoServerVersion version =
                ExoServerVersion.fromMetadata(server.metadata()).orElse(new ExoServerVersion(0));
        return VolumeMountpoint.of(version, volume.name(), a.device().orElse(null))
                .orElse("(mountpoint unknown: the instance was not created by Exosphere)");
    }

    /** Detaches a volume from a server. */
    public void detachVolume(Server server, Volume volume) {
        openStack.compute().servers().volumeAttachments(server.id()).detach(volume.id());
    }

    // ------------------------------------------------------------------ misc

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the simulator, if any. */
    @Override
    public void close() {
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
