package app.exosphere.core.instance;

import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.network.FixedIp;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.network.Port;
import app.exosphere.core.rules.ExosphereMetadata;
import app.exosphere.core.rules.FloatingIpChoice;
import app.exosphere.core.rules.FloatingIpDecision;
import java.util.List;
import java.util.Optional;

/**
 * The web app's floating-IP step run again after an unshelve (Exosphere's {@code State.requestServerAction}
 * for {@code Unshelve}: the floating-IP intent is reset from the server's metadata, {@code
 * Helpers.decodeFloatingIpOption}, and {@code GoalServer.requestFloatingIp} runs again whatever the server's
 * age, so a server shelved with its floating IPs released gets one back; the DNS hostname follows the new
 * floating IP as after a launch, {@code State.State} {@code ReceiveCreateServerFloatingIp}).
 *
 * <p>{@link Instance#unshelve()} arms it around the unshelve request (kept when Nova accepted it or its answer
 * was lost, taken back when Nova refused it); the watch it returns, or the next watch of the server, runs it when
 * the server is ACTIVE again, in place of the launch's floating-IP step (whose 5-minute window would refuse an
 * older server): the intent read from the fresh server's {@code exoFloatingIpOption} / {@code
 * exoFloatingIpReuseOption} metadata, the ports and their floating IPs from Neutron, then {@link
 * FloatingIpDecision#decide}. A floating IP still bound to a port (shelved without release) is kept. A new
 * one is created exactly once by {@link PortFloatingIp}, as after a launch (after an ambiguous failure of {@code
 * POST /floatingips} the port's floating IP is looked up before any second POST; Neutron refuses a second
 * floating IP for the port's fixed IP, and a {@code 409} finds the one that is there); an existing one
 * ({@code useExisting}) is assigned again. The automatic hostname follows ({@link AutomaticHostnames}).
 *
 * <p>Never silent: an intent that asks for none, no recorded intent, a public fixed IP, or a server without a
 * port is one {@link Progress.State#SKIPPED} event and one WARN line with the reason; a floating IP that
 * cannot be created or assigned is a {@link Progress.State#SKIPPED} event and fails the watch ({@link
 * InstanceFailedException}, logged at WARN once), since READY means what was asked for is there.
 *
 * <p>One per unshelved server in {@link EngineContext#unshelved}, from the unshelve until its decision; used
 * by one project watcher's cycles, one at a time.
 */
final class UnshelvedFloatingIp {
    private final String serverId;
    private volatile PortFloatingIp pending;
    private volatile String portId;

    private UnshelvedFloatingIp(String serverId) {
        this.serverId = serverId;
    }

    /**
     * Sends the unshelve with the re-run armed: kept when Nova accepted it or the answer was ambiguous (Nova
     * may be unshelving: the next watch of the server runs it), taken back when Nova refused it.
     */
    static void armAround(EngineContext ctx, Instance instance, Runnable unshelve) {
        UnshelvedFloatingIp mine = new UnshelvedFloatingIp(instance.id());
        UnshelvedFloatingIp before = ctx.unshelved.put(instance.id(), mine);
        try {
            unshelve.run();
        } catch (OpenStackException e) {
            if (!ExactlyOnceCreate.ambiguous(e)) {
                if (before == null) {
                    ctx.unshelved.remove(instance.id(), mine);
                } else {
                    ctx.unshelved.replace(instance.id(), mine, before);
                }
            } else {
                LaunchLog.warn(
                        instance.id(),
                        instance.origin().launchId().orElse(null),
                        "server {}: the unshelve's answer was lost ({}); Nova may be unshelving it: watch it to have"
                                + " its floating IP decided again once it is ACTIVE",
                        instance.id(),
                        e.getClass().getSimpleName());
            }
            throw e;
        }
        LaunchLog.info(
                instance.id(),
                instance.origin().launchId().orElse(null),
                "server {} unshelving; its floating IP is decided again once it is ACTIVE",
                instance.id());
    }

    /** Whether the server was unshelved by this SDK and its floating IP not decided since. */
    static boolean armed(EngineContext ctx, String serverId) {
        return ctx.unshelved.containsKey(serverId);
    }

    /**
     * One watcher cycle for the ACTIVE server {@code instance} of {@code track}: true once decided (the
     * floating IP is there, or a SKIPPED event said why not, or the track failed), false while the create's
     * answer is awaited (call again on the next cycle).
     */
    static boolean step(ProjectWatcher.Track track, Instance instance) {
        EngineContext ctx = instance.context();
        UnshelvedFloatingIp u = ctx.unshelved.get(instance.id());
        if (u == null) {
            return true;
        }
        boolean decided;
        try {
            decided = u.stepNow(ctx, track, instance);
        } catch (OpenStackException lookupFailed) {
            // a failed look-up (ports, floating IPs): nothing was created; the next cycle tries again
            LaunchLog.info(
                    instance.id(),
                    track.launchId,
                    "server {}: looking up its ports after the unshelve failed ({}); trying again",
                    instance.id(),
                    lookupFailed.getMessage());
            return false;
        }
        if (decided) {
            ctx.unshelved.remove(instance.id(), u);
        }
        return decided;
    }

