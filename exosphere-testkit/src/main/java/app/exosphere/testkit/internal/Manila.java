package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Simulated Manila v2 (paths after {@code /share/v2/{project_id}}): shares, share types, export
 * locations, access rules (cephx rules get a key once applied), actions and limits. Shape of the bodies
 * as the upstream api-ref samples ({@code manila/api-ref/source/samples}). Callers hold the {@link World}
 * lock.
 */
public final class Manila {
    /** Microversion range 2.0–2.65. */
    public static final int MAX_MINOR = 65;
    /** Share quotas of the simulated project (Manila's defaults: 50 shares, 1000 GB). */
    public static final int MAX_SHARES = 50;

    public static final int MAX_GIGABYTES = 1000;

    private final World w;
    private final World.RegionState rs;
    private final Keystone keystone;

    public Manila(World w, World.RegionState rs, Keystone keystone) {
        this.w = w;
        this.rs = rs;
        this.keystone = keystone;
    }

    /** The microversion asked for ({@code X-OpenStack-Manila-API-Version}), 0 for none (2.0). */
    public static int microversion(Exchange ex) {
        String h = ex.header("X-OpenStack-Manila-API-Version");
        if (h == null) {
            return 0;
        }
        String v = h.trim();
        if (v.equalsIgnoreCase("latest")) {
            return MAX_MINOR;
        }
        if (!v.matches("2\\.\\d+") || Integer.parseInt(v.substring(2)) > MAX_MINOR) {
            throw new ApiException(
                    404,
                    "Version " + v + " is not supported by the API. Minimum is 2.0 and maximum is 2." + MAX_MINOR
                            + ".");
        }
        return Integer.parseInt(v.substring(2));
    }

    public Reply handle(Exchange ex, int mv) {
        keystone.requireToken(ex);
        if (ex.size() < 1) {
            throw new ApiException(404, "The resource could not be found.");
        }
        return switch (ex.seg(0)) {
            case "shares" -> shares(ex, mv);
            case "share-access-rules" -> accessRules(ex, mv);
            case "types" -> types();
            case "limits" -> limits();
            default -> throw new ApiException(404, "The resource could not be found.");
        };
    }

    private Reply shares(Exchange ex, int mv) {
        if (ex.size() == 1 && ex.method().equals("POST")) {
            return create(ex);
        }
        if (ex.matches("shares", "detail") && ex.method().equals("GET")) {
            List<ObjectNode> all = new ArrayList<>(rs.shares.values());
            all.sort(Comparator.comparing((ObjectNode v) -> v.get("created_at").asText())
                    .thenComparing(v -> v.get("id").asText()));
            String status = ex.query("status");
            String name = ex.query("name");
            all.removeIf(v -> (status != null && !status.equals(v.path("status").asText()))
                    || (name != null && !name.equals(v.path("name").asText())));
            int offset = ex.intQuery("offset", 0);
            int limit = ex.intQuery("limit", 1000);
            List<ObjectNode> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
            ArrayNode arr = Json.array();
            page.forEach(s -> arr.add(view(s, mv)));
            ObjectNode body = Json.object("shares", arr);
            if (offset + limit < all.size()) {
                String next = ex.url()
                        .newBuilder()
                        .removeAllQueryParameters("offset")
                        .removeAllQueryParameters("limit")
                        .addQueryParameter("limit", String.valueOf(limit))
                        .addQueryParameter("offset", String.valueOf(offset + limit))
                        .build()
                        .toString();
                body.set(
                        "shares_links",
                        Json.array().add(Json.object().put("href", next).put("rel", "next")));
            }
            return Reply.ok(body);
        }
        ObjectNode s = rs.shares.get(ex.seg(1));
        if (s == null) {
            throw new ApiException(404, "Share " + ex.seg(1) + " could not be found.");
        }
        String id = s.get("id").asText();
        if (ex.size() == 2 && ex.method().equals("GET")) {
            return Reply.ok(Json.object("share", view(s, mv)));
        }
        if (ex.size() == 2 && ex.method().equals("DELETE")) {
            String st = s.path("status").asText();
            if (!List.of("available", "error", "inactive").contains(st)) {
                throw new ApiException(
                        403, "Invalid share: Share status must be one of ('available', 'error', 'inactive').");
            }
            s.put("status", "deleting");
            w.schedule(w.now().plusSeconds(2), () -> {
                rs.shares.remove(id);
                rs.shareAccessRules
                        .values()
                        .removeIf(r -> r.path("share_id").asText().equals(id));
            });
            return Reply.empty(202);
        }
        if (ex.matches("shares", id, "export_locations") && ex.method().equals("GET")) {
            ArrayNode arr = Json.array();
            if (s.path("status").asText().equals("available")
                    || s.path("status").asText().startsWith("extend")
                    || s.path("status").asText().startsWith("shrink")) {
                ObjectNode l = Json.object();
                l.put(
                        "path",
                        "10.0.0.11:6789,10.0.0.12:6789,10.0.0.13:6789:/volumes/_nogroup/" + id + "/"
                                + java.util.UUID.nameUUIDFromBytes(
                                        ("subvolume" + id).getBytes(StandardCharsets.UTF_8)));
                l.put("share_instance_id", id);
                l.put("is_admin_only", false);
                l.put(
                        "id",
                        java.util
                                .UUID
                                .nameUUIDFromBytes(("loc" + id).getBytes(StandardCharsets.UTF_8))
                                .toString());
                l.put("preferred", true);
                arr.add(l);
            }
            return Reply.ok(Json.object("export_locations", arr));
        }
        if (ex.matches("shares", id, "action") && ex.method().equals("POST")) {
            return action(ex, s, mv);
        }
        throw new ApiException(404, "The resource could not be found.");
    }

