package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Simulated Cinder v3 (paths after {@code /volume/v3/{project_id}}). Callers hold the {@link World} lock. */
public final class Cinder {
    /** Microversion range 3.0–3.70 (2023.2). */
    public static final int MAX_MINOR = 70;

    private final World w;
    private final World.RegionState rs;
    private final Keystone keystone;

    public Cinder(World w, World.RegionState rs, Keystone keystone) {
        this.w = w;
        this.rs = rs;
        this.keystone = keystone;
    }

    static ObjectNode volume(World w, World.RegionState rs, String name, int sizeGb, Instant created) {
        ObjectNode v = Json.object();
        String id = w.ids.uuid();
        v.set("attachments", Json.array());
        v.put("availability_zone", "nova");
        v.put("bootable", "false");
        v.putNull("consistencygroup_id");
        v.put("created_at", Json.micros(created));
        v.putNull("description");
        v.put("encrypted", false);
        v.put("id", id);
        String base = w.apiBase + "/" + rs.spec.id() + "/volume";
        ArrayNode links = Json.array();
        links.add(Json.object()
                .put("href", base + "/v3/" + w.projectId + "/volumes/" + id)
                .put("rel", "self"));
        links.add(Json.object()
                .put("href", base + "/" + w.projectId + "/volumes/" + id)
                .put("rel", "bookmark"));
        v.set("links", links);
        v.set("metadata", Json.object());
        v.putNull("migration_status");
        v.put("multiattach", false);
        v.put("name", name);
        v.putNull("os-vol-host-attr:host");
        v.putNull("os-vol-mig-status-attr:migstat");
        v.putNull("os-vol-mig-status-attr:name_id");
        v.put("os-vol-tenant-attr:tenant_id", w.projectId);
        v.putNull("replication_status");
        v.put("size", sizeGb);
        v.putNull("snapshot_id");
        v.putNull("source_volid");
        v.put("status", "creating");
        v.putNull("updated_at");
        v.put("user_id", w.userId);
        v.put("volume_type", "__DEFAULT__");
        rs.volumes.put(id, v);
        w.schedule(created.plusSeconds(5), () -> {
            if ("creating".equals(v.path("status").asText())) {
                v.put("status", "available");
                v.put("updated_at", Json.micros(w.now()));
            }
        });
        return v;
    }

