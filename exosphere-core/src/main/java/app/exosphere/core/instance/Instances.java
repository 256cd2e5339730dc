package app.exosphere.core.instance;

import app.exosphere.core.OpenStack;
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
 * <pre>{@code
 * Instances instances = Instances.create(openStack, settings, Clock.systemUTC(), scheduler);
 * Instance vm = instances.launchOne(LaunchRequest.builder().name("demo").image(ImageChoice.name("Featured-Ubuntu24")).build());
 * }</pre>
 */
public final class Instances {

    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F-]{32,36}");

    private final EngineContext ctx;

    private Instances(OpenStack os, ExosphereSettings settings, Clock clock, ScheduledExecutorService scheduler) {
        this.ctx = new EngineContext(
                Objects.requireNonNull(os, "openStack"),
                Objects.requireNonNull(settings, "settings"),
                Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(scheduler, "scheduler"));
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

    /** The instance with this server id. */
    public Instance get(String serverId) {
        return new Instance(ctx, ctx.os.compute().servers().get(serverId).execute());
    }

    /** Every server of the project, as instances (any origin). */
    public List<Instance> list() {
        return ctx.os.compute().servers().list().stream()
                .map(s -> new Instance(ctx, s))
                .toList();
    }

    /** Launches and returns the first (or only) instance; see {@link #launch(LaunchRequest)}. */
    public Instance launchOne(LaunchRequest request) {
        return launch(request).get(0);
    }

    /**
     * Launches {@code request.count()} Exosphere-style instances: authenticates, runs every look-up in one
     * parallel wave (image, flavors, network, security group ensure, keypair, quotas, microversions),
     * checks quotas, then creates each server exactly once (see {@link LaunchId} and {@link
     * ExosphereSettings#reconcileWindow()}). Blocks until the servers exist (not until they are ready: use
     * {@link Instance#watch()}).
     *
     * @throws InvalidLaunchRequestException when the image/flavor/network cannot be resolved
     * @throws InsufficientQuotaException when it would not fit, before anything is created
     * @throws LaunchOutcomeUnknownException when a create failed ambiguously and the look-ups could not tell
     *     whether the server exists: launch again with {@link LaunchOutcomeUnknownException#launchId()}
     * @throws PartialLaunchException when {@code count > 1} and some servers were created, others not: it
     *     carries every created instance
     */
    public List<Instance> launch(LaunchRequest request) {
        return join(launchAsync(request));
    }

    /** Asynchronous {@link #launch(LaunchRequest)}. */
    public CompletableFuture<List<Instance>> launchAsync(LaunchRequest request) {
        return ctx.os.token().executeAsync().thenCompose(token -> new Launch(ctx, request, token).run());
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

    /** The project watcher serving every watch of these operations (for tests and diagnostics). */
    ProjectWatcher watcher() {
        return ctx.watcher();
    }

    static boolean looksLikeId(String s) {
        return UUID_LIKE.matcher(s).matches();
    }
}
