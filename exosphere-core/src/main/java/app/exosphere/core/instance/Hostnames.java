package app.exosphere.core.instance;

import app.exosphere.core.config.DnsZone;
import app.exosphere.core.config.ExosphereCloudConfig;
import app.exosphere.core.dns.RecordSet;
import app.exosphere.core.dns.RecordSetCreateRequest;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackClientException;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.http.Call;
import app.exosphere.core.network.FloatingIp;
import app.exosphere.core.rules.DnsZoneChoice;
import app.exosphere.core.rules.Hostname;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DNS hostnames for floating IPs, the web app's way ({@code Rest.Designate}, {@code GetterSetters.getDefaultZone},
 * {@code Helpers.sanitizeHostname}, {@code State.State} {@code RequestCreateServerHostname}): an {@code A}
 * record set {@code <sanitised instance name>.<zone>} holding the floating IP, in the zone the cloud
 * configuration names for the region (else the project's busiest zone). Created exactly once, deleted
 * idempotently. Needs a {@code dns} service in the catalog. Obtain it from {@code exosphere.hostnames()};
 * immutable and thread-safe.
 *
 * <pre>{@code
 * RecordSet rs = exosphere.hostnames().create(instance, "149.165.157.212").execute();
 * System.out.println(rs.hostname());                                    // "demo.bio101.projects.jetstream-cloud.org"
 * exosphere.hostnames().hostnamesOf("149.165.157.212").execute();       // [demo.bio101.projects.jetstream-cloud.org]
 * exosphere.hostnames().deleteFor("149.165.157.212").execute();
 * }</pre>
 */
public final class Hostnames {
    /** The word the web app's default localization uses for a server. */
    static final String INSTANCE_WORD = "instance";

    private final EngineContext ctx;

    Hostnames(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Fetches every record set of the project ({@code GET /v2/recordsets}, pages of 1000). */
    public Call<List<RecordSet>> list() {
        return ctx.os.dns().recordSets().all();
    }

    /**
     * Fetches the hostnames of {@code ip}: the names (one trailing {@code .} removed) of every record set
     * holding it, whatever its type, as the web app shows them on the instance page.
     */
    public Call<List<String>> hostnamesOf(String ip) {
        return ctx.operation(() -> hostnamesOf(ip, ctx.os.dns().recordSets().toList()));
    }

    static List<String> hostnamesOf(String ip, List<RecordSet> all) {
        return all.stream().filter(r -> r.holds(ip)).map(RecordSet::hostname).toList();
    }

    /**
     * Fetches the zone hostnames go in ({@link DnsZoneChoice}): the cloud configuration's {@code dnsZones}
     * entry for this region with {@code {project_name}} replaced, else the project's busiest zone.
     */
    public Call<Optional<DnsZoneChoice.Chosen>> fetchDefaultZone() {
        return ctx.operation(() -> defaultZone(ctx.os.dns().recordSets().toList()));
    }

    Optional<DnsZoneChoice.Chosen> defaultZone(List<RecordSet> all) {
        Optional<DnsZone> configured = ctx.settings
                .cloudConfig()
                .flatMap(c -> dnsZone(c, ctx.os.region().orElse(null)));
        String projectName = configured.isPresent()
                ? ctx.os.token().execute().project().map(p -> p.name()).orElse("")
                : "";
        return DnsZoneChoice.choose(configured, projectName, all);
    }

    private static Optional<DnsZone> dnsZone(ExosphereCloudConfig c, String region) {
        return c.dnsZoneFor(region);
    }

    /**
     * Creates the hostname of {@code instance} for {@code floatingIp}: {@code POST
     * /v2/zones/{zone}/recordsets} {@code {"name":"<hostname>.<zone>","description":"Created for instance
     * <name>","type":"A","records":["<ip>"],"ttl":3600}}.
     *
     * <p>When an identical record set (zone, name, type {@code A}, records) exists already, it is answered
     * and nothing is created (the web app's {@code Rest.Designate.requestCreateRecordSetIfNotExists}; logged
     * and reported as a milestone). When the create fails ambiguously, the record set is looked for until
     * the reconcile window has passed, so a lost answer never makes a second one.
     *
     * <p>Fails with {@link OpenStackClientException} saying the web app's "Could not determine a valid
     * hostname for instance named '…'." when the name sanitises to nothing (before any request), and
     * when no zone fits (no {@code dnsZones} zone among the project's record sets,
     * or no record set at all).
     */
    public Call<RecordSet> create(Instance instance, String floatingIp) {
        String name = instance.name();
        String hostname = Hostname.sanitize(name)
                .orElseThrow(() -> new OpenStackClientException(Hostname.noHostnameMessage(INSTANCE_WORD, name)
                        + " Rename the instance to include letters or digits."));
        if (floatingIp == null || floatingIp.isBlank()) {
            throw new IllegalArgumentException("a hostname needs the floating IP address it points at");
        }
        return ctx.operation(() -> {
            DnsZoneChoice.Chosen zone = defaultZone(ctx.os.dns().recordSets().toList())
                    .orElseThrow(() -> new OpenStackClientException(
                            "No DNS zone for hostnames: " + noZoneReason() + "; " + NO_ZONE_ADVICE));
            Made made = createIn(zone, instance.id(), name, hostname, floatingIp);
            if (made.existed()) {
                LaunchLog.warn(
                        instance.id(),
                        null,
                        "hostname {} for {} exists already (record set {}); not creating another",
                        made.recordSet().name(),
                        floatingIp,
                        made.recordSet().id());
            }
            return made.recordSet();
        });
    }

    static final String NO_ZONE_ADVICE = "create the zone in Designate or set dnsZones in the cloud configuration";

    /** Why {@link #defaultZone} found nothing. */
    String noZoneReason() {
        return ctx.settings
                        .cloudConfig()
                        .flatMap(c -> dnsZone(c, ctx.os.region().orElse(null)))
                        .isPresent()
                ? "the zone the cloud configuration's dnsZones names holds no record set of this project"
                : "the project has no record set in any zone";
    }

    /** A record set made or found by {@link #createIn}. */
    record Made(RecordSet recordSet, boolean existed) {}

    /**
     * The web app's record set for {@code hostname} in {@code zone}, unless an identical one exists:
     * created exactly once ({@link CreateOnce}). Blocking; reports a milestone, logs nothing at WARN.
     */
    Made createIn(DnsZoneChoice.Chosen zone, String serverId, String instanceName, String hostname, String ip) {
        RecordSetCreateRequest request = RecordSetCreateRequest.builder()
                .name(Hostname.recordName(hostname, zone.zoneName()))
                .description(Hostname.description(INSTANCE_WORD, instanceName))
                .type("A")
                .addRecords(ip)
                .build();
        Optional<RecordSet> existing = identical(zone, request);
        if (existing.isPresent()) {
            ctx.milestone(
                    "hostname-exists",
                    serverId,
                    null,
                    "record set " + existing.get().id() + " " + request.name() + " already holds " + ip);
            return new Made(existing.get(), true);
        }
        RecordSet created = CreateOnce.run(
                ctx,
                "record set " + request.name() + " for " + ip,
                () -> ctx.os.dns().createRecordSet(zone.zoneId(), request).execute(),
                () -> identical(zone, request));
        ctx.milestone("hostname-created", serverId, null, request.name() + " -> " + ip);
        return new Made(created, false);
    }

    private Optional<RecordSet> identical(DnsZoneChoice.Chosen zone, RecordSetCreateRequest request) {
        return ctx.os.dns().recordSetsOf(zone.zoneId()).stream()
                .filter(r -> r.name().equalsIgnoreCase(request.name())
                        && r.isA()
                        && new java.util.HashSet<>(r.records()).equals(new java.util.HashSet<>(request.records())))
                .findFirst();
    }

    /**
     * Deletes every {@code A} record set holding {@code floatingIp} (the web app deletes a server's record
     * sets with its floating IP); idempotent: a record set already gone counts as deleted. Returns those
     * deleted.
     */
    public Call<List<RecordSet>> deleteFor(String floatingIp) {
        return ctx.operation(() -> {
            List<RecordSet> deleted = new ArrayList<>();
            for (RecordSet r : ctx.os.dns().recordSets().toList()) {
                if (r.isA() && r.holds(floatingIp)) {
                    deleteNow(r);
                    deleted.add(r);
                }
            }
            return List.copyOf(deleted);
        });
    }

    /** Deletes one record set ({@code DELETE /v2/zones/{zone}/recordsets/{id}}); idempotent. */
    public Call<Void> delete(RecordSet recordSet) {
        return ctx.operation(() -> {
            deleteNow(recordSet);
            return null;
        });
    }

    void deleteNow(RecordSet r) {
        for (int attempt = 1; ; attempt++) {
            try {
                ctx.os.dns().deleteRecordSet(r.zoneId(), r.id()).execute();
                return;
            } catch (NotFoundException gone) {
                return;
            } catch (OpenStackException e) {
                if (attempt >= 2 || !ExactlyOnceCreate.ambiguous(e)) {
                    throw e;
                }
            }
        }
    }

    /** The hostnames of the instance's floating IPs (one request for record sets, plus its floating IPs). */
    Call<List<String>> of(Instance instance) {
        return ctx.operation(() -> {
            List<FloatingIp> fips = instance.fetchFloatingIps().execute();
            if (fips.isEmpty()) {
                return List.of();
            }
            List<RecordSet> all = ctx.os.dns().recordSets().toList();
            List<String> out = new ArrayList<>();
            fips.forEach(f -> out.addAll(hostnamesOf(f.floatingIpAddress(), all)));
            return List.copyOf(out);
        });
    }

    @Override
    public String toString() {
        return "Hostnames{" + ctx.os.region().orElse("any region") + "}";
    }
}
