package app.exosphere.core.instance;

import app.exosphere.cloudinit.UserDataOptions;
import app.exosphere.core.auth.ScopeTarget;
import app.exosphere.core.auth.TokenInfo;
import app.exosphere.core.compute.BlockDeviceMapping;
import app.exosphere.core.compute.ComputeLimits;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.compute.Keypair;
import app.exosphere.core.compute.NetworkSelection;
import app.exosphere.core.compute.ServerCreateRequest;
import app.exosphere.core.compute.ServerNetwork;
import app.exosphere.core.config.ImageFilters;
import app.exosphere.core.config.SecurityGroupTemplate;
import app.exosphere.core.error.ConflictException;
import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.http.Microversion;
import app.exosphere.core.http.MicroversionRange;
import app.exosphere.core.image.Image;
import app.exosphere.core.image.ImageListOptions;
import app.exosphere.core.network.Network;
import app.exosphere.core.network.SecurityGroup;
import app.exosphere.core.quota.QuotaUsage;
import app.exosphere.core.rules.ExosphereMetadata;
import app.exosphere.core.rules.FloatingIpChoice;
import app.exosphere.core.rules.InstanceTypeImages;
import app.exosphere.core.rules.NetworkChoice;
import app.exosphere.core.rules.OperatingSystem;
import app.exosphere.core.rules.QuotaCheck;
import app.exosphere.core.rules.SecurityGroupTags;
import app.exosphere.core.rules.SecurityGroupTemplates;
import app.exosphere.core.volume.VolumeLimits;
import app.exosphere.workflow.WorkflowSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One launch: the look-up wave (only what the request leaves open), the quota check, then one {@link
 * ExactlyOnceCreate} per server. The result lists every server created; when some creates fail, {@link
 * PartialLaunchException} carries the ones that exist.
 */
final class Launch {
    private static final Logger LOG = LoggerFactory.getLogger(Launch.class);
    private static final Microversion TAGS_AT_CREATE = Microversion.of(2, 52);

    private final EngineContext ctx;
    private final LaunchRequest req;
    private final TokenInfo token;

    Launch(EngineContext ctx, LaunchRequest req, TokenInfo token) {
        this.ctx = ctx;
        this.req = req;
        this.token = token;
    }

