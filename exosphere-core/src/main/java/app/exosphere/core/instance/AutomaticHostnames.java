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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * and a failure there is a WARN line, never a reason not to release. {@link #afterRename} recreates them
 * for a renamed server.
 */
final class AutomaticHostnames {
    private static final Logger LOG = LoggerFactory.getLogger(AutomaticHostnames.class);

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

    /** The hostnames {@link #afterRename} deleted and created (names without the trailing {@code .}). */
    record Renamed(List<String> deleted, List<String> created) {
        static final Renamed NOTHING = new Renamed(List.of(), List.of());
    }

    /**
     * The web app's DNS records recreated on rename ({@code Helpers.sanitizeHostname}, {@code
     * GetterSetters.getDefaultZone}, {@code Rest.Designate}): deletes the {@code A} record sets {@code
     * <sanitised old name>.<zone>} holding one of {@code before}'s floating IPs, then creates {@code
     * <sanitised new name>.<zone>} for each floating IP that lost one or had no {@code A} record (exactly
     * once, {@link Hostnames#createIn}), unless {@code automaticHostnames} is off. Blocking; what is not done
     * is added to {@code skipped} and logged at WARN; a cloud without DNS is a DEBUG line.
     */
    static Renamed afterRename(Instance before, String newName, String launchId, List<String> skipped) {
        EngineContext ctx = before.context();
        String serverId = before.id();
        Optional<String> oldHostname = Hostname.sanitize(before.name());
        Optional<String> newHostname = Hostname.sanitize(newName);
        if (oldHostname.isPresent() && oldHostname.equals(newHostname)) {
            LaunchLog.info(
                    serverId, launchId, "server {}: hostname {} unchanged by the rename", serverId, oldHostname.get());
            return Renamed.NOTHING;
        }
        Attached attached = ctx.attachedFloatingIps.get(serverId);
        if (attached != null) {
            attached.hostname().join(); // an automatic hostname of the old name still being made (never fails)
        }
        List<RecordSet> all;
        try {
            all = ctx.os.dns().recordSets().toList();
        } catch (EndpointNotFoundException noDns) {
            LOG.debug("server {}: the cloud has no DNS service; no hostname to recreate on rename", serverId);
            return Renamed.NOTHING;
        } catch (OpenStackException e) {
            warnSkip(
                    skipped,
                    serverId,
                    launchId,
                    "listing the project's DNS record sets failed (" + e.getMessage()
                            + "); hostnames of the old name may remain, see exosphere.hostnames().deleteFor(ip)");
            return Renamed.NOTHING;
        }
        List<String> ips;
        try {
            ips = before.fetchFloatingIps().execute().stream()
                    .map(FloatingIp::floatingIpAddress)
                    .toList();
        } catch (OpenStackException e) {
            warnSkip(
                    skipped,
                    serverId,
                    launchId,
                    "listing the instance's floating IPs failed (" + e.getMessage()
                            + "); its hostnames were not recreated for the new name");
            return Renamed.NOTHING;
        }
        if (ips.isEmpty()) {
            return Renamed.NOTHING;
        }
        Hostnames hostnames = new Hostnames(ctx);
        // the zone is chosen from the record sets as they were: deleting the old record may empty the busiest zone
        Optional<DnsZoneChoice.Chosen> zone = Optional.empty();
        String zoneFailure = null;
        if (newHostname.isPresent()) {
            try {
                zone = hostnames.defaultZone(all);
            } catch (OpenStackException e) {
                zoneFailure = "choosing the DNS zone failed (" + e.getMessage() + ")";
            }
        }
        List<String> deleted = new ArrayList<>();
        List<String> wanting = new ArrayList<>();
        for (String ip : ips) {
            List<RecordSet> ofIp =
                    all.stream().filter(r -> r.isA() && r.holds(ip)).toList();
            if (ofIp.isEmpty()) {
                wanting.add(ip);
            }
            for (RecordSet r : ofIp) {
                if (oldHostname.isEmpty()
                        || !r.name().equalsIgnoreCase(Hostname.recordName(oldHostname.get(), r.zoneName()))) {
                    continue; // a record set of another name (made by hand) is left alone
                }
                try {
                    hostnames.deleteNow(r);
                    deleted.add(r.hostname());
                    if (!wanting.contains(ip)) {
                        wanting.add(ip);
                    }
                    LaunchLog.info(
                            serverId, launchId, "server {}: hostname {} of the old name deleted", serverId, r.name());
                } catch (OpenStackException e) {
                    warnSkip(
                            skipped,
                            serverId,
                            launchId,
                            "deleting the old hostname " + r.hostname() + " failed (" + e.getMessage()
                                    + "); delete it with exosphere.hostnames().delete(recordSet)");
                }
            }
        }
        List<String> created = new ArrayList<>();
        if (wanting.isEmpty()) {
            return new Renamed(deleted, created);
        }
        if (!ctx.settings.automaticHostnames()) {
            LaunchLog.info(
                    serverId,
                    launchId,
                    "server {}: no hostname for the new name (automaticHostnames is off)",
                    serverId);
            return new Renamed(deleted, created);
        }
        if (newHostname.isEmpty()) {
            warnSkip(
                    skipped,
                    serverId,
                    launchId,
                    Hostname.noHostnameMessage(Hostnames.INSTANCE_WORD, newName) + " No hostname was created for "
                            + String.join(", ", wanting) + ".");
            return new Renamed(deleted, created);
        }
        if (zone.isEmpty()) {
            warnSkip(
                    skipped,
                    serverId,
                    launchId,
                    "No hostname was created for " + String.join(", ", wanting) + ": "
                            + (zoneFailure != null
                                    ? zoneFailure
                                    : "no DNS zone fits: " + hostnames.noZoneReason() + "; "
                                            + Hostnames.NO_ZONE_ADVICE));
            return new Renamed(deleted, created);
        }
        for (String ip : wanting) {
            try {
                Hostnames.Made made = hostnames.createIn(zone.get(), serverId, newName, newHostname.get(), ip);
                created.add(made.recordSet().hostname());
                LaunchLog.info(
                        serverId,
                        launchId,
                        "server {}: hostname {} points at {}",
                        serverId,
                        made.recordSet().name(),
                        ip);
            } catch (OpenStackException e) {
                warnSkip(
                        skipped,
                        serverId,
                        launchId,
                        "creating the hostname of " + ip + " failed (" + e.getMessage()
                                + "); create it with exosphere.hostnames().create(instance, ip)");
            }
        }
        return new Renamed(deleted, created);
    }

    private static void warnSkip(List<String> skipped, String serverId, String launchId, String why) {
        LaunchLog.warn(serverId, launchId, "server {}: rename: {}", serverId, why);
        skipped.add(why);
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