    static void attach(World.RegionState rs, ObjectNode vol, String serverId, String device) {
        vol.put("status", "in-use");
        ObjectNode a = Json.object();
        a.put("server_id", serverId);
        a.put(
                "attachment_id",
                java.util
                        .UUID
                        .nameUUIDFromBytes(
                                (serverId + vol.get("id").asText()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
        a.put("attached_at", vol.path("created_at").asText());
        a.put("host_name", (String) null);
        a.put("volume_id", vol.get("id").asText());
        a.put("device", device);
        a.put("id", vol.get("id").asText());
        ((ArrayNode) vol.get("attachments")).removeAll().add(a);
    }

    static void detach(ObjectNode vol) {
        vol.put("status", "available");
        ((ArrayNode) vol.get("attachments")).removeAll();
    }

    /** gigabytes and volume count in use. */
    static int[] usage(World w, World.RegionState rs) {
        int[] used = new int[2];
        for (ObjectNode v : rs.volumes.values()) {
            used[0]++;
            used[1] += v.get("size").asInt();
        }
        return used;
    }

    static void requireQuota(World w, World.RegionState rs, int volumes, int gigabytes) {
        var q = w.scenario.quotas();
        int[] used = usage(w, rs);
        if (q.volumes() >= 0 && used[0] + volumes > q.volumes()) {
            throw new ApiException(
                    413,
                    "VolumeLimitExceeded: Maximum number of volumes allowed (" + q.volumes()
                            + ") exceeded for quota 'volumes'.");
        }
        if (q.volumeGigabytes() >= 0 && used[1] + gigabytes > q.volumeGigabytes()) {
            throw new ApiException(
                    413,
                    "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds"
                            + " allowed gigabytes quota. Requested " + gigabytes + "G, quota is " + q.volumeGigabytes()
                            + "G and " + used[1] + "G has been consumed.");
        }
    }

    public Reply handle(Exchange ex) {
        keystone.requireToken(ex);
        if (ex.size() < 1) {
            throw new ApiException(404, "The resource could not be found.");
        }
        return switch (ex.seg(0)) {
            case "volumes" -> volumes(ex);
            case "types" -> types(ex);
            case "snapshots" -> snapshots(ex);
            case "limits" -> limits(ex);
            case "os-quota-sets" -> quotaSets(ex);
            default -> throw new ApiException(404, "The resource could not be found.");
        };
    }

    private Reply volumes(Exchange ex) {
        if (ex.size() == 1 && ex.method().equals("POST")) {
            return create(ex);
        }
        if ((ex.size() == 1 || ex.matches("volumes", "detail")) && ex.method().equals("GET")) {
            boolean detail = ex.size() == 2;
            List<ObjectNode> all = new ArrayList<>(rs.volumes.values());
            all.sort(Comparator.comparing((ObjectNode v) -> v.get("created_at").asText())
                    .reversed()
                    .thenComparing(v -> v.get("id").asText()));
            String status = ex.query("status");
            String name = ex.query("name");
            all.removeIf(v -> (status != null && !status.equals(v.path("status").asText()))
                    || (name != null && !name.equals(v.path("name").asText())));
            Paging.Page<ObjectNode> page = Paging.page(
                    all,
                    v -> v.get("id").asText(),
                    Paging.limit(ex),
                    ex.query("marker"),
                    1000,
                    "marker [" + ex.query("marker") + "] not found");
            ArrayNode arr = Json.array();
            for (ObjectNode v : page.items()) {
                if (detail) {
                    arr.add(v);
                } else {
                    arr.add(Json.object()
                            .put("id", v.get("id").asText())
                            .put("name", v.path("name").asText(null))
                            .set("links", v.get("links")));
                }
            }
            ObjectNode body = Json.object("volumes", arr);
            if (page.more()) {
                body.set(
                        "volumes_links",
                        Nova.nextLink(
                                ex,
                                page.items()
                                        .get(page.items().size() - 1)
                                        .get("id")
                                        .asText()));
            }
            return Reply.ok(body);
        }
        ObjectNode v = rs.volumes.get(ex.seg(1));
        if (v == null) {
            throw new ApiException(404, "Volume " + ex.seg(1) + " could not be found.");
        }
        if (ex.size() == 2) {
            switch (ex.method()) {
                case "GET" -> {
                    return Reply.ok(Json.object("volume", v));
                }
                case "PUT" -> {
                    ObjectNode req = ex.requireObject("volume");
                    if (req.has("name")) {
                        v.put("name", req.get("name").asText());
                    }
                    if (req.has("description")) {
                        v.put("description", req.get("description").asText());
                    }
                    v.put("updated_at", Json.micros(w.now()));
                    return Reply.ok(Json.object("volume", v));
                }
                case "DELETE" -> {
                    String st = v.path("status").asText();
                    if (!List.of("available", "error", "error_restoring", "error_extending", "error_managing")
                            .contains(st)) {
                        throw new ApiException(
                                400,
                                "Invalid volume: Volume status must be available or error or"
                                        + " error_restoring or error_extending or error_managing and must not be migrating,"
                                        + " attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated"
                                        + " from snapshots after volume transfer.");
                    }
                    String volumeId = v.get("id").asText();
                    if (rs.snapshots.values().stream()
                            .anyMatch(sn -> volumeId.equals(sn.path("volume_id").asText()))) {
                        throw new ApiException(
                                400,
                                "Invalid volume: Volume status must be available or error or"
                                        + " error_restoring or error_extending or error_managing and must not be migrating,"
                                        + " attached, belong to a group, have snapshots, awaiting a transfer, or be disassociated"
                                        + " from snapshots after volume transfer.");
                    }
                    v.put("status", "deleting");
                    w.schedule(
                            w.now().plusSeconds(3),
                            () -> rs.volumes.remove(v.get("id").asText()));
                    return Reply.empty(202);
                }
                default -> throw new ApiException(405, "The method is not allowed for the requested URL.");
            }
        }
        throw new ApiException(404, "The resource could not be found.");
    }

    /**
     * {@code /snapshots}: list (summary or detail, filters {@code volume_id}, {@code name}, {@code status}),
     * show, create ({@code creating} → {@code available} after 10 s; an attached volume needs {@code force})
     * and delete ({@code deleting}, gone after 3 s), shaped like the Cinder API samples.
     */
    private Reply snapshots(Exchange ex) {
        if (ex.size() == 1 && ex.method().equals("POST")) {
            return createSnapshot(ex);
        }
        if ((ex.size() == 1 || ex.matches("snapshots", "detail")) && ex.method().equals("GET")) {
            boolean detail = ex.size() == 2;
            List<ObjectNode> all = new ArrayList<>(rs.snapshots.values());
            all.sort(Comparator.comparing((ObjectNode v) -> v.get("created_at").asText())
                    .reversed()
                    .thenComparing(v -> v.get("id").asText()));
            for (String f : List.of("volume_id", "name", "status")) {
                String want = ex.query(f);
                if (want != null) {
                    all.removeIf(sn -> !want.equals(sn.path(f).asText()));
                }
            }
            Paging.Page<ObjectNode> page = Paging.page(
                    all,
                    v -> v.get("id").asText(),
                    Paging.limit(ex),
                    ex.query("marker"),
                    1000,
                    "marker [" + ex.query("marker") + "] not found");
            ArrayNode arr = Json.array();
            for (ObjectNode sn : page.items()) {
                arr.add(detail ? sn : summary(sn));
            }
            ObjectNode body = Json.object("snapshots", arr);
            if (page.more()) {
                body.set(
                        "snapshots_links",
                        Nova.nextLink(
                                ex,
                                page.items()
                                        .get(page.items().size() - 1)
                                        .get("id")
                                        .asText()));
            }
            return Reply.ok(body);
        }
        if (ex.size() != 2) {
            throw new ApiException(404, "The resource could not be found.");
        }
        ObjectNode sn = rs.snapshots.get(ex.seg(1));
        if (sn == null) {
            throw new ApiException(404, "Snapshot " + ex.seg(1) + " could not be found.");
        }
        switch (ex.method()) {
            case "GET" -> {
                return Reply.ok(Json.object("snapshot", sn));
            }
            case "DELETE" -> {
                String st = sn.path("status").asText();
                if (!List.of("available", "error", "error_deleting").contains(st)) {
                    throw new ApiException(
                            400,
                            "Invalid snapshot: Volume Snapshot status must be available or error or error_deleting.");
                }
                sn.put("status", "deleting");
                String id = sn.get("id").asText();
                w.schedule(w.now().plusSeconds(3), () -> rs.snapshots.remove(id));
                return Reply.empty(202);
            }
            default -> throw new ApiException(405, "The method is not allowed for the requested URL.");
        }
    }

    /** The members of {@code GET /snapshots} (the summary list, as in the API sample). */
    private static ObjectNode summary(ObjectNode sn) {
        ObjectNode o = Json.object();
        for (String f : List.of(
                "created_at", "description", "id", "metadata", "name", "size", "status", "updated_at", "volume_id")) {
            o.set(f, sn.get(f));
        }
        return o;
    }

    private Reply createSnapshot(Exchange ex) {
        ObjectNode req = ex.requireObject("snapshot");
        String volumeId = Json.text(req, "volume_id");
        ObjectNode vol = volumeId == null ? null : rs.volumes.get(volumeId);
        if (vol == null) {
            throw new ApiException(404, "Volume " + volumeId + " could not be found.");
        }
        String vst = vol.path("status").asText();
        boolean force = req.path("force").asBoolean(false)
                || "true".equalsIgnoreCase(req.path("force").asText());
        if (!vst.equals("available") && !(vst.equals("in-use") && force)) {
            throw new ApiException(
                    400,
                    "Invalid volume: Volume " + volumeId + " status must be available, but current" + " status is: "
                            + vst + ".");
        }
        if (rs.snapshots.size() >= 10) {
            throw new ApiException(413, "SnapshotLimitExceeded: Maximum number of snapshots allowed (10) exceeded");
        }
        Instant now = w.now();
        ObjectNode sn = Json.object();
        String id = w.ids.uuid();
        sn.put("created_at", Json.micros(now));
        if (req.hasNonNull("description")) {
            sn.put("description", Json.text(req, "description"));
        } else {
            sn.putNull("description");
        }
        sn.put("id", id);
        sn.set(
                "metadata",
                req.has("metadata") && req.get("metadata").isObject()
                        ? req.get("metadata").deepCopy()
                        : Json.object());
        if (req.hasNonNull("name")) {
            sn.put("name", Json.text(req, "name"));
        } else {
            sn.putNull("name");
        }
        sn.put("os-extended-snapshot-attributes:progress", "0%");
        sn.put("os-extended-snapshot-attributes:project_id", w.projectId);
        sn.put("size", vol.get("size").asInt());
        sn.put("status", "creating");
        sn.putNull("updated_at");
        sn.put("volume_id", volumeId);
        sn.putNull("group_snapshot_id");
        sn.put("user_id", w.userId);
        sn.put("consumes_quota", true);
        rs.snapshots.put(id, sn);
        w.schedule(now.plusSeconds(10), () -> {
            if ("creating".equals(sn.path("status").asText())) {
                sn.put("status", "available");
                sn.put("os-extended-snapshot-attributes:progress", "100%");
                sn.put("updated_at", Json.micros(w.now()));
            }
        });
        return Reply.json(202, Json.object("snapshot", sn));
    }

    private Reply create(Exchange ex) {
        ObjectNode req = ex.requireObject("volume");
        JsonNode size = req.get("size");
        if (size == null || !size.canConvertToInt() && !size.asText().matches("\\d+") || size.asInt() <= 0) {
            throw new ApiException(
                    400,
                    "Invalid input for field/attribute size. Value: " + size + ". " + size
                            + " is not of type 'integer', 'string'");
        }
        int gb = size.isNumber() ? size.asInt() : Integer.parseInt(size.asText());
        requireQuota(w, rs, 1, gb);
        ObjectNode v = volume(w, rs, Json.text(req, "name"), gb, w.now());
        if (req.has("description")) {
            v.put("description", Json.text(req, "description"));
        }
        if (req.has("metadata") && req.get("metadata").isObject()) {
            v.set("metadata", req.get("metadata").deepCopy());
        }
        return Reply.json(202, Json.object("volume", v));
    }

    private Reply types(Exchange ex) {
        ArrayNode arr = Json.array();
        rs.volumeTypes.values().forEach(arr::add);
        if (ex.size() == 1) {
            return Reply.ok(Json.object("volume_types", arr));
        }
        for (ObjectNode t : rs.volumeTypes.values()) {
            if (t.get("id").asText().equals(ex.seg(1)) || (ex.seg(1).equals("default"))) {
                return Reply.ok(Json.object("volume_type", t));
            }
        }
        throw new ApiException(404, "Volume type " + ex.seg(1) + " could not be found.");
    }

    private Reply limits(Exchange ex) {
        var q = w.scenario.quotas();
        int[] used = usage(w, rs);
        ObjectNode a = Json.object();
        a.put("totalSnapshotsUsed", rs.snapshots.size());
        a.put("maxTotalBackups", 10);
        a.put("maxTotalVolumeGigabytes", q.volumeGigabytes());
        a.put("maxTotalSnapshots", 10);
        a.put("maxTotalBackupGigabytes", 1000);
        a.put("totalBackupGigabytesUsed", 0);
        a.put("maxTotalVolumes", q.volumes());
        a.put("totalVolumesUsed", used[0]);
        a.put("totalBackupsUsed", 0);
        a.put("totalGigabytesUsed", used[1]);
        ObjectNode limits = Json.object();
        limits.set("rate", Json.array());
        limits.set("absolute", a);
        return Reply.ok(Json.object("limits", limits));
    }

    private Reply quotaSets(Exchange ex) {
        if (ex.size() < 2) {
            throw new ApiException(404, "The resource could not be found.");
        }
        boolean usage = "true".equalsIgnoreCase(ex.query("usage"));
        var q = w.scenario.quotas();
        int[] used = usage(w, rs);
        ObjectNode set = Json.object();
        set.put("id", ex.seg(1));
        put(set, "volumes", q.volumes(), used[0], usage);
        put(set, "gigabytes", q.volumeGigabytes(), used[1], usage);
        put(set, "snapshots", 10, rs.snapshots.size(), usage);
        put(set, "backups", 10, 0, usage);
        put(set, "backup_gigabytes", 1000, 0, usage);
        put(set, "groups", 10, 0, usage);
        put(set, "per_volume_gigabytes", -1, 0, usage);
        put(set, "volumes___DEFAULT__", -1, used[0], usage);
        put(set, "gigabytes___DEFAULT__", -1, used[1], usage);
        put(set, "snapshots___DEFAULT__", -1, rs.snapshots.size(), usage);
        return Reply.ok(Json.object("quota_set", set));
    }

    private static void put(ObjectNode set, String key, int limit, int used, boolean usage) {
        if (usage) {
            set.set(
                    key,
                    Json.object()
                            .put("in_use", used)
                            .put("limit", limit)
                            .put("reserved", 0)
                            .put("allocated", 0));
        } else {
            set.put(key, limit);
        }
    }

    /** {@code GET /volume/}: the versions document. */
    public static ObjectNode versions(String base) {
        ObjectNode v = Json.object();
        v.put("id", "v3.0");
        v.put("status", "CURRENT");
        v.put("version", "3." + MAX_MINOR);
        v.put("min_version", "3.0");
        v.put("updated", "2023-08-31T00:00:00Z");
        v.set("links", Json.array().add(Json.object().put("href", base + "/v3/").put("rel", "self")));
        v.set(
                "media-types",
                Json.array()
                        .add(Json.object()
                                .put("base", "application/json")
                                .put("type", "application/vnd.openstack.volume+json;version=3")));
        return Json.object("versions", Json.array().add(v));
    }
}
