package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Simulated Designate v2 (paths after {@code /dns}): the project's zone {@code
 * <project name>.projects.simulated.test.} with its SOA and NS record sets (created on first use, with ids
 * of their own so the rest of the cloud's seeded ids do not move), record sets listed across the project
 * or per zone with Designate's {@code links.next} pagination, created {@code PENDING} then {@code ACTIVE}
 * after 5 s, deleted {@code PENDING}/{@code DELETE} then gone after 5 s, shaped like the Designate API
 * samples. Callers hold the {@link World} lock.
 */
public final class Designate {
    /** The domain under which the simulated project's zone lives. */
    public static final String ZONE_SUFFIX = ".projects.simulated.test.";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private final World w;
    private final World.RegionState rs;
    private final Keystone keystone;

    public Designate(World w, World.RegionState rs, Keystone keystone) {
        this.w = w;
        this.rs = rs;
        this.keystone = keystone;
    }

    /** The project's zone name in every region. */
    public static String zoneName(World w) {
        return w.scenario.projectName().toLowerCase(Locale.ROOT) + ZONE_SUFFIX;
    }

    /** Seeds the zone with its SOA and NS record sets once. */
    public static void ensureSeeded(World w, World.RegionState rs) {
        if (!rs.dnsZones.isEmpty()) {
            return;
        }
        Ids ids = new Ids((w.seed * 31) ^ rs.spec.id().hashCode() ^ 0x5eedd45L);
        Instant created = w.now();
        String zoneId = ids.uuid();
        String name = zoneName(w);
        ObjectNode z = Json.object();
        z.put("id", zoneId);
        z.put("pool_id", ids.uuid());
        z.put("project_id", w.projectId);
        z.put("name", name);
        z.put("email", "hostmaster@simulated.test");
        z.put("ttl", 3600);
        z.put("serial", created.getEpochSecond());
        z.put("status", "ACTIVE");
        z.put("action", "NONE");
        z.put("description", "Hostnames of project " + w.scenario.projectName());
        z.set("masters", Json.array());
        z.put("type", "PRIMARY");
        z.putNull("transferred_at");
        z.put("version", 1);
        z.put("created_at", micros(created));
        z.putNull("updated_at");
        z.set("attributes", Json.object());
        z.set("links", Json.object().put("self", "/v2/zones/" + zoneId));
        rs.dnsZones.put(zoneId, z);
        rs.recordSets.put(
                "soa",
                recordSet(
                        ids.uuid(),
                        z,
                        name,
                        "SOA",
                        null,
                        List.of("ns1.simulated.test. hostmaster.simulated.test. " + created.getEpochSecond()
                                + " 3519 600 86400 3600"),
                        created,
                        "ACTIVE",
                        "NONE"));
        rs.recordSets.put(
                "ns",
                recordSet(ids.uuid(), z, name, "NS", null, List.of("ns1.simulated.test."), created, "ACTIVE", "NONE"));
        // keyed by id, like everything else
        ObjectNode soa = rs.recordSets.remove("soa");
        ObjectNode ns = rs.recordSets.remove("ns");
        rs.recordSets.put(soa.get("id").asText(), soa);
        rs.recordSets.put(ns.get("id").asText(), ns);
    }

    private static String micros(Instant t) {
        return Json.micros(t).replace("Z", "").replace("+00:00", "");
    }

    private static ObjectNode recordSet(
            String id,
            ObjectNode zone,
            String name,
            String type,
            Integer ttl,
            List<String> records,
            Instant created,
            String status,
            String action) {
        ObjectNode r = Json.object();
        r.putNull("description");
        String zoneId = zone.get("id").asText();
        r.set("links", Json.object().put("self", "/v2/zones/" + zoneId + "/recordsets/" + id));
        r.putNull("updated_at");
        ArrayNode arr = r.putArray("records");
        records.forEach(arr::add);
        if (ttl == null) {
            r.putNull("ttl");
        } else {
            r.put("ttl", ttl);
        }
        r.put("id", id);
        r.put("name", name);
        r.put("project_id", zone.get("project_id").asText());
        r.put("zone_id", zoneId);
        r.put("zone_name", zone.get("name").asText());
        r.put("created_at", micros(created));
        r.put("version", 1);
        r.put("type", type);
        r.put("status", status);
        r.put("action", action);
        return r;
    }

    public Reply handle(Exchange ex) {
        keystone.requireToken(ex);
        ensureSeeded(w, rs);
        if (ex.size() < 2 || !ex.seg(0).equals("v2")) {
            throw new ApiException(404, "The resource could not be found.");
        }
        String what = ex.seg(1);
        if (what.equals("recordsets") && ex.size() == 2 && ex.method().equals("GET")) {
            return list(ex, new ArrayList<>(rs.recordSets.values()), "recordsets");
        }
        if (what.equals("zones")) {
            if (ex.size() == 2 && ex.method().equals("GET")) {
                return list(ex, new ArrayList<>(rs.dnsZones.values()), "zones");
            }
            ObjectNode zone = ex.size() >= 3 ? rs.dnsZones.get(ex.seg(2)) : null;
            if (zone == null) {
                throw new ApiException(404, "Could not find Zone");
            }
            if (ex.size() == 3 && ex.method().equals("GET")) {
                return Reply.ok(zone);
            }
            if (ex.size() >= 4 && ex.seg(3).equals("recordsets")) {
                return zoneRecordSets(ex, zone);
            }
        }
        throw new ApiException(404, "The resource could not be found.");
    }

    private Reply zoneRecordSets(Exchange ex, ObjectNode zone) {
        String zoneId = zone.get("id").asText();
        if (ex.size() == 4 && ex.method().equals("GET")) {
            List<ObjectNode> mine = new ArrayList<>();
            rs.recordSets.values().stream()
                    .filter(r -> r.get("zone_id").asText().equals(zoneId))
                    .forEach(mine::add);
            return list(ex, mine, "recordsets");
        }
        if (ex.size() == 4 && ex.method().equals("POST")) {
            return create(ex, zone);
        }
        if (ex.size() == 5) {
            ObjectNode r = rs.recordSets.get(ex.seg(4));
            if (r == null || !r.get("zone_id").asText().equals(zoneId)) {
                throw new ApiException(404, "Could not find RecordSet");
            }
            switch (ex.method()) {
                case "GET" -> {
                    return Reply.ok(r);
                }
                case "DELETE" -> {
                    String type = r.get("type").asText();
                    if (type.equals("SOA")
                            || type.equals("NS")
                                    && r.get("name")
                                            .asText()
                                            .equals(zone.get("name").asText())) {
                        throw new ApiException(403, "Managed records may not be deleted");
                    }
                    r.put("status", "PENDING");
                    r.put("action", "DELETE");
                    r.put("version", r.get("version").asInt() + 1);
                    String id = r.get("id").asText();
                    w.schedule(w.now().plusSeconds(5), () -> rs.recordSets.remove(id));
                    return Reply.json(202, r.deepCopy());
                }
                default -> throw new ApiException(405, "The method is not allowed for the requested URL.");
            }
        }
        throw new ApiException(404, "The resource could not be found.");
    }

    private Reply create(Exchange ex, ObjectNode zone) {
        JsonNode req = ex.json();
        if (req == null || !req.isObject()) {
            throw new ApiException(400, "Malformed JSON");
        }
        String name = req.path("name").asText("");
        String type = req.path("type").asText("").toUpperCase(Locale.ROOT);
        String zoneName = zone.get("name").asText();
        if (!name.endsWith(".")) {
            throw new ApiException(400, "Invalid object: name '" + name + "' is not a FQDN (it must end in '.')");
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith("." + zoneName.toLowerCase(Locale.ROOT))
                && !name.equalsIgnoreCase(zoneName)) {
            throw new ApiException(400, "RecordSet is not contained within it's parent zone");
        }
        if (!List.of("A", "AAAA", "CNAME", "TXT", "PTR", "MX", "SRV").contains(type)) {
            throw new ApiException(400, "Invalid object: type '" + type + "' is not supported");
        }
        JsonNode recs = req.get("records");
        if (recs == null || !recs.isArray() || recs.isEmpty()) {
            throw new ApiException(400, "Invalid object: records must be a non-empty list");
        }
        List<String> records = new ArrayList<>();
        for (JsonNode r : recs) {
            String v = r.asText();
            if (type.equals("A") && !isIpv4(v)) {
                throw new ApiException(400, "Invalid object: '" + v + "' is not a 'ipv4'");
            }
            records.add(v);
        }
        boolean duplicate = rs.recordSets.values().stream()
                .anyMatch(r -> r.get("zone_id").asText().equals(zone.get("id").asText())
                        && r.get("name").asText().equalsIgnoreCase(name)
                        && r.get("type").asText().equals(type)
                        && !"DELETE".equals(r.path("action").asText()));
        if (duplicate) {
            throw new ApiException(409, "Duplicate RecordSet");
        }
        Integer ttl = req.hasNonNull("ttl") ? req.get("ttl").asInt() : null;
        Instant now = w.now();
        ObjectNode r = recordSet(
                w.ids.uuid(), zone, name.toLowerCase(Locale.ROOT), type, ttl, records, now, "PENDING", "CREATE");
        if (req.hasNonNull("description")) {
            r.put("description", req.get("description").asText());
        }
        rs.recordSets.put(r.get("id").asText(), r);
        w.schedule(now.plusSeconds(5), () -> {
            if ("CREATE".equals(r.path("action").asText())) {
                r.put("status", "ACTIVE");
                r.put("action", "NONE");
                r.put("updated_at", micros(w.now()));
            }
        });
        return Reply.json(202, r);
    }

    private static boolean isIpv4(String v) {
        var m = IPV4.matcher(v);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Filters ({@code name}, {@code type}, {@code data}, {@code status}), limit/marker pages and Designate's links. */
    private Reply list(Exchange ex, List<ObjectNode> all, String key) {
        String name = ex.query("name");
        String type = ex.query("type");
        String data = ex.query("data");
        String status = ex.query("status");
        all.removeIf(r -> (name != null && !r.path("name").asText().equalsIgnoreCase(name))
                || (type != null && !r.path("type").asText().equalsIgnoreCase(type))
                || (status != null && !r.path("status").asText().equalsIgnoreCase(status))
                || (data != null && !contains(r.get("records"), data)));
        Paging.Page<ObjectNode> page = Paging.page(
                all, r -> r.get("id").asText(), Paging.limit(ex), ex.query("marker"), 1000, "Invalid marker");
        ArrayNode arr = Json.array();
        page.items().forEach(arr::add);
        ObjectNode body = Json.object(key, arr);
        ObjectNode links = Json.object();
        links.put("self", ex.url().toString());
        if (page.more()) {
            links.put(
                    "next",
                    ex.url()
                            .newBuilder()
                            .removeAllQueryParameters("marker")
                            .addQueryParameter(
                                    "marker",
                                    page.items()
                                            .get(page.items().size() - 1)
                                            .get("id")
                                            .asText())
                            .build()
                            .toString());
        }
        body.set("links", links);
        body.set("metadata", Json.object().put("total_count", all.size()));
        return Reply.ok(body);
    }

    private static boolean contains(JsonNode records, String value) {
        if (records == null) {
            return false;
        }
        for (JsonNode r : records) {
            if (r.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** {@code GET /dns/}: the versions document. */
    public static ObjectNode versions(String base) {
        ArrayNode arr = Json.array();
        arr.add(Json.object()
                .put("id", "v2.1")
                .put("status", "CURRENT")
                .set(
                        "links",
                        Json.array().add(Json.object().put("href", base + "/v2").put("rel", "self"))));
        arr.add(Json.object()
                .put("id", "v2.0")
                .put("status", "SUPPORTED")
                .set(
                        "links",
                        Json.array().add(Json.object().put("href", base + "/v2").put("rel", "self"))));
        return Json.object("versions", arr);
    }
}
