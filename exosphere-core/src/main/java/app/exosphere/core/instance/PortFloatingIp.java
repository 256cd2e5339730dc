package app.exosphere.core.instance;

import app.exosphere.core.error.ConflictException;
import app.exosphere.core.error.OpenStackClientException;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.network.FloatingIp;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's floating IP for one server's port, created exactly once: the one implementation behind the
 * launch's floating-IP step ({@link ProjectWatcher}; Exosphere's {@code GoalServer.requestFloatingIp} for a
 * new server, {@code Helpers.getNewFloatingIpOption}) and the unshelve's ({@link UnshelvedFloatingIp}; the
 * web app's {@code State.requestServerAction} for {@code Unshelve} runs the same step again).
 *
 * <p>{@link #start} sends {@code POST /floatingips} with the port and the SDK's description ({@link
 * EngineContext#startFloatingIpCreate}) through {@link CreateOnce} and does not wait: after an ambiguous failure
 * (reset, timeout, 5xx, a cut answer) the port's floating IPs are looked up, again with backoff on the injected
 * clock, before any second POST; at most {@link CreateOnce#MAX_ATTEMPTS} POSTs, then a typed error. Neutron
 * allows one floating IP per fixed IP, so one bound to the port after an ambiguous POST is the port's floating
 * IP whoever made it (this POST or a replica's) — the same answer a {@code 409} gets from {@link #outcome}. A
 * watcher cycle checks {@link #isDone()} and settles with {@link #outcome()}, so no cycle waits for Neutron.
 */
final class PortFloatingIp {
    private final EngineContext ctx;
    private final String portId;
    private final CompletableFuture<FloatingIp> created;
    /** Completes when the create has ended, or earlier when a POST's answer was ambiguous (look-ups follow). */
    private final CompletableFuture<Void> answered;

    private PortFloatingIp(
            EngineContext ctx, String portId, CompletableFuture<FloatingIp> created, CompletableFuture<Void> answered) {
        this.ctx = ctx;
        this.portId = portId;
        this.created = created;
        this.answered = answered;
    }

    /**
     * Starts creating {@code serverId}'s floating IP on {@code portId}, exactly once.
     *
     * @param what what is created, for messages ({@code the floating IP of server 1234})
     */
    static PortFloatingIp start(EngineContext ctx, String serverId, String portId, String what) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        CompletableFuture<FloatingIp> created =
                CreateOnce.createAsync(CreateOnce.Pace.of(ctx), new Target(ctx, serverId, portId, what, answered));
        created.whenComplete((fip, err) -> answered.complete(null));
        return new PortFloatingIp(ctx, portId, created, answered);
    }

    /**
     * Waits for the first POST's answer: one request, bounded by the transport's timeouts, as the launch's step
     * has always waited for it once the server is ACTIVE; then {@link #isDone()} unless the answer was
     * ambiguous. Not for the look-ups and the later POSTs that follow an ambiguous answer (those go on without
     * holding a thread; {@link #isDone()} tells when they end).
     */
    void awaitFirstAnswer() {
        answered.join();
    }

    /** Whether the create (with its look-ups and retries) has ended; then {@link #outcome()} does not wait. */
    boolean isDone() {
        return created.isDone();
    }

    /**
     * How it ended (call once {@link #isDone()}): the floating IP, {@code "created"}, or {@code "found"} when
     * Neutron refused the POST with a {@code 409} because the port has one (a replica's); else the failure.
     *
     * @throws OpenStackException when looking up the port's floating IP after a {@code 409} failed: nothing is
     *     decided, start again
     */
    Outcome outcome() {
        try {
            return new Outcome(Optional.of(Instances.join(created)), "created", null);
        } catch (ConflictException e) {
            // Neutron allows one floating IP per fixed IP: a replica's may be there already
            Optional<FloatingIp> there = onPort(ctx, portId);
            return there.isPresent() ? new Outcome(there, "found", null) : new Outcome(Optional.empty(), null, e);
        } catch (RuntimeException e) {
            return new Outcome(Optional.empty(), null, e);
        }
    }

    /** The floating IP bound to {@code portId} now, if any (one request). */
    static Optional<FloatingIp> onPort(EngineContext ctx, String portId) {
        return ctx.os.network().floatingIps().listByPort(portId).stream().findFirst();
    }

    /**
     * How a create ended: a floating IP attached to the port ({@code how} says {@code created} or {@code
     * found}), or the failure with its cause.
     */
    record Outcome(Optional<FloatingIp> floatingIp, String how, RuntimeException failure) {}

    /** {@code POST /floatingips} with the port and the SDK's description; its look-up is the port's floating IP. */
    private record Target(
            EngineContext ctx, String serverId, String portId, String what, CompletableFuture<Void> answered)
            implements CreateOnce.Target<FloatingIp> {
        @Override
        public CompletableFuture<FloatingIp> create() {
            // any other answer ends the create itself, which completes `answered` once its outcome is set
            return ctx.startFloatingIpCreate(serverId, portId).whenComplete((fip, err) -> {
                if (err != null && ExactlyOnceCreate.ambiguous(ExactlyOnceCreate.unwrap(err))) {
                    answered.complete(null);
                }
            });
        }

        @Override
        public CompletableFuture<Optional<FloatingIp>> findNew() {
            // one per fixed IP: the SDK's (this POST's, or a replica's) first, else the one Neutron bound there
            String ours = Instance.createdFloatingIpDescription(serverId);
            return ctx.os
                    .network()
                    .floatingIps()
                    .listByPort(portId)
                    .all()
                    .executeAsync()
                    .thenApply((List<FloatingIp> all) -> all.stream()
                            .filter(f -> f.description().filter(ours::equals).isPresent())
                            .findFirst()
                            .or(() -> all.stream().findFirst()));
        }

        @Override
        public RuntimeException outcomeUnknown(Throwable createFailure, Throwable lookupFailure) {
            return new OpenStackClientException(
                    "Creating " + what + " failed ambiguously (" + createFailure.getMessage()
                            + ") and looking for it kept failing (" + lookupFailure.getMessage()
                            + "); it may or may not exist: look for a floating IP on port " + portId
                            + " (description \"" + Instance.createdFloatingIpDescription(serverId)
                            + "\") before creating one",
                    lookupFailure);
        }
    }
}
