package app.exosphere.core.instance;

import app.exosphere.core.OpenStack;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerAction;
import app.exosphere.core.compute.ServerActionNotAllowedException;
import app.exosphere.core.error.InsufficientQuotaException;
import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.core.http.Call;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.workflow.WorkflowSource;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;

/**
 * Exosphere's instance operations for one project and region: launch (one parallel look-up wave, then
 * an exactly-once create), find and list instances, and the shared state they use (Guacamole tokens,
 * passphrases kept in memory). Immutable configuration, thread-safe.
 *
 * <p>Every method that talks to the cloud returns a {@link Call}: {@code execute()} blocks,
 * {@code executeAsync()} does not. {@link #launch} launches one instance, {@link #launchAll} the
 * request's {@link LaunchRequest#count()}; {@link Exosphere} uses the same names.
 *
 * <pre>{@code
 * Instances instances = Instances.create(openStack, ExosphereSettings.builder().clientUuid(clientUuid).build(),
 *         Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor());
 * Instance vm = instances.launch(LaunchRequest.builder().name("demo").image(ImageChoice.name("Featured-Ubuntu24")).build()).execute();
 * }</pre>
 */
public final class Instances {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Instances.class);

    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F-]{32,36}");

    private final EngineContext ctx;
    private final Shares shares;

    private Instances(OpenStack os, ExosphereSettings settings, Clock clock, ScheduledExecutorService scheduler) {
        this.ctx = new EngineContext(
                Objects.requireNonNull(os, "openStack"),
                Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(scheduler, "scheduler"));
        this.shares = new Shares(ctx);
    }

    /**
     * Operations on the project and region of {@code openStack}.
     *
     * @param scheduler runs the watcher's polls and waits; owned by the caller
     */
    public static Instances create(
            OpenStack openStack, ExosphereSettings settings, Clock clock, ScheduledExecutorService scheduler) {
        return new Instances(openStack, settings, clock, scheduler);
    }

    /** Manila shares the web app's way (create with automatic access rules, resize, revoke, mounts). */
    public Shares shares() {
        return shares;
    }

    /** The OpenStack view these operations use. */
    public OpenStack openStack() {
        return ctx.os;
    }

    /** The settings. */
    public ExosphereSettings settings() {
        return ctx.settings;
    }

    /** The UAP hostname for this cloud and region, if any. */
    public Optional<String> uapHostname() {
        return ctx.uapHostname();
    }

    /** Images of instances: create from an instance exactly once, visibility, delete, follow status. */
    public Images images() {
        return new Images(ctx);
    }

    /** Volume snapshots: list, create exactly once, delete, follow status. */
    public VolumeSnapshots snapshots() {
        return new VolumeSnapshots(ctx);
    }

    /** Volumes: create a blank one exactly once, rename, delete (refused while it backs an instance). */
    public Volumes volumes() {
        return new Volumes(ctx);
    }

    /** DNS hostnames for floating IPs (Designate). */
    public Hostnames hostnames() {
        return new Hostnames(ctx);
    }

    /** The actions the web app's server list offers on a selection (Exosphere's {@code Page.ServerList}). */
    public static final java.util.Set<ServerAction> BULK_ACTIONS =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(
                    ServerAction.SHELVE,
                    ServerAction.UNSHELVE,
                    ServerAction.REBOOT,
                    ServerAction.PAUSE,
                    ServerAction.UNPAUSE,
                    ServerAction.DELETE));

    /**
     * Sends one action to each selected instance that allows it, as the web app's bulk actions do
     * (Exosphere's {@code Page.ServerList}): an instance whose status, lock or flavor group forbids the
     * action is skipped (a WARN line and a {@code BULK_SKIPPED} milestone with the reason; nothing sent to
     * it); the others get the request, one after the other. Bulk delete always releases the floating IPs
     * the SDK created, as upstream's does, and does not wait for the servers to disappear. Bulk unshelve
     * starts each instance's watch as {@link Instance#unshelve()} does, so their floating IPs come back.
     *
     * @param action one of {@link #BULK_ACTIONS}
     * @throws IllegalArgumentException for another action
     */
    public Call<BulkOutcome> bulk(ServerAction action, List<Instance> selection) {
        if (!BULK_ACTIONS.contains(action)) {
            throw new IllegalArgumentException("the web app offers " + BULK_ACTIONS + " on a selection, not " + action);
        }
        List<Instance> chosen = List.copyOf(selection);
        return ctx.operation(() -> {
            List<String> done = new java.util.ArrayList<>();
            java.util.Map<String, String> skipped = new java.util.LinkedHashMap<>();
            java.util.Map<String, RuntimeException> failed = new java.util.LinkedHashMap<>();
            for (Instance vm : chosen) {
                try {
                    send(action, vm);
                    done.add(vm.id());
                } catch (ServerActionNotAllowedException refused) { // ActionDisallowedException too (a subclass)
                    String reason = refused.getMessage();
                    LOG.warn("bulk {}: {} skipped: {}", action, vm.id(), reason);
                    ctx.milestone("BULK_SKIPPED", vm.id(), null, action.displayName() + " skipped: " + reason);
                    skipped.put(vm.id(), reason);
                } catch (RuntimeException e) {
                    RuntimeException cause = ExactlyOnceCreate.unwrap(e) instanceof RuntimeException r ? r : e;
                    LOG.warn("bulk {}: {} failed: {}", action, vm.id(), cause.getMessage());
                    failed.put(vm.id(), cause);
                }
            }
            return new BulkOutcome(action, done, skipped, failed);
        });
    }

    private static void send(ServerAction action, Instance vm) {
        switch (action) {
            case SHELVE -> vm.shelve().execute();
            case UNSHELVE -> vm.unshelve().execute();
            case REBOOT -> vm.reboot().execute();
            case PAUSE -> vm.pause().execute();
            case UNPAUSE -> vm.unpause().execute();
            case DELETE -> vm.delete(true, null).execute();
            default -> throw new IllegalArgumentException("not a bulk action: " + action);
        }
    }

    /** Keypair management the web app's way (import with its checks, idempotent delete, bulk delete). */
    public Keypairs keypairs() {
        return new Keypairs(ctx);
    }

    /** Jetstream2 allocation operations of this project (allocation balance, burn rate). */
    public Allocations allocations() {
        return new Allocations(ctx);
    }

    /** Fetches the instance with this server id. */
    public Call<Instance> get(String serverId) {
        Call<Server> server = ctx.os.compute().servers().get(serverId);
        return Operation.composite(
                () -> new Instance(ctx, server.execute()),
                () -> server.executeAsync().thenApply(s -> new Instance(ctx, s)));
    }

    /** Fetches every server of the project, as instances (any origin). */
    public Call<List<Instance>> list() {
        return Operation.fromAsync(() -> ctx.os
                .compute()
                .servers()
                .list()
                .all()
                .executeAsync()
                .thenApply(servers ->
                        servers.stream().map(s -> new Instance(ctx, s)).toList()));
    }

    /**
     * Launches one Exosphere-style instance; see {@link #launchAll(LaunchRequest)} for what a launch does
     * and how it fails. The request's {@link LaunchRequest#count()} must be 1 (the default).
     *
     * @throws InvalidLaunchRequestException when the request asks for more than one instance (use {@link
     *     #launchAll(LaunchRequest)})
     */
    public Call<Instance> launch(LaunchRequest request) {
        return launching(requireOne(request, "launch")).map(all -> all.get(0));
    }

    private static LaunchRequest requireOne(LaunchRequest request, String method) {
        if (request.count() != 1) {
            throw new InvalidLaunchRequestException(method + "(request) launches one instance but the request asks for "
                    + request.count() + "; use launchAll(request) to launch several");
        }
        return request;
    }

    /**
     * Launches {@code request.count()} Exosphere-style instances: authenticates, runs every look-up in one
     * parallel wave (image, flavors, network, security group ensure, keypair, quotas, microversions),
     * checks quotas, then creates each server exactly once (see {@link LaunchId} and {@link
     * ExosphereSettings#reconcileWindow()}). Completes when the servers exist (not when they are ready:
     * use {@link Instance#watch()}).
     *
     * <p>The call fails with {@link InvalidLaunchRequestException} when the image/flavor/network cannot be
     * resolved; {@link InsufficientQuotaException} when it would not fit, before anything is created;
     * {@link LaunchOutcomeUnknownException} when a create failed ambiguously and the look-ups could not
     * tell whether the server exists (launch again with {@link LaunchOutcomeUnknownException#launchId()});
     * {@link PartialLaunchException} when {@code count > 1} and some servers were created, others not (it
     * carries every created instance).
     */
    public Call<List<Instance>> launchAll(LaunchRequest request) {
        return launching(request);
    }

    private Operation<List<Instance>> launching(LaunchRequest request) {
        return Operation.fromAsync(
                () -> ctx.os.token().executeAsync().thenCompose(token -> new Launch(ctx, request, token).run()));
    }

    /**
     * Launches one Binder workflow instance and starts its watch, whose {@link InstanceWatch#workflowReady()}
     * completes with the Jupyter URL once the instance published its token (after the instance is ready).
     * Guacamole is not required for workflows; the request's own choice is kept. The request's
     * {@link LaunchRequest#count()} must be 1.
     *
     * @throws InvalidLaunchRequestException when the request asks for more than one instance
     */
    public Call<InstanceWatch> launchWorkflow(LaunchRequest request, WorkflowSource source) {
        return launching(requireOne(request, "launchWorkflow").toBuilder()
                        .workflow(source)
                        .build())
                .map(all -> all.get(0).watch());
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

    /** The project watcher serving every watch of these operations (for tests and diagnostics). */
    ProjectWatcher watcher() {
        return ctx.watcher();
    }

    static boolean looksLikeId(String s) {
        return UUID_LIKE.matcher(s).matches();
    }
}
