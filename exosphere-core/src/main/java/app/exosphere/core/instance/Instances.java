package app.exosphere.core.instance;

import app.exosphere.cloudinit.UserDataOptions;
import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.ScopeTarget;
import app.exosphere.core.auth.TokenInfo;
import app.exosphere.core.compute.BlockDeviceMapping;
import app.exosphere.core.compute.ComputeLimits;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.compute.Keypair;
import app.exosphere.core.compute.NetworkSelection;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerCreateRequest;
import app.exosphere.core.compute.ServerListOptions;
import app.exosphere.core.compute.ServerNetwork;
import app.exosphere.core.config.ImageFilters;
import app.exosphere.core.config.SecurityGroupTemplate;
import app.exosphere.core.error.ConflictException;
import app.exosphere.core.error.ConnectionException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackClientException;
import app.exosphere.core.error.ServerErrorException;
import app.exosphere.core.http.ExosphereListener;
import app.exosphere.core.http.Microversion;
import app.exosphere.core.http.MicroversionRange;
import app.exosphere.core.image.Image;
import app.exosphere.core.image.ImageListOptions;
import app.exosphere.core.internal.Events;
import app.exosphere.core.network.Network;
import app.exosphere.core.network.SecurityGroup;
import app.exosphere.core.quota.QuotaUsage;
import app.exosphere.core.volume.VolumeLimits;
import app.exosphere.workflow.WorkflowSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exosphere's instance operations for one project and region: launch (one parallel look-up wave, then
 * an exactly-once create), find and list instances, and the shared state they use (Guacamole tokens,
 * passphrases kept in memory). Immutable configuration, thread-safe.
 *
 * <pre>{@code
 * Instances instances = Instances.create(openStack, settings, Clock.systemUTC(), scheduler);
 * Instance vm = instances.launchOne(LaunchRequest.builder().name("demo").image(ImageChoice.name("Featured-Ubuntu24")).build());
 * }</pre>
 */
public final class Instances {

