package app.exosphere.core.rules;

import app.exosphere.core.config.DnsZone;
import app.exosphere.core.dns.RecordSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Designate zone the web app puts an instance's hostname in (Exosphere's {@code
 * GetterSetters.getDefaultZone}): with a {@code dnsZones} entry in the cloud configuration, the zone named
 * by its template ({@code {project_name}} replaced) among the zones of the project's record sets, compared
 * case-insensitively; without one, the zone holding the most of the project's record sets, ignoring zones
 * whose name starts with {@code tg-}.
 *
 * <p>The web app only knows zones through record sets, so a configured zone that holds no record set yet
 * is not found; the SDK keeps that rule (Designate creates the zone's SOA and NS record sets, so a zone
 * always holds some). Where the web app counts runs of consecutive record sets ({@code
 * List.Extra.groupWhile} on the unsorted list) the SDK counts every record set of a zone; a tie goes to
 * the zone seen last, as the web app's reversed stable sort does.
 *
 * <pre>{@code
 * Optional<DnsZoneChoice.Chosen> zone = DnsZoneChoice.choose(
 *         Optional.of(new DnsZone("IU", "{project_name}.projects.jetstream-cloud.org.")), "bio101", openStack.dns().recordSets().toList());
 * }</pre>
 */
public final class DnsZoneChoice {
    /**
     * The chosen zone.
     *
     * @param zoneId the Designate zone id
     * @param zoneName its name, ending in {@code .}
     */
    public record Chosen(String zoneId, String zoneName) {
        public Chosen {
            Objects.requireNonNull(zoneId, "zoneId");
            Objects.requireNonNull(zoneName, "zoneName");
        }
    }

    private DnsZoneChoice() {}

    /**
     * The zone for the project's hostnames.
     *
     * @param configured the cloud configuration's entry for the project's region ({@code
     *     ExosphereCloudConfig.dnsZoneFor(region)}), or empty
     * @param projectName the project's name, for {@code {project_name}}
     * @param recordSets every record set of the project
     * @return empty when no zone fits (the web app then disables "Create")
     */
    public static Optional<Chosen> choose(
            Optional<DnsZone> configured, String projectName, List<RecordSet> recordSets) {
        if (configured.isPresent()) {
            String wanted = configured.get().zoneFor(projectName).toLowerCase(Locale.ROOT);
            return recordSets.stream()
                    .filter(r -> r.zoneName().toLowerCase(Locale.ROOT).equals(wanted))
                    .findFirst()
                    .map(r -> new Chosen(r.zoneId(), r.zoneName()));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> lastSeen = new LinkedHashMap<>();
        for (int i = 0; i < recordSets.size(); i++) {
            RecordSet r = recordSets.get(i);
            if (r.zoneName().startsWith("tg-")) {
                continue;
            }
            counts.merge(r.zoneId(), 1, Integer::sum);
            names.putIfAbsent(r.zoneId(), r.zoneName());
            lastSeen.put(r.zoneId(), i);
        }
        String best = null;
        for (String zoneId : counts.keySet()) {
            if (best == null
                    || counts.get(zoneId) > counts.get(best)
                    || (counts.get(zoneId).equals(counts.get(best)) && lastSeen.get(zoneId) > lastSeen.get(best))) {
                best = zoneId;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Chosen(best, names.get(best)));
    }
}