    private Reply create(Exchange ex) {
        ObjectNode req = ex.requireObject("share");
        JsonNode size = req.get("size");
        if (size == null || !size.canConvertToInt() || size.asInt() < 1) {
            throw new ApiException(400, "Share size '" + size + "' must be an integer and greater than 0");
        }
        String proto = Json.text(req, "share_proto");
        if (proto == null
                || !List.of("NFS", "CIFS", "CEPHFS", "GLUSTERFS", "HDFS", "MAPRFS")
                        .contains(proto.toUpperCase(java.util.Locale.ROOT))) {
            throw new ApiException(400, "Invalid share protocol provided: " + proto);
        }
        String typeName = Json.text(req, "share_type");
        ObjectNode type = null;
        for (ObjectNode t : rs.shareTypes.values()) {
            if (typeName == null
                    ? t.path("is_default").asBoolean()
                    : typeName.equals(t.get("name").asText())
                            || typeName.equals(t.get("id").asText())) {
                type = t;
            }
        }
        if (type == null) {
            throw new ApiException(404, "Share type " + typeName + " could not be found.");
        }
        int[] used = usage();
        if (used[0] + 1 > MAX_SHARES) {
            throw new ApiException(413, "Maximum number of shares allowed (" + MAX_SHARES + ") exceeded.");
        }
        if (used[1] + size.asInt() > MAX_GIGABYTES) {
            throw new ApiException(413, "Requested share exceeds allowed project/user or share type gigabytes quota.");
        }
        ObjectNode s = Json.object();
        String id = w.ids.uuid();
        s.put("id", id);
        s.put("name", Json.text(req, "name"));
        s.put("status", "creating");
        s.put("size", size.asInt());
        s.put("description", Json.text(req, "description"));
        s.set(
                "metadata",
                req.has("metadata") && req.get("metadata").isObject()
                        ? req.get("metadata").deepCopy()
                        : Json.object());
        s.put("created_at", Json.micros(w.now()).replace("Z", ""));
        s.put("user_id", w.userId);
        s.put("project_id", w.projectId);
        s.put("is_public", req.path("is_public").asBoolean(false));
        s.put("share_proto", proto.toUpperCase(java.util.Locale.ROOT));
        s.put("share_type", type.get("id").asText());
        s.put("share_type_name", type.get("name").asText());
        s.put("availability_zone", "nova");
        s.put("access_rules_status", "active");
        s.put("snapshot_support", false);
        rs.shares.put(id, s);
        w.schedule(w.now().plusSeconds(3), () -> {
            if ("creating".equals(s.path("status").asText())) {
                s.put("status", "available");
            }
        });
        return Reply.ok(Json.object("share", s.deepCopy()));
    }