    private static final Logger LOG = LoggerFactory.getLogger(Instances.class);
    private static final Microversion TAGS_AT_CREATE = Microversion.of(2, 52);
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F-]{32,36}");

    final OpenStack os;
    final ExosphereSettings settings;
    final Clock clock;
    final ScheduledExecutorService scheduler;
    final GuacamoleAuth guacamole;
    final Map<String, String> memoryPassphrases = new ConcurrentHashMap<>();
    final Map<String, Flavor> flavorCache = new ConcurrentHashMap<>();

    private Instances(OpenStack os, ExosphereSettings settings, Clock clock, ScheduledExecutorService scheduler) {
        this.os = Objects.requireNonNull(os, "openStack");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.guacamole = new GuacamoleAuth(os.httpClient(), clock);
    }

    /**
     * Operations on the project and region of {@code openStack}.
     *
     * @param scheduler runs watcher polls and blocking look-ups; owned by the caller
     */
    public static Instances create(
            OpenStack openStack, ExosphereSettings settings, Clock clock, ScheduledExecutorService scheduler) {
        return new Instances(openStack, settings, clock, scheduler);
    }

    /** The OpenStack view these operations use. */
    public OpenStack openStack() {
        return os;
    }

    /** The settings. */
    public ExosphereSettings settings() {
        return settings;
    }

    /** The UAP hostname for this cloud and region, if any. */
    public Optional<String> uapHostname() {
        return settings.uapHostnameFor(os.authUrl(), os.region().orElse(null));
    }

    /** Tells the connection's {@link ExosphereListener} about a launch or watch milestone. */
    void milestone(String kind, String serverId, String launchId, String detail) {
        new Events(os.transportOptions().listener())
                .milestone(new ExosphereListener.Milestone(
                        kind, Optional.ofNullable(serverId), Optional.ofNullable(launchId), detail, clock.instant()));
    }

    /** The instance with this server id. */
    public Instance get(String serverId) {
        return new Instance(this, os.compute().servers().get(serverId));
    }

    /** Every server of the project, as instances (any origin). */
    public List<Instance> list() {
        return os.compute().servers().list().stream()
                .map(s -> new Instance(this, s))
                .toList();
    }

    /** Launches and returns the first (or only) instance; see {@link #launch(LaunchRequest)}. */
    public Instance launchOne(LaunchRequest request) {
        return launch(request).get(0);
    }

    /**
     * Launches {@code request.count()} Exosphere-style instances: authenticates, runs every look-up in one
     * parallel wave (image, flavors, network, security group ensure, keypair, quotas, microversions),
     * checks quotas, then creates each server exactly once. Blocks until the servers exist (not until
     * they are ready: use {@link Instance#watch()}).
     *
     * @throws InvalidLaunchRequestException when the image/flavor/network cannot be resolved
     * @throws InsufficientQuotaException when it would not fit, before anything is created
     */
    public List<Instance> launch(LaunchRequest request) {
        return join(launchAsync(request));
    }

    /** Asynchronous {@link #launch(LaunchRequest)}. */
    public CompletableFuture<List<Instance>> launchAsync(LaunchRequest request) {
        return os.tokenAsync().thenCompose(token -> new Launch(request, token).run());
    }

    /**
     * Launches a Binder workflow instance and returns its watch, whose {@link InstanceWatch#workflowReady()}
     * completes with the Jupyter URL once the instance published its token (after the instance is ready).
     * Guacamole is not required for workflows; the request's own choice is kept.
     */
    public InstanceWatch launchWorkflow(LaunchRequest request, WorkflowSource source) {
        Instance instance = launchOne(request.toBuilder().workflow(source).build());
        return instance.watch();
    }

    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** One launch: the look-up wave, then creation. */
    private final class Launch {
        private final LaunchRequest req;
        private final TokenInfo token;

        Launch(LaunchRequest req, TokenInfo token) {
            this.req = req;
            this.token = token;
        }

        CompletableFuture<List<Instance>> run() {
            String projectId = token.project()
                    .map(ScopeTarget::id)
                    .orElseThrow(() -> new InvalidLaunchRequestException(
                            "Launching needs a project-scoped connection; use openStack.forProject(...)"));
            String projectName = token.project().map(ScopeTarget::name).orElse("");
            boolean mayCreateFip = req.floatingIp().kind() == FloatingIpChoice.Kind.AUTOMATIC
                    || req.floatingIp().kind() == FloatingIpChoice.Kind.CREATE_NEW;

            // ---- the one parallel wave (exosphere-spec §9.15 B): every look-up starts now
            CompletableFuture<Image> image = resolveImage();
            CompletableFuture<List<Flavor>> flavors =
                    os.compute().flavors().listDetail().toListAsync();
            CompletableFuture<Network> network = resolveNetwork(projectId, projectName);
            CompletableFuture<String> securityGroup = ensureSecurityGroup();
            CompletableFuture<Optional<String>> keypair = ensureKeypair();
            CompletableFuture<ComputeLimits> novaLimits = os.compute().limitsAsync();
            CompletableFuture<Optional<VolumeLimits>> cinderLimits = req.volumeBacked()
                    ? os.volume().limitsAsync().thenApply(Optional::of)
                    : CompletableFuture.completedFuture(Optional.empty());
            CompletableFuture<Optional<QuotaUsage>> fipQuota = mayCreateFip
                    ? os.network().quotaDetailsAsync(projectId).thenApply(m -> Optional.ofNullable(m.get("floatingip")))
                    : CompletableFuture.completedFuture(Optional.empty());
            CompletableFuture<MicroversionRange> novaVersions =
                    os.compute().transport().microversionsAsync();

            return CompletableFuture.allOf(
                            image,
                            flavors,
                            network,
                            securityGroup,
                            keypair,
                            novaLimits,
                            cinderLimits,
                            fipQuota,
                            novaVersions)
                    .thenCompose(ignored -> {
                        Flavor flavor = chooseFlavor(flavors.join(), image.join());
                        QuotaCheck.Usage usage = new QuotaCheck.Usage(
                                novaLimits.join().cores(),
                                novaLimits.join().instances(),
                                novaLimits.join().ramMb(),
                                cinderLimits.join().map(VolumeLimits::volumes).orElse(QuotaUsage.of(0, -1)),
                                cinderLimits.join().map(VolumeLimits::gigabytes).orElse(QuotaUsage.of(0, -1)),
                                fipQuota.join().orElse(QuotaUsage.of(0, -1)));
                        int fipsNeeded = req.floatingIp().kind() == FloatingIpChoice.Kind.CREATE_NEW ? req.count() : 0;
                        // exosphere-spec §9.8: pre-flight, before anything is created
                        QuotaCheck.requireFits(
                                usage,
                                req.count(),
                                flavor.vcpus(),
                                flavor.ramMb(),
                                req.rootVolumeGb().orElse(0),
                                fipsNeeded);
                        boolean tagsAtCreate = novaVersions.join().supports(TAGS_AT_CREATE);
                        List<CompletableFuture<Instance>> created = new ArrayList<>();
                        String userData = userData();
                        for (int i = 1; i <= req.count(); i++) {
                            ServerCreateRequest body = createRequest(
                                    i,
                                    image.join(),
                                    flavor,
                                    network.join(),
                                    securityGroup.join(),
                                    keypair.join(),
                                    userData,
                                    tagsAtCreate);
                            created.add(new ExactlyOnceCreate(
                                            os.compute(),
                                            body,
                                            req.launchId().forInstance(i, req.count()),
                                            tagsAtCreate)
                                    .run()
                                    .thenApply(s -> {
                                        milestone(
                                                "CREATED",
                                                s.id(),
                                                body.metadata().get("exoLaunchId"),
                                                "Server " + s.id() + " created");
                                        return new Instance(Instances.this, s);
                                    }));
                        }
                        return CompletableFuture.allOf(created.toArray(CompletableFuture[]::new))
                                .thenApply(v -> created.stream()
                                        .map(CompletableFuture::join)
                                        .toList());
                    });
        }

        private CompletableFuture<Image> resolveImage() {
            ImageChoice c = req.image();
            switch (c.kind()) {
                case ID:
                    return os.image().getAsync(c.value().orElseThrow());
                case NAME:
                    return os.image()
                            .list(ImageListOptions.builder()
                                    .name(c.value().orElseThrow())
                                    .status("active")
                                    .build())
                            .toListAsync()
                            .thenApply(
                                    images -> images.stream()
                                            .max(Comparator.comparing(
                                                    i -> i.createdAt().orElse(java.time.Instant.EPOCH)))
                                            .orElseThrow(
                                                    () -> new InvalidLaunchRequestException(
                                                            "No active image named \""
                                                                    + c.value().get()
                                                                    + "\" is visible to the project; check the name or pass ImageChoice.id(...)")));
                case FEATURED:
                    return featuredImage();
                default:
                    ImageFilters f = c.filter().orElseThrow();
                    var opts = ImageListOptions.builder().status("active");
                    f.nameValue().ifPresent(opts::name);
                    opts.visibility(f.visibilityValue().orElse("all"));
                    return os.image()
                            .list(opts.build())
                            .toListAsync()
                            .thenApply(images -> InstanceTypeImages.newestMatching(f, images)
                                    .orElseThrow(() -> new InvalidLaunchRequestException(
                                            "No image matches the instance type's filters " + f
                                                    + "; the version is not available on this cloud")));
            }
        }

        // Exosphere marks featured images by a name prefix and public visibility (ExosphereCloudConfig
        // featuredImageNamePrefix; Helpers.isImageFeatured); the CLI's default image
        private CompletableFuture<Image> featuredImage() {
            String prefix = settings.cloudConfig()
                    .flatMap(app.exosphere.core.config.ExosphereCloudConfig::featuredPrefix)
                    .orElse("Featured-");
            return os.image()
                    .list(ImageListOptions.builder()
                            .status("active")
                            .visibility("public")
                            .build())
                    .toListAsync()
                    .thenApply(images -> images.stream()
                            .filter(i -> i.name() != null && i.name().startsWith(prefix))
                            .filter(i -> i.visibility().map("public"::equals).orElse(true))
                            .max(Comparator.<Image, java.time.Instant>comparing(
                                            i -> i.createdAt().orElse(java.time.Instant.EPOCH))
                                    .thenComparing(Image::name))
                            .orElseThrow(() -> new InvalidLaunchRequestException("No active public image named \""
                                    + prefix + "…\" (a featured image) is visible to the project; choose one with "
                                    + "LaunchRequest.builder().image(ImageChoice.name(...))")));
        }

        // Exosphere deploys Guacamole only where the cloud has a UAP for the region (Helpers.getUserAppProxy…):
        // the caller asked for the default, so say why the web shell and desktop will be missing
        private void guacamoleOffWithoutUap() {
            String reason = "the Exosphere cloud configuration has no User Application Proxy for "
                    + os.authUrl() + (os.region().map(r -> " region " + r).orElse(""))
                    + ", so Guacamole (web shell, web desktop) is not deployed; give the cloud's entry with "
                    + "Exosphere.builder().cloudConfigs(...) or ExosphereSettings.uapHostname(...), or set "
                    + "LaunchRequest.guacamole(false) to launch without it";
            LOG.warn("launch {} \"{}\": {}", req.launchId(), req.name(), reason);
            milestone("GUACAMOLE_SKIPPED", null, req.launchId().value(), reason);
        }

        private CompletableFuture<Network> resolveNetwork(String projectId, String projectName) {
            if (req.network().isPresent()) {
                String wanted = req.network().get();
                return os.network()
                        .networks()
                        .list()
                        .toListAsync()
                        .thenApply(nets -> nets.stream()
                                .filter(n -> n.id().equals(wanted) || n.name().equals(wanted))
                                .findFirst()
                                .orElseThrow(() -> new InvalidLaunchRequestException("No network \"" + wanted
                                        + "\" is visible to the project; " + NetworkChoice.noChoiceMessage(nets))));
            }
            // exosphere-spec §9.15 steps 6, 7, 12: auto-allocated topology first, networks listed alongside
            CompletableFuture<Optional<String>> auto = os.network()
                    .autoAllocatedTopologyAsync(projectId)
                    .thenApply(t -> Optional.of(t.id()))
                    .exceptionally(e -> {
                        LOG.debug("auto-allocated topology unavailable: {}", e.getMessage());
                        return Optional.empty();
                    });
            CompletableFuture<List<Network>> nets =
                    os.network().networks().list().toListAsync();
            return auto.thenCombine(nets, (autoId, all) -> {
                if (autoId.isPresent()) {
                    return all.stream()
                            .filter(n -> n.id().equals(autoId.get()))
                            .findFirst()
                            .orElseGet(() -> app.exosphere.core.network.ImmutableNetwork.builder()
                                    .id(autoId.get())
                                    .name(NetworkChoice.AUTO_ALLOCATED_NAME)
                                    .build());
                }
                return NetworkChoice.fallback(all, projectName)
                        .orElseThrow(() -> new InvalidLaunchRequestException(NetworkChoice.noChoiceMessage(all)));
            });
        }

        private CompletableFuture<String> ensureSecurityGroup() {
            SecurityGroupTemplate template =
                    settings.securityGroupFor(os.region().orElse(null));
            String name = req.securityGroup().orElse(template.name());
            boolean isTemplate = name.equals(template.name());
            return os.network()
                    .securityGroups()
                    .list(Map.of("name", name))
                    .toListAsync()
                    .thenCompose(groups -> {
                        Optional<SecurityGroup> existing = groups.stream()
                                .filter(g -> g.name().equals(name))
                                .findFirst();
                        if (existing.isEmpty() && !isTemplate) {
                            throw new InvalidLaunchRequestException("Security group \"" + name
                                    + "\" does not exist in the project; create it or omit securityGroup");
                        }
                        if (!isTemplate) {
                            return CompletableFuture.completedFuture(name);
                        }
                        // exosphere-spec §9.12: create when missing, then reconcile the rules
                        CompletableFuture<SecurityGroup> group = existing.map(CompletableFuture::completedFuture)
                                .orElseGet(() -> os.network()
                                        .securityGroups()
                                        .createAsync(
                                                name, template.description() == null ? "" : template.description()));
                        return group.thenCompose(g -> reconcile(template, g)).thenApply(v -> name);
                    });
        }

        /**
         * Deletes the extra rules first, then creates the missing ones: Neutron refuses a rule with the same
         * impact as an existing one (409), whatever its description, so Neutron's undescribed default egress
         * rules must go before Exosphere's described ones can be added.
         */
        private CompletableFuture<Void> reconcile(SecurityGroupTemplate template, SecurityGroup group) {
            SecurityGroupTemplates.Plan plan = SecurityGroupTemplates.reconcile(template, group.rules());
            // A rule already gone (404) or an equivalent rule already present (409) is what we wanted:
            // another launch in the same project may be reconciling the same group at the same time.
            CompletableFuture<?>[] deletes = plan.toDelete().stream()
                    .map(id -> tolerating(os.network().securityGroups().deleteRuleAsync(id), NotFoundException.class))
                    .toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(deletes)
                    .thenCompose(v -> CompletableFuture.allOf(plan.toCreate().stream()
                            .map(r -> tolerating(
                                    os.network()
                                            .securityGroups()
                                            .createRuleAsync(SecurityGroupTemplates.toCreateRequest(r, group.id())),
                                    ConflictException.class))
                            .toArray(CompletableFuture[]::new)));
        }

        private static <T> CompletableFuture<T> tolerating(
                CompletableFuture<T> call, Class<? extends Throwable> expected) {
            return call.exceptionally(e -> {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                if (expected.isInstance(cause)) {
                    return null;
                }
                throw e instanceof CompletionException ce ? ce : new CompletionException(e);
            });
        }

        private CompletableFuture<Optional<String>> ensureKeypair() {
            if (req.keypair().isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            KeypairChoice k = req.keypair().get();
            return os.compute()
                    .keypairs()
                    .getAsync(k.name())
                    .handle((Keypair found, Throwable err) -> {
                        Throwable cause = err instanceof CompletionException ? err.getCause() : err;
                        if (cause == null) {
                            if (k.publicKey().isPresent()
                                    && !sameKey(found.publicKey(), k.publicKey().get())) {
                                throw new InvalidLaunchRequestException("Keypair \"" + k.name()
                                        + "\" already exists with a different public key; choose another name");
                            }
                            return CompletableFuture.completedFuture(Optional.of(k.name()));
                        }
                        if (cause instanceof NotFoundException && k.publicKey().isPresent()) {
                            return os.compute()
                                    .keypairs()
                                    .importKeyAsync(k.name(), k.publicKey().get())
                                    .thenApply(kp -> Optional.of(k.name()));
                        }
                        if (cause instanceof NotFoundException) {
                            throw new InvalidLaunchRequestException("Keypair \"" + k.name()
                                    + "\" does not exist; import it with KeypairChoice.importKey");
                        }
                        throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
                    })
                    .thenCompose(f -> f);
        }

        private boolean sameKey(String a, String b) {
            String[] x = a.trim().split("\\s+");
            String[] y = b.trim().split("\\s+");
            return x.length >= 2 && y.length >= 2 && x[0].equals(y[0]) && x[1].equals(y[1]);
        }

        private Flavor chooseFlavor(List<Flavor> flavors, Image image) {
            List<Flavor> allowed =
                    InstanceTypeImages.allowedFlavors(req.image().restrictFlavorIds(), flavors, Flavor::id);
            FlavorChoice c = req.flavor();
            Optional<Flavor> chosen;
            switch (c.kind()) {
                case ID:
                    chosen = allowed.stream()
                            .filter(f -> f.id().equals(c.value().get()))
                            .findFirst();
                    break;
                case NAME:
                    chosen = allowed.stream()
                            .filter(f -> f.name().equals(c.value().get()))
                            .findFirst();
                    break;
                default:
                    chosen = allowed.stream()
                            .filter(f -> req.volumeBacked() || f.diskGb() == 0 || f.diskGb() >= image.minDiskGb())
                            .min(Comparator.comparingInt(Flavor::vcpus)
                                    .thenComparingInt(Flavor::ramMb)
                                    .thenComparingInt(Flavor::diskGb));
            }
            return chosen.orElseThrow(() -> new InvalidLaunchRequestException("No allowed flavor matches " + c
                    + "; available: " + allowed.stream().map(Flavor::name).toList()));
        }

        private String userData() {
            boolean guac = req.guacamole().orElseGet(() -> uapHostname().isPresent());
            if (req.guacamole().isEmpty() && !guac) {
                guacamoleOffWithoutUap();
            }
            var ud = UserDataOptions.builder()
                    .guacamole(guac)
                    .desktop(req.desktop())
                    .installOsUpdates(req.installOsUpdates())
                    .addAllSshPublicKeys(req.sshPublicKeys())
                    .addAllExtraCloudConfig(req.extraCloudConfig())
                    .addAllExtraShellParts(req.extraShellParts());
            settings.configManagementRepository().ifPresent(ud::configManagementRepository);
            settings.configManagementCheckout().ifPresent(ud::configManagementCheckout);
            req.workflow().ifPresent(ud::workflow);
            req.openStackCredentials().ifPresent(ud::openStackCredentials);
            return ud.build().render().text();
        }

        private ServerCreateRequest createRequest(
                int index,
                Image image,
                Flavor flavor,
                Network network,
                String securityGroup,
                Optional<String> keypair,
                String userData,
                boolean tagsAtCreate) {
            LaunchId id = req.launchId().forInstance(index, req.count());
            boolean guac = req.guacamole().orElseGet(() -> uapHostname().isPresent());
            ExosphereMetadata md = ExosphereMetadata.builder()
                    .clientUuid(settings.clientUuid())
                    .creatorUsername(token.user().name())
                    .guacamole(guac)
                    .desktop(req.desktop())
                    .floatingIp(req.floatingIp())
                    .customWorkflow(req.workflow().map(WorkflowSource::toMetadata))
                    .launchId(id.value())
                    .build();
            var b = ServerCreateRequest.builder()
                    .name(req.instanceName(index))
                    .flavorRef(flavor.id())
                    .networks(NetworkSelection.of(ServerNetwork.network(network.id())))
                    .keyName(keypair)
                    .userData(userData)
                    .addSecurityGroups(securityGroup)
                    .putAllMetadata(md.toMap())
                    .putAllMetadata(req.extraMetadata())
                    .availabilityZone(req.availabilityZone());
            if (req.volumeBacked()) {
                b.addBlockDeviceMappings(BlockDeviceMapping.bootVolumeFromImage(
                        image.id(), req.rootVolumeGb().get(), true));
            } else {
                b.imageRef(image.id());
            }
            if (tagsAtCreate) {
                b.addTags(id.tag());
            }
            return b.build();
        }
    }

    /**
     * {@code POST /servers} exactly once: the transport never retries a POST; on an ambiguous failure
     * (connection dropped, timeout, 5xx) this looks the launch id up before trying again.
     */
    static final class ExactlyOnceCreate {
        static final int MAX_ATTEMPTS = 3;
        private final app.exosphere.core.compute.ComputeClient nova;
        private final ServerCreateRequest body;
        private final LaunchId id;
        private final boolean byTag;

        ExactlyOnceCreate(
                app.exosphere.core.compute.ComputeClient nova, ServerCreateRequest body, LaunchId id, boolean byTag) {
            this.nova = nova;
            this.body = body;
            this.id = id;
            this.byTag = byTag;
        }

        CompletableFuture<Server> run() {
            return attempt(1);
        }

        private CompletableFuture<Server> attempt(int n) {
            return nova.servers()
                    .createAsync(body)
                    .thenCompose(created -> nova.servers().getAsync(created.id()))
                    .handle((server, err) -> {
                        if (err == null) {
                            return CompletableFuture.completedFuture(server);
                        }
                        Throwable cause = err instanceof CompletionException ? err.getCause() : err;
                        if (!ambiguous(cause)) {
                            return CompletableFuture.<Server>failedFuture(cause);
                        }
                        LOG.warn(
                                "POST /servers for launch {} failed ambiguously ({}); looking it up before any retry",
                                id,
                                cause.getClass().getSimpleName());
                        return find().thenCompose(found -> {
                            if (found.isPresent()) {
                                LOG.info(
                                        "launch {} had created server {} despite the failure",
                                        id,
                                        found.get().id());
                                return CompletableFuture.completedFuture(found.get());
                            }
                            if (n >= MAX_ATTEMPTS) {
                                return CompletableFuture.<Server>failedFuture(new OpenStackClientException(
                                        "Creating server \"" + body.name() + "\" failed " + n
                                                + " times without creating it; last error: " + cause.getMessage(),
                                        cause));
                            }
                            return attempt(n + 1);
                        });
                    })
                    .thenCompose(f -> f);
        }

        static boolean ambiguous(Throwable t) {
            return t instanceof ConnectionException || t instanceof ServerErrorException;
        }

        /** Finds the server this launch id created, by tag (≥ 2.52) or by name plus metadata. */
        CompletableFuture<Optional<Server>> find() {
            ServerListOptions opts = byTag
                    ? ServerListOptions.builder().addTags(id.tag()).build()
                    : ServerListOptions.builder()
                            .name("^"
                                    + Pattern.quote(body.name())
                                            .replace("\\Q", "")
                                            .replace("\\E", "") + "$")
                            .build();
            return nova.servers()
                    .list(opts)
                    .toListAsync()
                    .thenApply(servers -> servers.stream()
                            .filter(s -> id.value().equals(s.metadata().get(ExosphereMetadata.LAUNCH_ID))
                                    || s.tags().contains(id.tag()))
                            .findFirst());
        }
    }

    static boolean looksLikeId(String s) {
        return UUID_LIKE.matcher(s).matches();
    }
}
