package app.exosphere.core.instance;

import app.exosphere.core.dns.RecordSet;
import app.exosphere.core.error.EndpointNotFoundException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.rules.DnsZoneChoice;
import app.exosphere.core.rules.Hostname;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The DNS hostname the web app gives a floating IP it creates or assigns for a server, and its removal
 * with the floating IP (Exosphere's {@code State.State} {@code RequestCreateServerHostname}, {@code
 * Helpers.sanitizeHostname}, {@code GetterSetters.getDefaultZone}; records deleted with their floating IP
 * as in {@code State.State}'s server delete). Switched by {@link ExosphereSettings#automaticHostnames()}.
 *
 * <p>Best effort, never silent: the watcher calls {@link #afterAttach} once a floating IP is attached and
 * goes on at once; the record set is made on the HTTP client's pool (exactly once, {@link
 * Hostnames#createIn}), so it never delays or fails {@link Progress.State#READY}. Its outcome is one
 * event: {@link Progress.State#HOSTNAME_CREATED}, or {@link Progress.State#SKIPPED} with one WARN line
 * saying why no record was made (no DNS service, a name that sanitises to nothing, no zone, a failed
 * create). {@link #beforeRelease} deletes the record sets holding floating IPs the SDK is about to release,
 * after waiting for an automatic hostname of the same server still being made in this process; idempotent,
 * and a failure there is a WARN line, never a reason not to release.
 */
final class AutomaticHostnames {
    private AutomaticHostnames() {}

    /**
     * Makes the hostname of {@code fip}, attached to {@code instance}, in the background and reports the
     * outcome to {@code handles} (times relative to {@code watchStarted}). Returns at once; the future
     * completes when the outcome is reported (never exceptionally).
     */
    static CompletableFuture<Void> afterAttach(
            EngineContext ctx,
            Instance instance,
            FloatingIp fip,
            String launchId,
            Instant watchStarted,
            List<InstanceWatch> handles) {
        String serverId = instance.id();
        if (!ctx.settings.automaticHostnames()) {
            ctx.attachedFloatingIps.put(
                    serverId, new Attached(fip.id(), fip.floatingIpAddress(), CompletableFuture.completedFuture(null)));
            LaunchLog.info(
                    instance.id(),
                    launchId,
                    "server {}: no hostname for floating IP {} (automaticHostnames is off)",
                    instance.id(),
                    fip.floatingIpAddress());
            return CompletableFuture.completedFuture(null);
        }
        Reporter report = new Reporter(ctx, instance.id(), launchId, watchStarted, handles, fip.floatingIpAddress());
        CompletableFuture<Void> done = ctx.operation(() -> {
                    create(ctx, instance, fip.floatingIpAddress(), report);
                    return (Void) null;
                })
                .executeAsync()
                .exceptionally(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    report.skipped("it failed unexpectedly (" + cause + ")");
                    return null;
                });
        ctx.attachedFloatingIps.put(serverId, new Attached(fip.id(), fip.floatingIpAddress(), done));
        return done;
    }

    /**
     * A floating IP the watcher attached in this process and its automatic hostname's outcome, kept until
     * the server is deleted, so that delete knows the address without asking Neutron and waits for a
     * hostname still being made.
     */
    record Attached(String floatingIpId, String address, CompletableFuture<Void> hostname) {}

    private static void create(EngineContext ctx, Instance instance, String ip, Reporter report) {
        Hostnames hostnames = new Hostnames(ctx);
        List<RecordSet> all;
        try {
            all = ctx.os.dns().recordSets().toList();
        } catch (EndpointNotFoundException noDns) {
            report.skipped("the cloud has no DNS service (Designate) in its catalog for this region"
                    + "; set ExosphereSettings.automaticHostnames(false) not to be told again");
            return;
        } catch (OpenStackException e) {
            report.skipped("listing the project's DNS record sets failed (" + e.getMessage()
                    + "); create it later with exosphere.hostnames().create(instance, ip)");
            return;
        }
        Optional<String> hostname = Hostname.sanitize(instance.name());
        if (hostname.isEmpty()) {
            report.skipped(Hostname.noHostnameMessage(Hostnames.INSTANCE_WORD, instance.name())
                    + " Rename the instance to include letters or digits.");
            return;
        }
        Optional<DnsZoneChoice.Chosen> zone;
        try {
            zone = hostnames.defaultZone(all);
        } catch (OpenStackException e) {
            report.skipped("choosing the DNS zone failed (" + e.getMessage() + ")");
            return;
        }
        if (zone.isEmpty()) {
            report.skipped("no DNS zone fits: " + hostnames.noZoneReason() + "; " + Hostnames.NO_ZONE_ADVICE);
            return;
        }
        try {
            Hostnames.Made made = hostnames.createIn(zone.get(), instance.id(), instance.name(), hostname.get(), ip);
            String name = made.recordSet().hostname();
            report.created("Hostname " + name + " points at " + ip
                    + (made.existed() ? " (its record set existed already)" : ""));
        } catch (OpenStackException e) {
            report.skipped("creating the record set failed (" + e.getMessage() + ")");
        }
    }

    /**
     * Deletes the {@code A} record sets holding the floating IPs about to be released ({@code addresses}: id
     * to address, the address null when unknown: then it is the one the watcher attached in this process,
     * else it is read from Neutron, and only when the project has {@code A} record sets at all). Blocking; idempotent; nothing on a cloud without DNS; failures are WARN lines.
     */
    static void beforeRelease(EngineContext ctx, String serverId, String launchId, Map<String, String> addresses) {
        Attached attached = ctx.attachedFloatingIps.remove(serverId);
        if (addresses.isEmpty()) {
            return;
        }
        if (attached != null) {
            attached.hostname().join(); // a hostname made after this would outlive its floating IP (never fails)
            if (addresses.containsKey(attached.floatingIpId()) && addresses.get(attached.floatingIpId()) == null) {
                addresses.put(attached.floatingIpId(), attached.address());
            }
        }
        List<RecordSet> aRecords;
        try {
            aRecords = ctx.os.dns().recordSets().toList().stream()
                    .filter(RecordSet::isA)
                    .toList();
        } catch (EndpointNotFoundException noDns) {
            return; // no Designate: no hostname can point at the floating IPs
        } catch (OpenStackException e) {
            LaunchLog.warn(
                    serverId,
                    launchId,
                    "server {}: could not list DNS record sets ({}); releasing its floating IPs anyway, delete"
                            + " their hostnames with exosphere.hostnames().deleteFor(ip)",
                    serverId,
                    e.getMessage());
            return;
        }
        if (aRecords.isEmpty()) {
            return;
        }
        Hostnames hostnames = new Hostnames(ctx);
        for (Map.Entry<String, String> e : addresses.entrySet()) {
            String ip = e.getValue();
            try {
                if (ip == null) {
                    ip = ctx.os
                            .network()
                            .floatingIps()
                            .get(e.getKey())
                            .execute()
                            .floatingIpAddress();
                }
                for (RecordSet r : aRecords) {
                    if (r.holds(ip)) {
                        hostnames.deleteNow(r);
                        LaunchLog.info(
                                serverId, launchId, "server {}: hostname {} of {} deleted", serverId, r.name(), ip);
                    }
                }
            } catch (NotFoundException gone) {
                // the floating IP is released already: its hostname was handled with it, or is left for deleteFor
            } catch (OpenStackException failed) {
                LaunchLog.warn(
                        serverId,
                        launchId,
                        "server {}: deleting the hostname of floating IP {} failed ({}); releasing it anyway,"
                                + " delete the record set by hand",
                        serverId,
                        ip == null ? e.getKey() : ip,
                        failed.getMessage());
            }
        }
    }

    /** Reports the one outcome to the watch handles, the listener and the log. */
    private record Reporter(
            EngineContext ctx,
            String serverId,
            String launchId,
            Instant watchStarted,
            List<InstanceWatch> handles,
            String ip) {

        void created(String message) {
            LaunchLog.info(serverId, launchId, "server {}: {}", serverId, message);
            deliver(Progress.State.HOSTNAME_CREATED, message);
        }

        void skipped(String reason) {
            String message = "No hostname was created for floating IP " + ip + ": " + reason;
            LaunchLog.warn(serverId, launchId, "server {}: {}", serverId, message);
            deliver(Progress.State.SKIPPED, message);
        }

        private void deliver(Progress.State state, String message) {
            Instant now = ctx.clock.instant();
            Progress p = new Progress(serverId, state, Duration.between(watchStarted, now), message, now);
            ctx.milestone(state.name(), serverId, launchId, message);
            handles.forEach(h -> h.deliver(p, h.latest()));
        }
    }
}