    CompletableFuture<List<Instance>> run() {
        String projectId = token.project()
                .map(ScopeTarget::id)
                .orElseThrow(() -> new InvalidLaunchRequestException(
                        "Launching needs a project-scoped connection; use openStack.forProject(...)"));
        String projectName = token.project().map(ScopeTarget::name).orElse("");
        // only a new floating IP per server counts against the quota check (QuotaCheck.requireFits)
        boolean createsFip = req.floatingIp().kind() == FloatingIpChoice.Kind.CREATE_NEW;

        // ---- the one parallel wave (what Exosphere's create page requests, `Rest.Nova` and `Rest.Neutron`): every
        // look-up starts now
        CompletableFuture<Image> image = resolveImage();
        CompletableFuture<List<Flavor>> flavors = resolveFlavors();
        CompletableFuture<Network> network = resolveNetwork(projectId, projectName);
        CompletableFuture<String> securityGroup = ensureSecurityGroup();
        CompletableFuture<Optional<String>> keypair = ensureKeypair();
        CompletableFuture<ComputeLimits> novaLimits = ctx.os.compute().limits().executeAsync();
        CompletableFuture<Optional<VolumeLimits>> cinderLimits = req.volumeBacked()
                ? ctx.os.volume().limits().executeAsync().thenApply(Optional::of)
                : CompletableFuture.completedFuture(Optional.empty());
        CompletableFuture<Optional<QuotaUsage>> fipQuota = createsFip
                ? ctx.os
                        .network()
                        .quotaUsage(projectId)
                        .executeAsync()
                        .thenApply(m -> Optional.ofNullable(m.get("floatingip")))
                : CompletableFuture.completedFuture(Optional.empty());
        CompletableFuture<MicroversionRange> novaVersions =
                ctx.os.compute().transport().microversions().executeAsync();

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
                    warnUnsupportedOs(image.join());
                    QuotaCheck.Usage usage = new QuotaCheck.Usage(
                            novaLimits.join().cores(),
                            novaLimits.join().instances(),
                            novaLimits.join().ramMb(),
                            cinderLimits.join().map(VolumeLimits::volumes).orElse(QuotaUsage.of(0, -1)),
                            cinderLimits.join().map(VolumeLimits::gigabytes).orElse(QuotaUsage.of(0, -1)),
                            fipQuota.join().orElse(QuotaUsage.of(0, -1)));
                    int fipsNeeded = req.floatingIp().kind() == FloatingIpChoice.Kind.CREATE_NEW ? req.count() : 0;
                    // Exosphere's `OpenStack.Quotas`: pre-flight, before anything is created
                    QuotaCheck.requireFits(
                            usage,
                            req.count(),
                            flavor.vcpus(),
                            flavor.ramMb(),
                            req.rootVolumeGb().orElse(0),
                            fipsNeeded);
                    boolean tagsAtCreate = novaVersions.join().supports(TAGS_AT_CREATE);
                    String userData = userData();
                    boolean lookFirst = req.launchId().chosenByCaller() || ctx.launched(req.launchId());
                    List<CompletableFuture<Instance>> created = new ArrayList<>();
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
                        LaunchId id = req.launchId().forInstance(i, req.count());
                        created.add(new ExactlyOnceCreate(ctx, body, id, req.launchId(), tagsAtCreate, lookFirst)
                                .run()
                                .thenApply(s -> {
                                    Instance vm = new Instance(ctx, s);
                                    LaunchLog.info(
                                            vm.id(), id, "launch {}: server {} \"{}\" created", id, vm.id(), vm.name());
                                    ctx.milestone("CREATED", vm.id(), id.value(), "Server " + vm.id() + " created");
                                    return vm;
                                }));
                    }
                    return collect(created);
                });
    }

    /**
     * The web app marks an image whose detected system is unsupported (Windows) with "not supported" on the
     * create page but still launches it; so does the SDK, with a WARN line and an event saying why the
     * instance will not become ready.
     */
    // Exosphere's `Image.detectOperatingSystem` as `Page.ServerCreate` uses it
    private void warnUnsupportedOs(Image image) {
        OperatingSystem.detect(image)
                .filter(os -> os.support() == OperatingSystem.Support.UNSUPPORTED)
                .ifPresent(os -> {
                    String reason =
                            "Image \"" + image.name() + "\" (" + image.id() + ") looks like " + os.distribution()
                                    + ": " + os.describe() + "; Exosphere's setup will not run on it, so the instance"
                                    + " will not become ready. Choose a Linux image (e.g. ImageChoice.featured())";
                    LOG.warn("launch {}: {}", req.launchId(), reason);
                    ctx.milestone("IMAGE_OS_UNSUPPORTED", null, req.launchId().value(), reason);
                });
    }

    /** Every created instance; when some failed, {@link PartialLaunchException} with the created ones. */
    private CompletableFuture<List<Instance>> collect(List<CompletableFuture<Instance>> created) {
        CompletableFuture<?>[] all =
                created.stream().map(f -> f.handle((v, e) -> null)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all).thenApply(v -> {
            List<Instance> ok = new ArrayList<>();
            List<RuntimeException> failures = new ArrayList<>();
            for (CompletableFuture<Instance> f : created) {
                try {
                    ok.add(f.join());
                } catch (CompletionException e) {
                    Throwable cause = ExactlyOnceCreate.unwrap(e);
                    failures.add(cause instanceof RuntimeException r ? r : new CompletionException(cause));
                }
            }
            if (failures.isEmpty()) {
                return ok;
            }
            if (req.count() == 1) {
                throw failures.get(0);
            }
            LOG.warn(
                    "launch {}: {} of {} servers created; {} failed",
                    req.launchId(),
                    ok.size(),
                    req.count(),
                    failures.size());
            LaunchId reusable = req.launchId().chosenByCaller()
                    ? req.launchId()
                    : LaunchId.of(req.launchId().value());
            throw new PartialLaunchException(reusable, req.count(), ok, failures);
        });
    }

    /** A flavor id needs only that flavor; a name or the smallest fit needs the list. */
    private CompletableFuture<List<Flavor>> resolveFlavors() {
        FlavorChoice c = req.flavor();
        if (c.kind() == FlavorChoice.Kind.ID) {
            String id = c.value().orElseThrow();
            Flavor cached = ctx.flavorCache.get(id);
            if (cached != null) {
                return CompletableFuture.completedFuture(List.of(cached));
            }
            return ctx.os.compute().flavors().get(id).executeAsync().handle((f, err) -> {
                if (err == null) {
                    ctx.flavorCache.put(id, f);
                    return List.of(f);
                }
                if (ExactlyOnceCreate.unwrap(err) instanceof NotFoundException) {
                    return List.<Flavor>of();
                }
                throw err instanceof CompletionException ce ? ce : new CompletionException(err);
            });
        }
        return ctx.os.compute().flavors().listDetail().all().executeAsync().thenApply(all -> {
            all.forEach(f -> ctx.flavorCache.putIfAbsent(f.id(), f));
            return all;
        });
    }

    private CompletableFuture<Image> resolveImage() {
        ImageChoice c = req.image();
        switch (c.kind()) {
            case ID:
                return ctx.os.image().get(c.value().orElseThrow()).executeAsync();
            case NAME:
                return ctx.os
                        .image()
                        .list(ImageListOptions.builder()
                                .name(c.value().orElseThrow())
                                .status("active")
                                .build())
                        .all()
                        .executeAsync()
                        .thenApply(images -> images.stream()
                                .max(Comparator.comparing(i -> i.createdAt().orElse(java.time.Instant.EPOCH)))
                                .orElseThrow(() -> new InvalidLaunchRequestException("No active image named \""
                                        + c.value().get()
                                        + "\" is visible to the project; check the name or pass ImageChoice.id(...)")));
            case FEATURED:
                return featuredImage();
            default:
                ImageFilters f = c.filter().orElseThrow();
                var opts = ImageListOptions.builder().status("active");
                f.nameValue().ifPresent(opts::name);
                opts.visibility(f.visibilityValue().orElse("all"));
                return ctx.os
                        .image()
                        .list(opts.build())
                        .all()
                        .executeAsync()
                        .thenApply(images -> InstanceTypeImages.newestMatching(f, images)
                                .orElseThrow(() -> new InvalidLaunchRequestException(
                                        "No image matches the instance type's filters " + f
                                                + "; the version is not available on this cloud")));
        }
    }

    // Exosphere marks featured images by a name prefix and public visibility (ExosphereCloudConfig
    // featuredImageNamePrefix; Helpers.isImageFeatured); the CLI's default image
    private CompletableFuture<Image> featuredImage() {
        String prefix = ctx.settings
                .cloudConfig()
                .flatMap(app.exosphere.core.config.ExosphereCloudConfig::featuredPrefix)
                .orElse("Featured-");
        return ctx.os
                .image()
                .list(ImageListOptions.builder()
                        .status("active")
                        .visibility("public")
                        .build())
                .all()
                .executeAsync()
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

    private CompletableFuture<Network> resolveNetwork(String projectId, String projectName) {
        if (req.network().isPresent()) {
            String wanted = req.network().get();
            if (Instances.looksLikeId(wanted)) {
                // an id needs no look-up: Nova refuses an unknown one with its own 400
                return CompletableFuture.completedFuture(
                        Network.builder().id(wanted).name(wanted).build());
            }
            // only that network, by name; list all only to explain a miss
            return ctx.os
                    .network()
                    .networks()
                    .list(Map.of("name", wanted))
                    .all()
                    .executeAsync()
                    .thenCompose(nets -> nets.stream()
                            .filter(n -> n.id().equals(wanted) || n.name().equals(wanted))
                            .findFirst()
                            .map(CompletableFuture::completedFuture)
                            .orElseGet(() -> ctx.os
                                    .network()
                                    .networks()
                                    .list()
                                    .all()
                                    .executeAsync()
                                    .thenApply(all -> all.stream()
                                            .filter(n -> n.id().equals(wanted)
                                                    || n.name().equals(wanted))
                                            .findFirst()
                                            .orElseThrow(() -> new InvalidLaunchRequestException("No network \""
                                                    + wanted + "\" is visible to the project; "
                                                    + NetworkChoice.noChoiceMessage(all))))));
        }
        // Exosphere's `Rest.Neutron.requestAutoAllocatedNetwork` and `Helpers.newServerNetworkOptions`: auto-allocated
        // topology first, networks listed alongside
        CompletableFuture<Optional<String>> auto = ctx.os
                .network()
                .autoAllocatedTopology(projectId)
                .executeAsync()
                .thenApply(t -> Optional.of(t.id()))
                .exceptionally(e -> {
                    LOG.debug("auto-allocated topology unavailable: {}", e.getMessage());
                    return Optional.empty();
                });
        CompletableFuture<List<Network>> nets =
                ctx.os.network().networks().list().all().executeAsync();
        return auto.thenCombine(nets, (autoId, all) -> {
            if (autoId.isPresent()) {
                return all.stream()
                        .filter(n -> n.id().equals(autoId.get()))
                        .findFirst()
                        .orElseGet(() -> Network.builder()
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
                ctx.settings.securityGroupFor(ctx.os.region().orElse(null));
        String name = req.securityGroup().orElse(template.name());
        boolean isTemplate = name.equals(template.name());
        return ctx.os
                .network()
                .securityGroups()
                .list(Map.of("name", name))
                .all()
                .executeAsync()
                .thenCompose(groups -> {
                    Optional<SecurityGroup> existing =
                            groups.stream().filter(g -> g.name().equals(name)).findFirst();
                    if (existing.isEmpty() && !isTemplate) {
                        throw new InvalidLaunchRequestException("Security group \"" + name
                                + "\" does not exist in the project; create it or omit securityGroup");
                    }
                    if (!isTemplate) {
                        return CompletableFuture.completedFuture(name);
                    }
                    // Exosphere's `Rest.Neutron.requestCreateDefaultSecurityGroup`: create when missing, then reconcile
                    // the rules
                    CompletableFuture<SecurityGroup> group = existing.map(CompletableFuture::completedFuture)
                            .orElseGet(() -> ctx.os
                                    .network()
                                    .securityGroups()
                                    .create(name, template.description() == null ? "" : template.description())
                                    .executeAsync()
                                    .thenCompose(this::tagCreator));
                    return group.thenCompose(g -> reconcile(template, g)).thenApply(v -> name);
                });
    }

    /**
     * Exosphere tags every group it creates with {@code exo:creatorUsername::<user>} right after creating it
     * ({@code State.State} after {@code Rest.Neutron.requestCreateSecurityGroup}). A cloud without Neutron
     * tags refuses it: the group is still used, with a WARN line and an event saying the tag is missing.
     */
    private CompletableFuture<SecurityGroup> tagCreator(SecurityGroup group) {
        String user = token.user().name();
        if (user == null || user.isBlank()) {
            String reason = "Security group " + group.name() + " (" + group.id() + ") created without the "
                    + SecurityGroupTags.CREATOR_PREFIX + " tag: the token names no user";
            LOG.warn("launch {}: {}", req.launchId(), reason);
            ctx.milestone("SECURITY_GROUP_UNTAGGED", null, req.launchId().value(), reason);
            return CompletableFuture.completedFuture(group);
        }
        return ctx.os
                .network()
                .securityGroups()
                .addTag(group.id(), SecurityGroupTags.creatorTag(user))
                .executeAsync()
                .handle((v, err) -> {
                    if (err != null) {
                        String reason = "Security group " + group.name() + " (" + group.id() + ") created without the "
                                + SecurityGroupTags.CREATOR_PREFIX + " tag: "
                                + ExactlyOnceCreate.unwrap(err).getMessage();
                        LOG.warn("launch {}: {}", req.launchId(), reason);
                        ctx.milestone(
                                "SECURITY_GROUP_UNTAGGED", null, req.launchId().value(), reason);
                    }
                    return group;
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
                .map(id -> tolerating(
                        ctx.os.network().securityGroups().deleteRule(id).executeAsync(), NotFoundException.class))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(deletes)
                .thenCompose(v -> CompletableFuture.allOf(plan.toCreate().stream()
                        .map(r -> tolerating(
                                ctx.os
                                        .network()
                                        .securityGroups()
                                        .createRule(SecurityGroupTemplates.toCreateRequest(r, group.id()))
                                        .executeAsync(),
                                ConflictException.class))
                        .toArray(CompletableFuture[]::new)));
    }

    private static <T> CompletableFuture<T> tolerating(CompletableFuture<T> call, Class<? extends Throwable> expected) {
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
        return ctx.os
                .compute()
                .keypairs()
                .get(k.name())
                .executeAsync()
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
                        return ctx.os
                                .compute()
                                .keypairs()
                                .importKey(k.name(), k.publicKey().get())
                                .executeAsync()
                                .thenApply(kp -> Optional.of(k.name()));
                    }
                    if (cause instanceof NotFoundException) {
                        throw new InvalidLaunchRequestException(
                                "Keypair \"" + k.name() + "\" does not exist; import it with KeypairChoice.importKey");
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
        List<Flavor> allowed = InstanceTypeImages.allowedFlavors(req.image().restrictFlavorIds(), flavors, Flavor::id);
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

    /** Whether the instance deploys Guacamole: as asked, or by default where the cloud has a UAP. */
    private boolean deploysGuacamole() {
        return req.guacamole().orElseGet(() -> ctx.uapHostname().isPresent());
    }

    private String userData() {
        boolean guac = deploysGuacamole();
        if (req.guacamole().isEmpty() && !guac) {
            // nothing silent: the watch reports it as a Progress event too, and the interaction reason says why
            String reason = "Guacamole (web shell and desktop) is not deployed: no User Application Proxy is known"
                    + " for this cloud and region; give the cloud's entry with Exosphere.builder().cloudConfigs(...)"
                    + " or ExosphereSettings.uapHostname(...), or set LaunchRequest.guacamole(false) to launch"
                    + " without it";
            LOG.warn(
                    "launch {} on {} region {}: {}",
                    req.launchId(),
                    ctx.os.authUrl(),
                    ctx.os.region().orElse("(none)"),
                    reason);
            ctx.milestone("GUACAMOLE_SKIPPED", null, req.launchId().value(), reason);
        }
        var ud = UserDataOptions.builder()
                .guacamole(guac)
                .desktop(req.desktop())
                .installOsUpdates(req.installOsUpdates())
                .addAllSshPublicKeys(req.sshPublicKeys())
                .addAllExtraCloudConfig(req.extraCloudConfig())
                .addAllExtraCloudConfig(req.mountShares().stream()
                        .map(app.exosphere.core.rules.ShareMount::cloudConfig)
                        .toList())
                .addAllExtraShellParts(req.extraShellParts());
        ctx.settings.configManagementRepository().ifPresent(ud::configManagementRepository);
        ctx.settings.configManagementCheckout().ifPresent(ud::configManagementCheckout);
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
        boolean guac = deploysGuacamole();
        ExosphereMetadata md = ExosphereMetadata.builder()
                .clientUuid(ctx.settings.clientUuid())
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
