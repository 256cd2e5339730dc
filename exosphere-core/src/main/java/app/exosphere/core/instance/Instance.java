package app.exosphere.core.instance;

import app.exosphere.cloudinit.console.ResourceUsageHistory;
import app.exosphere.cloudinit.console.SetupState;
import app.exosphere.cloudinit.console.SetupStatus;
import app.exosphere.cloudinit.console.VolumeMountpoint;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.auth.SecretUrl;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.compute.InstanceAction;
import app.exosphere.core.compute.RebootType;
import app.exosphere.core.compute.RemoteConsole;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerAction;
import app.exosphere.core.compute.ServerActionApi;
import app.exosphere.core.compute.ServerAddress;
import app.exosphere.core.compute.ServerUpdate;
import app.exosphere.core.compute.VolumeAttachment;
import app.exosphere.core.config.FlavorGroup;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.http.Call;
import app.exosphere.core.http.Microversion;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.network.FixedIp;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.network.Port;
import app.exosphere.core.network.PortListOptions;
import app.exosphere.core.rules.ConsoleLogView;
import app.exosphere.core.rules.DefaultSshUser;
import app.exosphere.core.rules.ExosphereMetadata;
import app.exosphere.core.rules.FlavorGroups;
import app.exosphere.core.rules.FloatingIpChoice;
import app.exosphere.core.rules.FloatingIpDecision;
import app.exosphere.core.rules.Hostname;
import app.exosphere.core.rules.InteractionContext;
import app.exosphere.core.rules.Interactions;
import app.exosphere.core.rules.RecentServerEvent;
import app.exosphere.core.rules.ServerName;
import app.exosphere.core.rules.ServerOrigin;
import app.exosphere.core.rules.ServerUiStatus;
import app.exosphere.core.volume.Volume;
import app.exosphere.workflow.WorkflowConsole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server seen through Exosphere's eyes — launched by the SDK, by the Exosphere web app, or by anything
 * else: its UI status, interactions (web shell, desktop, SSH, console, workflow) with exact reasons,
 * lifecycle actions (with the precondition table and flavor-group restrictions), volumes, resource usage.
 * Holds the last server snapshot; {@link #refresh()} fetches a new handle with a fresh one. Thread-safe.
 *
 * <p>Plain accessors ({@link #id()}, {@link #uiStatus()}, {@link #passphrase()}, …) read the snapshot and
 * never send a request. Everything that talks to the cloud is an operation returning a {@link Call}, named
 * as such ({@code fetch…}, {@code create…}, or the action's verb): nothing is sent until {@code execute()}
 * (blocking) or {@code executeAsync()}.
 *
 * <pre>{@code
 * Instance vm = exosphere.instances().get(serverId).execute();
 * vm.uiStatus().display();                                          // "Running Setup"
 * vm.fetchInteractions().execute().status(Interaction.WEB_SHELL).value(); // the web shell URL once ready
 * vm.reboot().execute();
 * }</pre>
 */
public final class Instance {

    private static final Logger LOG = LoggerFactory.getLogger(Instance.class);

    private final EngineContext ctx;
    private final Server server;
    private final ServerOrigin origin;

    Instance(EngineContext ctx, Server server) {
        this.ctx = ctx;
        this.server = server;
        this.origin = ServerOrigin.of(server);
    }

    /** The shared state this handle belongs to (for the operations of this package). */
    EngineContext context() {
        return ctx;
    }

    /** The server id. */
    public String id() {
        return server.id();
    }

    /** The server name. */
    public String name() {
        return server.name();
    }

    /** The last fetched server. */
    public Server server() {
        return server;
    }

    /** Its Exosphere markers. */
    public ServerOrigin origin() {
        return origin;
    }

    /** Fetches the server again: a new handle with a fresh snapshot. */
    public Call<Instance> refresh() {
        return Operation.fromAsync(
                () -> ctx.os.compute().servers().get(id()).executeAsync().thenApply(s -> new Instance(ctx, s)));
    }

    /** The setup status recorded on the server (Exosphere's {@code ExoSetupStatus.encodeMetadataItem}). */
    public SetupStatus setupStatus() {
        return origin.setupStatus();
    }

    /** Exosphere's UI status ({@code View.Helpers.getServerUiStatus}), from the last snapshot. */
    public ServerUiStatus uiStatus() {
        SetupState setup = origin.fromExosphere() ? origin.setupStatus().state() : null;
        return ServerUiStatus.of(server.status().raw(), null, false, origin, setup);
    }

    /**
     * The exouser passphrase: recorded on the server ({@code exoPw:} tag / legacy metadata) or kept in
     * memory by this SDK, as a {@link Secret} that prints masked.
     */
    public Optional<Secret> passphrase() {
        return origin.passphrase()
                .or(() -> Optional.ofNullable(ctx.memoryPassphrases.get(id())).map(Secret::of));
    }

    // ------------------------------------------------------------------ addresses

    /** Fetches the server's Neutron ports ({@code device_id} = server id). */
    public Call<List<Port>> fetchPorts() {
        return Operation.fromAsync(() -> ports().all().executeAsync());
    }

    private Paginator<Port> ports() {
        return ctx.os
                .network()
                .ports()
                .list(PortListOptions.builder().deviceId(id()).build());
    }

    /** Fetches the floating IPs bound to the server's ports (one request for the ports, one per port). */
    public Call<List<FloatingIp>> fetchFloatingIps() {
        return ctx.operation(() -> {
            List<FloatingIp> out = new ArrayList<>();
            for (Port p : ports().toList()) {
                out.addAll(ctx.os.network().floatingIps().listByPort(p.id()).toList());
            }
            return List.copyOf(out);
        });
    }

    /**
     * Fetches the DNS hostnames of the server's floating IPs: the names (without the trailing {@code .}) of
     * the Designate record sets holding one of them, as the web app's instance page shows them
     * ({@code GetterSetters.getServerDnsRecordSets}). Empty when it has none or no floating IP; fails with
     * {@code EndpointNotFoundException} when the cloud has no {@code dns} service.
     */
    public Call<List<String>> fetchHostnames() {
        return new Hostnames(ctx).of(this);
    }

    /** Fetches the server's first hostname ({@link #fetchHostnames()}), when one exists. */
    public Call<Optional<String>> fetchHostname() {
        Call<List<String>> all = fetchHostnames();
        return ctx.operation(() -> all.execute().stream().findFirst());
    }

    // ------------------------------------------------------------------ interactions

    /**
     * Fetches the context the interaction rules see: ports and floating IPs, UAP, passphrase,
     * Guacamole token (logging in through the UAP when everything is there), console URL, recent events,
     * the workflow token from the console log.
     */
    public Call<InteractionContext> fetchInteractionContext() {
        return ctx.operation(this::interactionContext);
    }

    private InteractionContext interactionContext() {
        String status = server.status().raw();
        boolean active = status.equalsIgnoreCase("ACTIVE") || status.equalsIgnoreCase("VERIFY_RESIZE");
        List<Port> ports = active ? ports().toList() : List.of();
        List<String> fixed = new ArrayList<>();
        Optional<String> fip = Optional.empty();
        for (Port p : ports) {
            p.fixedIps().stream()
                    .map(FixedIp::ipAddress)
                    .flatMap(Optional::stream)
                    .forEach(fixed::add);
            if (fip.isEmpty()) {
                fip = ctx.os.network().floatingIps().listByPort(p.id()).stream()
                        .map(FloatingIp::floatingIpAddress)
                        .findFirst();
            }
        }
        if (ports.isEmpty()) {
            server.allAddresses().stream()
                    .filter(a -> !a.isFloating())
                    .map(ServerAddress::address)
                    .forEach(fixed::add);
            fip = server.allAddresses().stream()
                    .filter(ServerAddress::isFloating)
                    .map(ServerAddress::address)
                    .findFirst();
        }
        Optional<String> uap = ctx.uapHostname();
        Optional<Secret> passphrase = passphrase();
        InteractionContext.Builder b = InteractionContext.builder()
                .serverId(id())
                .novaStatus(status)
                .origin(origin)
                .projectId(server.projectId())
                .regionId(ctx.os.region())
                .floatingIp(fip)
                .fixedIps(fixed)
                .uapHostname(uap)
                .passphraseKnown(passphrase.isPresent())
                .workflowsEnabled(ctx.settings.workflowsEnabled());
        if (!active) {
            return b.build();
        }
        Instant created = server.createdAt().orElse(Instant.EPOCH);
        if (fip.isEmpty()) {
            FloatingIpChoice.Kind wanted = origin.floatingIp().kind();
            boolean asked = wanted != FloatingIpChoice.Kind.NONE
                    && !(wanted == FloatingIpChoice.Kind.AUTOMATIC
                            && fixed.stream().anyMatch(FloatingIpDecision::isPublicIpv4));
            boolean inWindow = ctx.clock.instant().isBefore(created.plus(ProjectWatcher.FLOATING_IP_WINDOW));
            b.floatingIpMayStillCome(asked && inWindow);
        }
        List<InstanceAction> actions = safe(
                () -> ctx.os.compute().servers().instanceActions(id()).list().toList(), List.of());
        b.recentEvent(RecentServerEvent.isRecent(actions, created, ctx.clock.instant()));
        // Guacamole token (Exosphere's `GoalServer.stepServerGuacamoleAuth`): only for Exosphere servers launched with
        // Guacamole
        if (origin.fromExosphere()
                && origin.guacamole().isPresent()
                && uap.isPresent()
                && fip.isPresent()
                && passphrase.isPresent()) {
            try {
                b.guacamoleToken(ctx.guacamole
                        .token(uap.get(), fip.get(), passphrase.get())
                        .execute());
            } catch (RuntimeException e) {
                GuacamoleAuth.State st = ctx.guacamole.state(uap.get(), fip.get());
                b.guacamoleTokenError(st.error().orElse(e.getClass().getSimpleName()));
            }
        }
        // console URL: noVNC, else SPICE (Exosphere's `Interaction.interactionStatus`, Console)
        try {
            b.consoleUrl(consoleUrl());
        } catch (OpenStackException e) {
            b.consoleUrlError(e.getMessage());
        }
        if (origin.workflow().isPresent()) {
            try {
                WorkflowConsole wc = WorkflowConsole.scan(
                        ctx.os.compute().servers().consoleOutput(id(), null).execute());
                b.workflowToken(wc.token().map(t -> Secret.of(t.reveal())));
            } catch (OpenStackException e) {
                b.consoleLogError(e.getMessage());
            }
        }
        if (!origin.fromExosphere()) {
            b.defaultSshUser(imageUser());
        }
        return b.build();
    }

    private Optional<String> imageUser() {
        return safe(
                () -> {
                    return DefaultSshUser.forImage(ctx.os
                            .image()
                            .get(server.image().id().orElseThrow())
                            .execute());
                },
                Optional.empty());
    }

    /**
     * Fetches every interaction with its status, per Exosphere's rules ({@code Interaction.interactionStatus}): gathers
     * the {@linkplain #fetchInteractionContext() context} (2–8 requests) and applies the rules.
     */
    public Call<Interactions> fetchInteractions() {
        return ctx.operation(() -> Interactions.of(interactionContext()));
    }

    /**
     * Creates a Nova remote console and returns its URL (noVNC, else SPICE); it embeds the console token,
     * so it prints masked ({@link SecretUrl#toUriString()} is the link).
     */
    public Call<SecretUrl> createConsoleUrl() {
        return ctx.operation(this::consoleUrl);
    }

    private SecretUrl consoleUrl() {
        try {
            return ctx.os
                    .compute()
                    .servers()
                    .remoteConsoles(id())
                    .create(RemoteConsole.Protocol.VNC)
                    .execute()
                    .url();
        } catch (OpenStackException vncFailed) {
            return ctx.os
                    .compute()
                    .servers()
                    .remoteConsoles(id())
                    .create(RemoteConsole.Protocol.SPICE)
                    .execute()
                    .url();
        }
    }

    /** Fetches the console log; {@code lines} null = the whole log (Exosphere's page shows 200 lines). */
    public Call<String> fetchConsoleLog(Integer lines) {
        return Operation.fromAsync(
                () -> ctx.os.compute().servers().consoleOutput(id(), lines).executeAsync());
    }

    /**
     * Fetches the console log with one of the web app's console-page lengths (Exosphere's {@code
     * Page.ServerConsoleLog}: 50, 200 by default, 500, 1000 lines, or all): {@code
     * {"os-getConsoleOutput":{"length":N}}}, or {@code {"os-getConsoleOutput":{}}} for {@link
     * ConsoleLogView.Length#ALL}. Show it with {@link ConsoleLogView#display}.
     */
    public Call<String> fetchConsoleLog(ConsoleLogView.Length length) {
        Objects.requireNonNull(length, "length (ConsoleLogView.Length.DEFAULT is the web app's 200 lines)");
        return fetchConsoleLog(length.lines().orElse(null));
    }

    /**
     * Fetches the whole console log and parses the resource usage (CPU, RAM, root disk, GPUs) the instance
     * writes there (Exosphere's {@code ServerResourceUsage.parseConsoleLog}).
     */
    public Call<ResourceUsageHistory> fetchResourceUsage() {
        return Operation.fromAsync(() -> ctx.os
                .compute()
                .servers()
                .consoleOutput(id(), null)
                .executeAsync()
                .thenApply(log -> ResourceUsageHistory.empty().merge(log)));
    }

    // ------------------------------------------------------------------ watch

    /** Starts following the instance to ready (see {@link InstanceWatch}). */
    public InstanceWatch watch() {
        return InstanceWatch.start(ctx, this, null);
    }

    /** Like {@link #watch()} with a listener registered before the first poll. */
    public InstanceWatch watch(Consumer<Progress> listener) {
        return InstanceWatch.start(ctx, this, listener);
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Fetches the flavor group of the server's flavor, per the settings (looks the flavor up, once per
     * flavor, when the snapshot carries only its id).
     */
    public Call<Optional<FlavorGroup>> fetchFlavorGroup() {
        return ctx.operation(this::flavorGroup);
    }

    private Optional<FlavorGroup> flavorGroup() {
        Optional<String> flavorId = server.flavor().flatMap(f -> f.id());
        Optional<String> flavorName = server.flavor().flatMap(f -> f.originalName());
        if (flavorName.isEmpty() && flavorId.isPresent()) {
            flavorName = Optional.ofNullable(safe(
                            () -> ctx.flavorCache.computeIfAbsent(
                                    flavorId.get(),
                                    id -> ctx.os.compute().flavors().get(id).execute()),
                            (Flavor) null))
                    .map(Flavor::name);
        }
        return flavorName.flatMap(n -> FlavorGroups.groupOf(ctx.settings.flavorGroupsInEffect(), n));
    }

    /**
     * Checks whether an action is allowed now: the status and lock precondition of the snapshot, and the
     * flavor group (which may need the flavor looked up, see {@link #fetchFlavorGroup()}).
     */
    public Call<Boolean> checkAllowed(ServerAction action) {
        return ctx.operation(() -> action.isAllowedFor(server) && !disallowedByGroup(action));
    }

    private boolean disallowedByGroup(ServerAction action) {
        return flavorGroup()
                .map(g -> FlavorGroups.disallows(g.disallowedActions(), action.displayName(), action.apiKey()))
                .orElse(false);
    }

    /**
     * One lifecycle action: the flavor-group check, then the request. Failing the check fails the call
     * with {@link ActionDisallowedException} and sends nothing.
     */
    private <T> Call<T> action(ServerAction action, Function<ServerActionApi, CompletableFuture<T>> send) {
        return Operation.fromAsync(() -> send.apply(actions(action)));
    }

    /** The actions of this server after the flavor-group check (for the operations next to it). */
    ServerActionApi actionsChecked(ServerAction action) {
        return actions(action);
    }

    private ServerActionApi actions(ServerAction action) {
        Optional<FlavorGroup> group = flavorGroup();
        if (group.isPresent()
                && FlavorGroups.disallows(group.get().disallowedActions(), action.displayName(), action.apiKey())) {
            throw new ActionDisallowedException(action, server, group.get().title());
        }
        return ctx.os.compute().servers().actions(server);
    }

    /** Starts a stopped server. */
    public Call<Void> start() {
        return action(ServerAction.START, a -> a.start().executeAsync());
    }

    /** Stops (powers off) the server. */
    public Call<Void> stop() {
        return action(ServerAction.STOP, a -> a.stop().executeAsync());
    }

    /** Soft-reboots the server. */
    public Call<Void> reboot() {
        return action(ServerAction.REBOOT, a -> a.reboot(RebootType.SOFT).executeAsync());
    }

    /** Shelves the server (frees its compute resources). */
    public Call<Void> shelve() {
        return action(ServerAction.SHELVE, a -> a.shelve().executeAsync());
    }

    /**
     * Shelves the server and, with {@code releaseFloatingIps}, then releases what {@link #delete(boolean,
     * Duration)} releases: the DNS record sets holding the floating IPs the SDK created for it, then those
     * floating IPs (the web app's shelve option to delete the floating IPs and their DNS records). The
     * flavor-group and status checks come first, and the release only after Nova accepted the shelve, so a
     * refused shelve releases nothing. Idempotent (a record set or floating IP already gone counts as
     * released); a release that fails is a WARN line and the server stays shelved.
     *
     * <p>{@link #unshelve()} gives the server a floating IP again, as the web app does.
     */
    public Call<Void> shelve(boolean releaseFloatingIps) {
        if (!releaseFloatingIps) {
            return shelve();
        }
        return ctx.operation(() -> {
            actions(ServerAction.SHELVE).shelve().execute();
            String launchId = origin.launchId().orElse(null);
            LaunchLog.info(id(), launchId, "server {} shelved; releasing the floating IPs the SDK created", id());
            releaseCreatedFloatingIps(launchId, "the server is shelved");
            return null;
        });
    }

    /**
     * Unshelves the server the web app's way ({@code State.requestServerAction}, {@code Unshelve}) and returns
     * the {@linkplain #watch() watch} that follows it back to {@link Progress.State#READY}: once the server
     * is ACTIVE again, the floating-IP intent is read again from its metadata ({@code exoFloatingIpOption},
     * as at launch) and, when it asks for a floating IP and the server has none (shelved with {@link
     * #shelve(boolean) shelve(true)}), one is created exactly once (or the chosen existing one assigned
     * again), with its DNS hostname when {@link ExosphereSettings#automaticHostnames()} is on — whatever the
     * server's age (the launch's 5-minute window does not apply). A floating IP kept through the shelve is
     * kept. The flavor-group check comes first; nothing stays armed when Nova refused the unshelve. When its
     * answer is lost (the call fails with a {@code ConnectionException}, Nova may be unshelving the server),
     * the step stays armed and the next {@link #watch()} of the server runs it.
     *
     * <p>Never silent: no floating IP because the intent asks for none (or none is recorded), a fixed IP is
     * public, or the server has no port, is a {@link Progress.State#SKIPPED} event with the reason and one
     * WARN line; a floating IP that cannot be created is a SKIPPED event and fails the watch with {@link
     * InstanceFailedException}. The watch runs (and stops at READY) whether or not the caller waits on it;
     * register a listener with {@link #unshelve(Consumer)} to see every event. Another watch of the server
     * started afterwards does not create a second floating IP.
     *
     * <pre>{@code
     * InstanceWatch back = instance.unshelve(p -> log.info("{}: {}", p.state(), p.message())).execute();
     * Instance active = back.awaitReady(Duration.ofMinutes(15)); // ACTIVE again, its floating IP back
     * }</pre>
     */
    public Call<InstanceWatch> unshelve() {
        return unshelve(null);
    }

    /** Like {@link #unshelve()}, with a listener registered on the watch before its first poll. */
    public Call<InstanceWatch> unshelve(Consumer<Progress> listener) {
        return ctx.operation(() -> {
            ServerActionApi actions = actions(ServerAction.UNSHELVE); // the flavor-group check before arming
            UnshelvedFloatingIp.armAround(ctx, this, () -> actions.unshelve().execute());
            return InstanceWatch.start(ctx, this, listener);
        });
    }

    /** Suspends the server. */
    public Call<Void> suspend() {
        return action(ServerAction.SUSPEND, a -> a.suspend().executeAsync());
    }

    /** Resumes a suspended server. */
    public Call<Void> resume() {
        return action(ServerAction.RESUME, a -> a.resume().executeAsync());
    }

    /** Pauses the server. */
    public Call<Void> pause() {
        return action(ServerAction.PAUSE, a -> a.pause().executeAsync());
    }

    /** Unpauses the server. */
    public Call<Void> unpause() {
        return action(ServerAction.UNPAUSE, a -> a.unpause().executeAsync());
    }

    /** Locks the server. */
    public Call<Void> lock() {
        return action(ServerAction.LOCK, a -> a.lock().executeAsync());
    }

    /** Unlocks the server. */
    public Call<Void> unlock() {
        return action(ServerAction.UNLOCK, a -> a.unlock().executeAsync());
    }

    /** Resizes to another flavor (then confirm or revert). */
    public Call<Void> resize(String flavorId) {
        return action(ServerAction.RESIZE, a -> a.resize(flavorId).executeAsync());
    }

    /** Confirms a resize. */
    public Call<Void> confirmResize() {
        return action(ServerAction.CONFIRM_RESIZE, a -> a.confirmResize().executeAsync());
    }

    /** Reverts a resize. */
    public Call<Void> revertResize() {
        return action(ServerAction.REVERT_RESIZE, a -> a.revertResize().executeAsync());
    }

    /** Rebuilds from an image, keeping the name. */
    public Call<Void> rebuild(String imageId) {
        return action(
                ServerAction.REBUILD,
                a -> a.rebuild(imageId, null).executeAsync().thenApply(s -> null));
    }

    /**
     * Creates an image of the server, marked {@code from-exosphere} like Exosphere, exactly once; returns
     * its id (see {@link Images#createFrom(Instance, String)}).
     */
    public Call<String> createImage(String imageName) {
        Call<app.exosphere.core.image.Image> create = new Images(ctx).createFrom(this, imageName);
        return ctx.operation(() -> create.execute().id());
    }

    /**
     * Renames the server the web app's way ({@code Rest.Nova.requestSetServerName}, {@code
     * requestSetServerHostName}, DNS records recreated on rename): {@code PUT /servers/{id}} {@code
     * {"server":{"name":…}}}; then, when the compute API reaches 2.90, {@code {"server":{"hostname":…}}}
     * with the sanitised new name ({@code Helpers.sanitizeHostname}); then the DNS hostnames: the {@code A}
     * record sets {@code <sanitised old name>.<zone>} holding the server's floating IPs are deleted
     * (idempotent) and {@code <sanitised new name>.<zone>} is created for those floating IPs, exactly once,
     * in the zone the web app chooses ({@link Hostnames}).
     *
     * <p>An invalid name is refused here, before any call is built. The new hostname is created only with
     * {@link ExosphereSettings#automaticHostnames()} on, and only for floating IPs that lost a record of the
     * old name or had none; stale records of the old name are deleted either way (they would point a name
     * the instance no longer has at its address). A name that sanitises to the same hostname keeps its
     * records. Everything after the name change is best effort and never silent: what was not done is in
     * {@link RenameOutcome#skipped()}, each a WARN line; a cloud without DNS, or below compute 2.90, skips
     * that part with a DEBUG line. The call fails only when the name itself could not be changed.
     */
    public Call<RenameOutcome> rename(String newName) {
        ServerName.requireValid(newName);
        return ctx.operation(() -> renameNow(newName));
    }

    private RenameOutcome renameNow(String newName) {
        String launchId = origin.launchId().orElse(null);
        ctx.os.compute().servers().rename(id(), newName).execute();
        LaunchLog.info(id(), launchId, "server {} renamed from \"{}\" to \"{}\"", id(), name(), newName);
        List<String> skipped = new ArrayList<>();
        Optional<String> newHostname = Hostname.sanitize(newName);
        Optional<String> novaHostname = Optional.empty();
        if (newHostname.isPresent()) {
            novaHostname = setNovaHostname(newHostname.get(), launchId, skipped);
        }
        AutomaticHostnames.Renamed dns = AutomaticHostnames.afterRename(this, newName, launchId, skipped);
        return new RenameOutcome(id(), newName, novaHostname, dns.deleted(), dns.created(), skipped);
    }

    /** {@code PUT /servers/{id}} {@code {"server":{"hostname":…}}} at 2.90, when the cloud allows it. */
    private Optional<String> setNovaHostname(String hostname, String launchId, List<String> skipped) {
        Microversion max;
        try {
            max = ctx.os.compute().transport().negotiatedMicroversion();
        } catch (OpenStackException e) {
            LOG.debug(
                    "server {}: compute microversions unknown ({}); Nova's hostname is left as it is",
                    id(),
                    e.getMessage());
            return Optional.empty();
        }
        if (!max.isAtLeast(HOSTNAME_MICROVERSION)) {
            LOG.debug(
                    "server {}: compute API stops at {} (< {}); Nova's hostname is left as it is",
                    id(),
                    max,
                    HOSTNAME_MICROVERSION);
            return Optional.empty();
        }
        try {
            ctx.os
                    .compute()
                    .servers()
                    .update(id(), ServerUpdate.builder().hostname(hostname).build())
                    .execute();
            return Optional.of(hostname);
        } catch (OpenStackException e) {
            String why = "Nova's hostname was not set to " + hostname + " (" + e.getMessage() + ")";
            LaunchLog.warn(id(), launchId, "server {}: {}", id(), why);
            skipped.add(why);
            return Optional.empty();
        }
    }

    private static final Microversion HOSTNAME_MICROVERSION = Microversion.of(2, 90);

    /**
     * Deletes the server. With {@code releaseFloatingIps}, first deletes the floating IPs the SDK created
     * for it (an existing IP the launch reused, or one attached by hand, is kept), and before them the DNS
     * record sets holding them, as the web app does (one more request to list the record sets, on a cloud
     * with Designate); with {@code waitFor}
     * non-null, waits (on the injected clock) until Nova no longer knows it.
     *
     * <p>Idempotent and safe from two replicas: a floating IP or server already gone (404, e.g. on the
     * transport's retry after a lost answer, or because another replica deleted it) counts as deleted; a
     * floating IP that cannot be released is logged at WARN and the server is deleted anyway. When the SDK
     * knows the floating IP it created (it attached it in this process), this is one request per floating
     * IP plus one for the server (plus the polls); otherwise one more to find them by their description.
     *
     * <p>The blocking form runs on the caller's thread; the asynchronous form runs the same steps on
     * the HTTP client's dispatcher pool.
     *
     * <p>The call fails with {@link InstanceFailedException} when the server still exists after
     * {@code waitFor}, and with {@link ActionDisallowedException} when the flavor group or the server's
     * state forbids deleting it.
     */
    public Call<Void> delete(boolean releaseFloatingIps, Duration waitFor) {
        return ctx.operation(() -> {
            deleteNow(releaseFloatingIps, waitFor);
            return null;
        });
    }

    private void deleteNow(boolean releaseFloatingIps, Duration waitFor) {
        if (!ctx.settings.flavorGroupsInEffect().isEmpty()) {
            Optional<FlavorGroup> group = flavorGroup();
            if (group.isPresent()
                    && FlavorGroups.disallows(
                            group.get().disallowedActions(),
                            ServerAction.DELETE.displayName(),
                            ServerAction.DELETE.apiKey())) {
                throw new ActionDisallowedException(
                        ServerAction.DELETE, server, group.get().title());
            }
        }
        ServerAction.DELETE.check(server);
        String launchId = origin.launchId().orElse(null);
        if (releaseFloatingIps) {
            releaseCreatedFloatingIps(launchId, "deleting the server anyway");
        }
        try {
            ctx.os.compute().servers().delete(id()).execute();
            LaunchLog.info(id(), launchId, "server {} deleted", id());
        } catch (NotFoundException gone) {
            LaunchLog.info(id(), launchId, "server {} was already deleted", id());
        }
        if (waitFor == null) {
            return;
        }
        Instant deadline = ctx.clock.instant().plus(waitFor);
        Duration step = ctx.settings.fastPollInterval();
        while (true) {
            try {
                Server s = ctx.os.compute().servers().get(id()).execute();
                if (s.status().raw().equalsIgnoreCase("DELETED")) {
                    return;
                }
            } catch (NotFoundException gone) {
                return;
            }
            if (!ctx.clock.instant().isBefore(deadline)) {
                throw new InstanceFailedException(
                        id(), "Server still exists " + waitFor.toSeconds() + " s after delete", true);
            }
            Instances.join(ctx.timer.delay(step));
        }
    }

    /** Releases the floating IPs the SDK created and their hostnames; {@code anyway} ends a WARN line. */
    private void releaseCreatedFloatingIps(String launchId, String anyway) {
        String createdByUs = createdFloatingIpDescription(id());
        Map<String, String> addresses = new LinkedHashMap<>(); // id -> address, null when not known here
        String known = ctx.createdFloatingIps.get(id());
        if (known != null) {
            addresses.put(known, null);
        } else {
            try {
                ctx.os.network().floatingIps().list(Map.of("description", createdByUs)).stream()
                        .filter(f -> f.description().filter(createdByUs::equals).isPresent())
                        .forEach(f -> addresses.put(f.id(), f.floatingIpAddress()));
            } catch (OpenStackException e) {
                LaunchLog.warn(
                        id(),
                        launchId,
                        "server {}: could not look up the floating IPs the SDK created ({}); {}, release them by"
                                + " hand (description \"{}\")",
                        id(),
                        e.getMessage(),
                        anyway,
                        createdByUs);
                return;
            }
        }
        // Exosphere deletes a floating IP's DNS record sets with it
        AutomaticHostnames.beforeRelease(ctx, id(), launchId, addresses);
        for (String fipId : addresses.keySet()) {
            try {
                deleteFloatingIp(fipId);
            } catch (OpenStackException e) {
                LaunchLog.warn(
                        id(),
                        launchId,
                        "server {}: releasing floating IP {} failed ({}); {}",
                        id(),
                        fipId,
                        e.getMessage(),
                        anyway);
            }
        }
        ctx.createdFloatingIps.remove(id());
    }

    /** DELETE is idempotent: 404 means done, an ambiguous failure is retried once. */
    private void deleteFloatingIp(String fipId) {
        for (int attempt = 1; ; attempt++) {
            try {
                ctx.os.network().floatingIps().delete(fipId).execute();
                return;
            } catch (NotFoundException gone) {
                return; // already released (a retried DELETE whose first answer was lost, or another replica)
            } catch (OpenStackException e) {
                if (attempt >= 2 || !ExactlyOnceCreate.ambiguous(e)) {
                    throw e;
                }
            }
        }
    }

    // ------------------------------------------------------------------ volumes

    /**
     * Fetches the volumes attached to the server, with the mountpoints the web app displays ({@link
     * #mountpoint}): one request for the attachments, one per volume for its name.
     */
    public Call<Map<VolumeAttachment, Optional<String>>> fetchVolumes() {
        return ctx.operation(this::volumes);
    }

    private Map<VolumeAttachment, Optional<String>> volumes() {
        Map<VolumeAttachment, Optional<String>> out = new LinkedHashMap<>();
        for (VolumeAttachment a :
                ctx.os.compute().servers().volumeAttachments(id()).list().execute()) {
            // no name (or a failed lookup): the web app shows "Could not determine"
            String volumeName = safe(
                    () -> ctx.os
                            .volume()
                            .volumes()
                            .get(a.volumeId())
                            .execute()
                            .nameIfSet()
                            .orElse(null),
                    null);
            out.put(a, mountpoint(volumeName, a.device().orElse(null)));
        }
        return out;
    }

    /**
     * The mountpoint the Exosphere web app displays for a volume on this server
     * ({@link VolumeMountpoint#of}, the web app's display rule): for servers of version 5 and later the
     * volume name alone decides ({@code null}: empty, "could not determine"); older servers use the
     * device. The instance's own automount path is {@link VolumeMountpoint#onInstance}.
     */
    public Optional<String> mountpoint(String volumeName, String device) {
        return origin.serverVersion().flatMap(v -> VolumeMountpoint.of(v, volumeName, device));
    }

    /**
     * Attaches a volume with Exosphere's device tag {@code exoVolume::{"name":…}} (and the
     * {@code exoVolumes::<id>} metadata for version-5 servers) so the instance mounts it under
     * {@code /media/volume/<name>}.
     */
    public Call<VolumeAttachment> attachVolume(Volume volume) {
        return ctx.operation(() -> attach(volume));
    }

    private VolumeAttachment attach(Volume volume) {
        String nameJson = ExosphereMetadata.compactJson(nameObject(volume.name()));
        String tag = "exoVolume::" + nameJson;
        boolean tagFits = tag.length() <= 60 && !tag.contains(",") && !tag.contains("/");
        VolumeAttachment a = ctx.os
                .compute()
                .servers()
                .volumeAttachments(id())
                .attach(volume.id(), tagFits ? tag : null)
                .execute();
        if (origin.version().orElse(-1) == 5) {
            ctx.os
                    .compute()
                    .servers()
                    .metadata(id())
                    .update(Map.of("exoVolumes::" + volume.id(), nameJson))
                    .execute();
        }
        if (!tagFits) {
            LOG.info("volume name too long for a Nova device tag; the instance will mount it by device name");
        }
        return a;
    }

    /** Detaches a volume (and removes its {@code exoVolumes::} metadata when present). */
    public Call<Void> detachVolume(String volumeId) {
        return ctx.operation(() -> {
            ctx.os.compute().servers().volumeAttachments(id()).detach(volumeId).execute();
            String key = "exoVolumes::" + volumeId;
            if (server.metadata().containsKey(key) && !server.status().raw().equalsIgnoreCase("SHELVED_OFFLOADED")) {
                ctx.os.compute().servers().metadata(id()).delete(key).execute();
            }
            return null;
        });
    }

    /**
     * For servers not made by Exosphere (no automount): shell commands that format (if new) and mount a
     * volume attached at {@code device}.
     */
    public static String howToMount(String device, String volumeName) {
        String dir = "/media/volume/" + VolumeMountpoint.sanitize(volumeName == null ? "volume" : volumeName);
        return "sudo blkid " + device + " || sudo mkfs.ext4 " + device + "\n"
                + "sudo mkdir -p " + dir + "\n"
                + "sudo mount " + device + " " + dir + "\n"
                + "echo '" + device + " " + dir + " ext4 defaults,nofail 0 2' | sudo tee -a /etc/fstab\n";
    }

    private static Map<String, Object> nameObject(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name == null || name.isEmpty() ? null : name);
        return m;
    }

    // ------------------------------------------------------------------ helpers

    /** The description the SDK gives the floating IPs it creates for a server; delete releases only these. */
    static String createdFloatingIpDescription(String serverId) {
        return "exosphere: server " + serverId;
    }

    static <T> T safe(java.util.function.Supplier<T> s, T fallback) {
        try {
            return s.get();
        } catch (OpenStackException e) {
            LOG.debug("optional look-up failed: {}", e.getMessage());
            return fallback;
        }
    }

    @Override
    public String toString() {
        return "Instance{" + id() + " \"" + name() + "\" " + server.status().raw() + ", " + origin + "}";
    }
}