    private boolean stepNow(EngineContext ctx, ProjectWatcher.Track track, Instance instance) {
        PortFloatingIp inFlight = pending;
        if (inFlight != null) {
            return inFlight.isDone() && settle(ctx, track, instance, inFlight);
        }
        List<Port> ports = instance.fetchPorts().execute();
        for (Port p : ports) {
            Optional<FloatingIp> kept = PortFloatingIp.onPort(ctx, p.id());
            if (kept.isPresent()) {
                LaunchLog.info(
                        serverId,
                        track.launchId,
                        "server {}: unshelved with its floating IP {} still attached",
                        serverId,
                        kept.get().floatingIpAddress());
                return true;
            }
        }
        // Exosphere resets the intent from the metadata on unshelve (Helpers.decodeFloatingIpOption)
        FloatingIpChoice intent = instance.origin().floatingIp();
        if (intent.kind() == FloatingIpChoice.Kind.NONE) {
            skip(
                    track,
                    instance.server().metadata().containsKey(ExosphereMetadata.FLOATING_IP_OPTION)
                            ? "its " + ExosphereMetadata.FLOATING_IP_OPTION + " metadata asks for none"
                            : "it records no floating-IP intent (no " + ExosphereMetadata.FLOATING_IP_OPTION
                                    + " metadata: not launched by Exosphere)");
            return true;
        }
        if (ports.isEmpty()) {
            skip(track, "Neutron lists no network port of the server to attach one to");
            return true;
        }
        List<String> fixed = ports.stream()
                .flatMap(p -> p.fixedIps().stream())
                .map(FixedIp::ipAddress)
                .flatMap(Optional::stream)
                .toList();
        FloatingIpDecision d = FloatingIpDecision.decide(intent, "ACTIVE", true, false, fixed);
        portId = ports.get(0).id();
        switch (d.action()) {
            case CREATE -> {
                PortFloatingIp started =
                        PortFloatingIp.start(ctx, serverId, portId, "the floating IP of unshelved server " + serverId);
                pending = started;
                return started.isDone() && settle(ctx, track, instance, started);
            }
            case ASSIGN_EXISTING -> {
                String existing = d.existingFloatingIpId().orElseThrow();
                try {
                    attached(
                            ctx,
                            track,
                            instance,
                            ctx.os
                                    .network()
                                    .floatingIps()
                                    .associate(existing, portId)
                                    .execute(),
                            "assigned again");
                } catch (OpenStackException e) {
                    Optional<FloatingIp> there = PortFloatingIp.onPort(ctx, portId);
                    if (there.isPresent()) {
                        attached(ctx, track, instance, there.get(), "found"); // the PUT had reached Neutron
                    } else {
                        failed(track, "assigning floating IP " + existing + " failed (" + e.getMessage() + ")");
                    }
                }
                return true;
            }
            default -> {
                skip(track, d.reason() + " (" + String.join(", ", fixed) + ")");
                return true;
            }
        }
    }

    /** The create's answer: attached (created, or found on the port after a 409), or failed with the cause. */
    private boolean settle(EngineContext ctx, ProjectWatcher.Track track, Instance instance, PortFloatingIp done) {
        pending = null;
        PortFloatingIp.Outcome outcome = done.outcome();
        if (outcome.floatingIp().isPresent()) {
            attached(ctx, track, instance, outcome.floatingIp().get(), outcome.how());
        } else {
            failed(track, "creating it failed (" + outcome.failure().getMessage() + ")");
        }
        return true;
    }

    private void attached(
            EngineContext ctx, ProjectWatcher.Track track, Instance instance, FloatingIp fip, String how) {
        ctx.rememberIfCreated(serverId, fip); // delete and shelve(true) release it
        track.emit(
                Progress.State.FLOATING_IP_ATTACHED,
                "Floating IP " + fip.floatingIpAddress() + " attached after the unshelve");
        LaunchLog.info(
                serverId,
                track.launchId,
                "server {}: floating IP {} {} after the unshelve",
                serverId,
                fip.floatingIpAddress(),
                how);
        // the handles of now: the hostname may come after READY, when the watch has left the track's list
        AutomaticHostnames.afterAttach(ctx, instance, fip, track.launchId, track.started, List.copyOf(track.handles));
    }

    private void skip(ProjectWatcher.Track track, String why) {
        String message = "No floating IP after the unshelve: " + why;
        track.emit(Progress.State.SKIPPED, message);
        LaunchLog.warn(serverId, track.launchId, "server {}: {}", serverId, message);
    }

    private void failed(ProjectWatcher.Track track, String why) {
        String message = "The floating IP was not restored after the unshelve: " + why;
        track.emit(Progress.State.SKIPPED, message);
        track.fail(new InstanceFailedException(
                serverId,
                "Server " + serverId + " is ACTIVE again without its floating IP: " + why
                        + "; create one with openStack.network().floatingIps() on its port " + portId,
                false));
    }
}