    private Reply action(Exchange ex, ObjectNode s, int mv) {
        JsonNode body = ex.json();
        String id = s.get("id").asText();
        if (body.has("allow_access")) {
            if (mv < 7 && mv != 0) {
                throw new ApiException(404, "allow_access needs 2.7 or later in this simulator");
            }
            JsonNode a = body.get("allow_access");
            if (!"available".equals(s.path("status").asText())) {
                throw new ApiException(400, "Invalid share: Share status must be available.");
            }
            String type = a.path("access_type").asText();
            String to = a.path("access_to").asText();
            String level = a.path("access_level").asText("rw");
            if (!List.of("rw", "ro").contains(level)) {
                throw new ApiException(400, "Invalid access level: " + level);
            }
            if (type.equals("cephx") && !to.matches("[A-Za-z0-9._-]+")) {
                throw new ApiException(400, "Invalid access_to: ceph client id must match [A-Za-z0-9._-]+");
            }
            for (ObjectNode r : rs.shareAccessRules.values()) {
                if (r.path("share_id").asText().equals(id)
                        && r.path("access_to").asText().equals(to)
                        && r.path("access_type").asText().equals(type)) {
                    throw new ApiException(400, "Share access " + type + ":" + to + " exists.");
                }
            }
            ObjectNode r = Json.object();
            String rid = w.ids.uuid();
            r.put("share_id", id);
            r.put("created_at", Json.micros(w.now()).replace("Z", ""));
            r.putNull("updated_at");
            r.put("access_type", type);
            r.put("access_to", to);
            r.put("access_level", level);
            r.putNull("access_key");
            r.put("id", rid);
            r.put("state", "queued_to_apply");
            r.set("metadata", Json.object());
            rs.shareAccessRules.put(rid, r);
            w.schedule(w.now().plusSeconds(2), () -> {
                if ("queued_to_apply".equals(r.path("state").asText())) {
                    r.put("state", "active");
                    if (type.equals("cephx")) {
                        byte[] key = (rid + to).getBytes(StandardCharsets.UTF_8);
                        r.put("access_key", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(key, 40)));
                    }
                }
            });
            ObjectNode answer = r.deepCopy();
            answer.remove("state");
            return Reply.ok(Json.object("access", answer));
        }
        if (body.has("deny_access")) {
            String rid = body.get("deny_access").path("access_id").asText();
            ObjectNode r = rs.shareAccessRules.get(rid);
            if (r == null || !r.path("share_id").asText().equals(id)) {
                throw new ApiException(404, "Access rule " + rid + " could not be found.");
            }
            r.put("state", "queued_to_deny");
            w.schedule(w.now().plusSeconds(1), () -> rs.shareAccessRules.remove(rid));
            return Reply.empty(202);
        }
        String resize = body.has("extend") ? "extend" : body.has("shrink") ? "shrink" : null;
        if (resize != null) {
            int newSize = body.get(resize).path("new_size").asInt(-1);
            int size = s.get("size").asInt();
            if (!"available".equals(s.path("status").asText())) {
                throw new ApiException(400, "Invalid share: Share status must be available.");
            }
            if (resize.equals("extend") ? newSize <= size : newSize >= size || newSize < 1) {
                throw new ApiException(
                        400,
                        "New size for " + resize + " must be " + (resize.equals("extend") ? "greater" : "less")
                                + " than current size " + size + ".");
            }
            if (resize.equals("extend") && usage()[1] + newSize - size > MAX_GIGABYTES) {
                throw new ApiException(
                        413, "Requested share exceeds allowed project/user or share type gigabytes quota.");
            }
            s.put("status", resize.equals("extend") ? "extending" : "shrinking");
            w.schedule(w.now().plusSeconds(2), () -> {
                s.put("size", newSize);
                s.put("status", "available");
            });
            return Reply.empty(202);
        }
        throw new ApiException(400, "Invalid request body: unknown share action");
    }

    private Reply accessRules(Exchange ex, int mv) {
        if (mv < 45) {
            throw new ApiException(404, "The share-access-rules API needs microversion 2.45 or later.");
        }
        if (ex.size() == 1 && ex.method().equals("GET")) {
            String shareId = ex.query("share_id");
            if (shareId == null) {
                throw new ApiException(400, "share_id is required");
            }
            if (!rs.shares.containsKey(shareId)) {
                throw new ApiException(404, "Share " + shareId + " could not be found.");
            }
            ArrayNode arr = Json.array();
            for (ObjectNode r : rs.shareAccessRules.values()) {
                if (r.path("share_id").asText().equals(shareId)) {
                    ObjectNode item = r.deepCopy();
                    item.remove("share_id");
                    arr.add(item);
                }
            }
            return Reply.ok(Json.object("access_list", arr));
        }
        if (ex.size() == 2 && ex.method().equals("GET")) {
            ObjectNode r = rs.shareAccessRules.get(ex.seg(1));
            if (r == null) {
                throw new ApiException(404, "Access rule " + ex.seg(1) + " could not be found.");
            }
            return Reply.ok(Json.object("access", r));
        }
        throw new ApiException(404, "The resource could not be found.");
    }

    private Reply types() {
        ArrayNode arr = Json.array();
        rs.shareTypes.values().forEach(arr::add);
        return Reply.ok(Json.object("share_types", arr));
    }

    private Reply limits() {
        int[] used = usage();
        ObjectNode a = Json.object();
        a.put("totalShareNetworksUsed", 0);
        a.put("maxTotalShareGigabytes", MAX_GIGABYTES);
        a.put("maxTotalShareNetworks", 10);
        a.put("totalSharesUsed", used[0]);
        a.put("totalShareGigabytesUsed", used[1]);
        a.put("totalShareSnapshotsUsed", 0);
        a.put("maxTotalShares", MAX_SHARES);
        a.put("totalSnapshotGigabytesUsed", 0);
        a.put("maxTotalSnapshotGigabytes", 1000);
        a.put("maxTotalShareSnapshots", 50);
        a.put("maxTotalShareReplicas", 100);
        a.put("maxTotalReplicaGigabytes", 1000);
        a.put("totalShareReplicasUsed", 0);
        a.put("totalReplicaGigabytesUsed", 0);
        ObjectNode limits = Json.object();
        limits.set("rate", Json.array());
        limits.set("absolute", a);
        return Reply.ok(Json.object("limits", limits));
    }

    private int[] usage() {
        int[] used = new int[2];
        for (ObjectNode s : rs.shares.values()) {
            used[0]++;
            used[1] += s.get("size").asInt();
        }
        return used;
    }

    /** A share as Manila shows it at microversion {@code mv} ({@code user_id} from 2.16). */
    private static ObjectNode view(ObjectNode s, int mv) {
        ObjectNode v = s.deepCopy();
        if (mv < 16) {
            v.remove("user_id");
        }
        return v;
    }

    /** The share types every simulated region has: Jetstream2's {@code cephfsnativetype} (default). */
    static void seedTypes(World w, World.RegionState rs) {
        ObjectNode t = Json.object();
        String id = new Ids(("sharetype" + rs.spec.id()).hashCode()).uuid();
        t.put("id", id);
        t.put("name", "cephfsnativetype");
        t.put("is_default", true);
        t.putNull("description");
        t.put("share_type_access:is_public", true);
        t.set(
                "extra_specs",
                Json.object().put("driver_handles_share_servers", "False").put("snapshot_support", "False"));
        t.set("required_extra_specs", Json.object().put("driver_handles_share_servers", "False"));
        rs.shareTypes.put(id, t);
    }

    /** {@code GET /share/v2/}: the version document (shape of the api-ref's versions-get-version sample). */
    public static ObjectNode versions(String base) {
        ObjectNode v = Json.object();
        v.put("status", "CURRENT");
        v.put("updated", "2015-08-27T11:33:21Z");
        v.set("links", Json.array().add(Json.object().put("href", base + "/v2/").put("rel", "self")));
        v.put("min_version", "2.0");
        v.put("version", "2." + MAX_MINOR);
        v.set(
                "media-types",
                Json.array()
                        .add(Json.object()
                                .put("base", "application/json")
                                .put("type", "application/vnd.openstack.share+json;version=1")));
        v.put("id", "v2.0");
        return Json.object("versions", Json.array().add(v));
    }
}
