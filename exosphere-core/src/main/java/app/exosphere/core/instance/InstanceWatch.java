package app.exosphere.core.instance;

import app.exosphere.cloudinit.console.SetupState;
import app.exosphere.cloudinit.console.SetupStatus;
import app.exosphere.core.compute.Server;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.network.FixedIp;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.network.FloatingIpCreateRequest;
import app.exosphere.core.network.Network;
import app.exosphere.core.network.Port;
import app.exosphere.core.network.PortListOptions;
import app.exosphere.uap.JupyterUrls;
import app.exosphere.workflow.WorkflowConsole;
import app.exosphere.workflow.WorkflowSetupPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one instance through Exosphere's states — building, active, setup starting/running, ready,
 * (workflow ready), or error/timeout — by polling the server and reading its console log, and does on the
 * way what the Exosphere web app does for servers it launched: writes the setup status back to
 * {@code exoSetup}, fetches the passphrase (stored as the {@code exoPw:} tag or kept in memory, per
 * {@link PassphraseHandling}), and creates or assigns the floating IP once the server is ACTIVE.
 *
 * <pre>{@code
 * InstanceWatch watch = instance.watch(p -> System.out.println(p.state() + " " + p.message()));
 * Instance ready = watch.awaitReady(Duration.ofMinutes(30));   // throws InstanceFailedException on ERROR/timeout
 * }</pre>
 *
 * Also a {@link Flow.Publisher} of {@link Progress}. Polls every {@link ExosphereSettings#pollInterval()}
 * on the {@link Instances} scheduler; {@link #close()} stops it (it also stops by itself once ready and,
 * for workflows, once the workflow is ready).
 */
public final class InstanceWatch implements Flow.Publisher<Progress>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceWatch.class);
    /** Floating IPs are only created for servers younger than this (exosphere-spec §9.14). */
    static final Duration FLOATING_IP_WINDOW = Duration.ofMinutes(5);

    private final Instances ctx;
    private final String serverId;
    private final Instant started;
    private final CompletableFuture<Instance> ready = new CompletableFuture<>();
    private final CompletableFuture<String> workflowReady = new CompletableFuture<>();
    private final List<Consumer<Progress>> listeners = new CopyOnWriteArrayList<>();
    private final SubmissionPublisher<Progress> publisher;
    private volatile ScheduledFuture<?> task;
    private volatile Progress.State last;
    private volatile SetupStatus setup;
    private volatile boolean floatingIpDone;
    private volatile boolean activeSeen;
    private volatile boolean passphraseDone;
    private volatile String workflowToken;
    private volatile boolean workflowStarted;
    private volatile Instance latest;

    private InstanceWatch(Instances ctx, Instance instance) {
        this.ctx = ctx;
        this.serverId = instance.id();
        this.started = ctx.clock.instant();
        this.latest = instance;
        this.setup = instance.origin().setupStatus();
        this.publisher = new SubmissionPublisher<>(ctx.scheduler, Flow.defaultBufferSize());
    }

    static InstanceWatch start(Instances ctx, Instance instance) {
        return start(ctx, instance, null);
    }

    static InstanceWatch start(Instances ctx, Instance instance, Consumer<Progress> listener) {
        InstanceWatch w = new InstanceWatch(ctx, instance);
        if (listener != null) {
            w.listeners.add(listener);
        }
        long periodMs = ctx.settings.pollInterval().toMillis();
        w.task = ctx.scheduler.scheduleWithFixedDelay(w::tickSafely, 0, periodMs, TimeUnit.MILLISECONDS);
        return w;
    }

    /** Registers a listener for every later progress event. */
    public InstanceWatch addListener(Consumer<Progress> listener) {
        listeners.add(listener);
        return this;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Progress> subscriber) {
        publisher.subscribe(subscriber);
    }

    /** Completes with the ready instance, or exceptionally with {@link InstanceFailedException}. */
    public CompletableFuture<Instance> ready() {
        return ready;
    }

    /**
     * For workflow instances: completes with the workflow's Jupyter URL once the instance published its
     * token (this comes after {@link #ready()}). A secret-bearing URL: do not log it.
     */
    public CompletableFuture<String> workflowReady() {
        return workflowReady;
    }

    /** The last state reported, if any. */
    public Optional<Progress.State> state() {
        return Optional.ofNullable(last);
    }

    /**
     * Blocks until ready.
     *
     * @throws InstanceFailedException on ERROR, setup error or timeout (Exosphere's, or {@code timeout})
     */
    public Instance awaitReady(Duration timeout) {
        return await(ready, timeout);
    }

    /** Blocks until the workflow URL is known (see {@link #workflowReady()}). */
    public String awaitWorkflow(Duration timeout) {
        return await(workflowReady, timeout);
    }

    private <T> T await(CompletableFuture<T> f, Duration timeout) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new InstanceFailedException(
                    serverId,
                    "Instance " + serverId + " was not ready after " + timeout.toSeconds() + " s (last state " + last
                            + ")",
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstanceFailedException(serverId, "interrupted while waiting", true);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new InstanceFailedException(serverId, String.valueOf(e.getCause()), false);
        }
    }

    /** Stops polling. */
    @Override
    public void close() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
        publisher.close();
    }

    private void tickSafely() {
        try {
            tick();
        } catch (OpenStackException e) {
            // exosphere-spec §3.5: on HTTP error keep the previous status and try again next time
            LOG.debug("watch {}: poll failed, retrying: {}", serverId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("watch {}: unexpected failure", serverId, e);
            fail(new InstanceFailedException(serverId, "Watching failed: " + e, false));
        }
    }

    void tick() {
        Server server = ctx.os.compute().servers().get(serverId);
        Instance instance = new Instance(ctx, server);
        latest = instance;
        ServerOrigin origin = instance.origin();
        String status = server.status().raw().toUpperCase(java.util.Locale.ROOT);
        if (status.equals("ERROR")) {
            String fault = server.fault().map(f -> f.message()).orElse("no fault message");
            emit(Progress.State.ERROR, "Server is in ERROR: " + fault);
            fail(new InstanceFailedException(serverId, "Server " + serverId + " went to ERROR: " + fault, false));
            return;
        }
        if (status.equals("BUILD")) {
            emit(Progress.State.BUILDING, "Nova is building the server");
            return;
        }
        if (!status.equals("ACTIVE")) {
            emit(last == null ? Progress.State.BUILDING : last, "Server is " + status);
            return;
        }
        if (!activeSeen) {
            activeSeen = true;
            emit(Progress.State.ACTIVE, "Server is ACTIVE");
        }
        if (origin.createdByClient(ctx.settings.clientUuid()) && !floatingIpDone) {
            floatingIp(server, origin);
        }
        if (!origin.fromExosphere() || !origin.versionAtLeast(4)) {
            // exosphere-spec §3.6: below version 4 (or not from Exosphere) an ACTIVE server is Ready
            complete(instance);
            return;
        }
        String console = readConsole();
        SetupStatus next = setup.next(console, server.createdAt().orElse(started), ctx.clock.instant());
        if (next.state() != setup.state() || !origin.setupStatus().state().equals(next.state())) {
            // exosphere-spec §3.5: write exoSetup back when the derived status changes
            ctx.os
                    .compute()
                    .servers()
                    .metadata(serverId)
                    .update(java.util.Map.of(SetupStatus.METADATA_KEY, next.toMetadataValue()));
        }
        setup = next;
        if (!passphraseDone
                && origin.versionAtLeast(1)
                && (next.state() == SetupState.RUNNING || next.state() == SetupState.COMPLETE)) {
            passphrase(origin);
        }
        switch (next.state()) {
            case STARTING -> emit(Progress.State.SETUP_STARTING, "Setup is starting");
            case RUNNING -> emit(Progress.State.SETUP_RUNNING, "Setup is running");
            case COMPLETE -> complete(instance);
            case ERROR -> {
                emit(Progress.State.ERROR, "Setup reported an error; see the console log");
                fail(new InstanceFailedException(
                        serverId, "Setup of " + serverId + " failed (exoSetup error); read the console log", false));
            }
            case TIMEOUT -> {
                emit(Progress.State.TIMEOUT, "Setup did not finish in Exosphere's time limit");
                fail(new InstanceFailedException(serverId, "Setup of " + serverId + " timed out", true));
            }
            default -> {}
        }
        // the workflow comes after the instance's own readiness (its token is published later)
        if (origin.workflow().isPresent() && !workflowReady.isDone()) {
            workflow(console, instance);
            if (workflowReady.isDone() && ready.isDone()) {
                close();
            }
        }
    }

    /**
     * Reads the console's tail; only when the tail has no status line (and setup is not complete) is the
     * whole log read, since the last status line anywhere decides (exosphere-spec §3.3).
     */
    private String readConsole() {
        String tail = ctx.os.compute().servers().consoleOutput(serverId, ctx.settings.consoleTailLines());
        if (!SetupStatus.linesIn(tail).isEmpty()) {
            return tail;
        }
        return ctx.os.compute().servers().consoleOutput(serverId, null);
    }

    private void passphrase(ServerOrigin origin) {
        if (origin.passphrase().isPresent() || ctx.memoryPassphrases.containsKey(serverId)) {
            passphraseDone = true;
            return;
        }
        Optional<String> pw = ctx.os.compute().servers().password(serverId).get();
        if (pw.isEmpty() || pw.get().isEmpty()) {
            return;
        }
        // exosphere-spec §1.8: store as the exoPw: tag (or in memory), then clear the server password
        if (ctx.settings.passphraseHandling() == PassphraseHandling.STORE_AS_TAG) {
            ctx.os.compute().servers().tags(serverId).add(ExosphereMetadata.PASSPHRASE_TAG_PREFIX + pw.get());
        } else {
            ctx.memoryPassphrases.put(serverId, pw.get());
        }
        ctx.os.compute().servers().password(serverId).clear();
        passphraseDone = true;
        LOG.debug("watch {}: passphrase stored ({})", serverId, ctx.settings.passphraseHandling());
    }

    private void floatingIp(Server server, ServerOrigin origin) {
        List<Port> ports = ctx.os
                .network()
                .ports()
                .list(PortListOptions.builder().deviceId(serverId).build())
                .toList();
        boolean hasFip = false;
        List<String> fixed = new java.util.ArrayList<>();
        for (Port p : ports) {
            p.fixedIps().stream()
                    .map(FixedIp::ipAddress)
                    .flatMap(Optional::stream)
                    .forEach(fixed::add);
            hasFip |= ctx.os.network().floatingIps().listByPort(p.id()).stream()
                    .findAny()
                    .isPresent();
        }
        FloatingIpDecision d =
                FloatingIpDecision.decide(origin.floatingIp(), server.status().raw(), !ports.isEmpty(), hasFip, fixed);
        switch (d.action()) {
            case WAIT -> {
                return;
            }
            case NOTHING -> floatingIpDone = true;
            case CREATE -> {
                Instant created = server.createdAt().orElse(started);
                if (ctx.clock.instant().isAfter(created.plus(FLOATING_IP_WINDOW))) {
                    floatingIpDone = true; // exosphere-spec §9.14: only for servers younger than 5 minutes
                    return;
                }
                FloatingIp fip = createFloatingIpOnce(ports.get(0).id());
                floatingIpDone = true;
                emit(Progress.State.FLOATING_IP_ATTACHED, "Floating IP " + fip.floatingIpAddress() + " attached");
            }
            case ASSIGN_EXISTING -> {
                FloatingIp fip = ctx.os
                        .network()
                        .floatingIps()
                        .associate(
                                d.existingFloatingIpId().orElseThrow(),
                                ports.get(0).id());
                floatingIpDone = true;
                emit(Progress.State.FLOATING_IP_ATTACHED, "Floating IP " + fip.floatingIpAddress() + " attached");
            }
        }
    }

    /** {@code POST /floatingips} exactly once: after an ambiguous failure, look at the port first. */
    private FloatingIp createFloatingIpOnce(String portId) {
        Network external = ctx.os.network().networks().list(java.util.Map.of("router:external", "true")).stream()
                .findFirst()
                .orElseThrow(() ->
                        new InstanceFailedException(serverId, "No external network to create a floating IP on", false));
        FloatingIpCreateRequest req = FloatingIpCreateRequest.onNetwork(external.id())
                .withPortId(portId)
                .withDescription(Instance.createdFloatingIpDescription(serverId));
        for (int attempt = 1; ; attempt++) {
            try {
                return ctx.os.network().floatingIps().create(req);
            } catch (RuntimeException e) {
                if (!Instances.ExactlyOnceCreate.ambiguous(e) || attempt >= Instances.ExactlyOnceCreate.MAX_ATTEMPTS) {
                    throw e;
                }
                Optional<FloatingIp> existing = ctx.os.network().floatingIps().listByPort(portId).stream()
                        .findFirst();
                if (existing.isPresent()) {
                    LOG.info("watch {}: floating IP was created despite the failure", serverId);
                    return existing.get();
                }
            }
        }
    }

    private void workflow(String console, Instance instance) {
        String full = console;
        WorkflowConsole wc = WorkflowConsole.scan(full);
        if (wc.token().isEmpty() && setup.state() == SetupState.COMPLETE) {
            full = ctx.os.compute().servers().consoleOutput(serverId, null);
            wc = WorkflowConsole.scan(full);
        }
        if (!workflowStarted && wc.latestPhase().isPresent()) {
            workflowStarted = true;
            emit(Progress.State.WORKFLOW_STARTED, "The workflow is being built");
        }
        if (wc.latestPhase().filter(p -> p == WorkflowSetupPhase.COMPLETE).isPresent()
                || wc.token().isPresent()) {
            if (wc.token().isPresent() && !wc.token().get().equals(workflowToken)) {
                workflowToken = wc.token().get();
                Optional<String> uap = ctx.uapHostname();
                Optional<String> fip = instance.floatingIpAddress();
                if (uap.isPresent() && fip.isPresent()) {
                    String url = JupyterUrls.workflow(
                                    uap.get(),
                                    fip.get(),
                                    instance.origin().workflow().get().path(),
                                    workflowToken)
                            .normalized();
                    emit(Progress.State.WORKFLOW_READY, "The workflow is ready");
                    workflowReady.complete(url);
                }
            }
        }
    }

    private void complete(Instance instance) {
        emit(Progress.State.READY, "Ready");
        ready.complete(instance);
        boolean waitingForWorkflow = instance.origin().workflow().isPresent() && !workflowReady.isDone();
        if (!waitingForWorkflow) {
            close();
        }
    }

    private void fail(InstanceFailedException e) {
        ready.completeExceptionally(e);
        workflowReady.completeExceptionally(e);
        close();
    }

    private void emit(Progress.State state, String message) {
        if (state == last && state != Progress.State.FLOATING_IP_ATTACHED) {
            return;
        }
        last = state;
        Instant now = ctx.clock.instant();
        Progress p = new Progress(serverId, state, Duration.between(started, now), message, now);
        ctx.milestone(state.name(), serverId, null, message);
        for (Consumer<Progress> l : listeners) {
            try {
                l.accept(p);
            } catch (RuntimeException e) {
                LOG.warn("progress listener failed", e);
            }
        }
        if (!publisher.isClosed()) {
            publisher.offer(p, null);
        }
    }

    /** The most recent snapshot seen by this watch. */
    public Instance latest() {
        return latest;
    }
}
