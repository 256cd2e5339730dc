package app.exosphere.core.instance;

import app.exosphere.core.auth.SecretUrl;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one instance through Exosphere's states — building, active, floating IP, setup starting/running,
 * ready, (workflow ready), or error/timeout — and does on the way what the Exosphere web app does for
 * servers it launched: creates or assigns the floating IP once the server is ACTIVE, writes the setup
 * status back to {@code exoSetup}, fetches the passphrase (stored as the {@code exoPw:} tag or kept in
 * memory, per {@link PassphraseHandling}). READY means what was asked for is there: a requested floating IP
 * that cannot be attached fails the watch; every step skipped is a {@link Progress.State#SKIPPED} event.
 *
 * <pre>{@code
 * InstanceWatch watch = instance.watch(p -> System.out.println(p.state() + " " + p.message()));
 * Instance ready = watch.awaitReady(Duration.ofMinutes(30));   // throws InstanceFailedException on ERROR/timeout
 * }</pre>
 *
 * Also a {@link Flow.Publisher} of {@link Progress}. Every watch of one {@link Instances} is served by one
 * project watcher (one server list per cycle for all of them, on the injected clock, fast while building,
 * backing off when steady); {@link #close()} stops this watch (it also stops by itself once ready and, for
 * workflows, once the workflow is ready).
 */
public final class InstanceWatch implements Flow.Publisher<Progress>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceWatch.class);

    private final EngineContext ctx;
    private final Instance initial;
    private final CompletableFuture<Instance> ready = new CompletableFuture<>();
    private final CompletableFuture<SecretUrl> workflowReady = new CompletableFuture<>();
    private final List<Consumer<Progress>> listeners = new CopyOnWriteArrayList<>();
    private final SubmissionPublisher<Progress> publisher;
    private volatile Progress.State last;
    private volatile Instance latest;
    private volatile boolean closed;

    private InstanceWatch(EngineContext ctx, Instance instance) {
        this.ctx = ctx;
        this.initial = instance;
        this.latest = instance;
        this.publisher = new SubmissionPublisher<>(ctx.scheduler, Flow.defaultBufferSize());
    }

    static InstanceWatch start(EngineContext ctx, Instance instance, Consumer<Progress> listener) {
        InstanceWatch w = new InstanceWatch(ctx, instance);
        if (listener != null) {
            w.listeners.add(listener);
        }
        ctx.watcher().watch(w);
        return w;
    }

    String serverId() {
        return initial.id();
    }

    Instance initial() {
        return initial;
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
     * token (this comes after {@link #ready()}). It carries the token, so it prints masked; the link is
     * {@link SecretUrl#toUriString()}.
     */
    public CompletableFuture<SecretUrl> workflowReady() {
        return workflowReady;
    }

    /**
     * The last phase reported, if any: events that are not a phase ({@link Progress.State#isPhase()}: a
     * floating IP attached while the server is still {@code BUILDING}, a hostname, a skipped step) are
     * delivered to listeners but leave this unchanged.
     */
    public Optional<Progress.State> state() {
        return Optional.ofNullable(last);
    }

    /**
     * Blocks until ready. {@code timeout} is the caller's own bound on its wait (wall time); the watcher's
     * polling and Exosphere's setup time limits follow the injected clock.
     *
     * @throws InstanceFailedException on ERROR, setup error, a floating IP that could not be attached, or
     *     timeout (Exosphere's, or {@code timeout})
     */
    public Instance awaitReady(Duration timeout) {
        return await(ready, timeout);
    }

    /** Blocks until the workflow URL is known (see {@link #workflowReady()}). */
    public SecretUrl awaitWorkflow(Duration timeout) {
        return await(workflowReady, timeout);
    }

    private <T> T await(CompletableFuture<T> f, Duration timeout) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new InstanceFailedException(
                    serverId(),
                    "Instance " + serverId() + " was not ready after " + timeout.toSeconds() + " s (last state " + last
                            + ")",
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstanceFailedException(serverId(), "interrupted while waiting", true);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new InstanceFailedException(serverId(), String.valueOf(e.getCause()), false);
        }
    }

    /** Stops this watch (the project watcher stops polling the server when no watch is left). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ctx.watcher().unwatch(this);
        publisher.close();
    }

    /** The most recent snapshot seen by this watch. */
    public Instance latest() {
        return latest;
    }

    // ---- called by the project watcher

    void deliver(Progress p, Instance snapshot) {
        latest = snapshot;
        if (p.state().isPhase()) {
            last = p.state();
        }
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

    void complete(Instance instance) {
        latest = instance;
        ready.complete(instance);
        if (instance.origin().workflow().isEmpty()) {
            close();
        }
    }

    void completeWorkflow(SecretUrl url) {
        workflowReady.complete(url);
        if (ready.isDone()) {
            close();
        }
    }

    void fail(InstanceFailedException e) {
        ready.completeExceptionally(e);
        workflowReady.completeExceptionally(e);
        close();
    }
}
