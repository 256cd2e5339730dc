package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Simulated Glance v2 (paths after {@code /image}): images with visibility and properties, and
 * Glance's {@code next} pagination (default page 25, at most 1000).
 */
public final class Glance {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> CORE = Set.of("limit", "marker", "sort_key", "sort_dir", "sort");

    private final World w;
    private final World.RegionState rs;
    private final Keystone keystone;

    public Glance(World w, World.RegionState rs, Keystone keystone) {
        this.w = w;
        this.rs = rs;
        this.keystone = keystone;
    }

    static ObjectNode image(
            World w,
            World.RegionState rs,
            String name,
            String visibility,
            String owner,
            Instant created,
            String osDistro,
            String osVersion) {
        ObjectNode i = Json.object();
        String id = w.ids.uuid();
        i.put("status", "active");
        i.put("name", name);
        i.set("tags", Json.array());
        i.put("container_format", "bare");
        i.put("created_at", Json.seconds(created));
        i.put("disk_format", "qcow2");
        i.put("updated_at", Json.seconds(created));
        i.put("visibility", visibility);
        i.put("self", "/v2/images/" + id);
        i.put("min_disk", 0);
        i.put("protected", false);
        i.put("id", id);
        i.put("file", "/v2/images/" + id + "/file");
        i.put("checksum", w.ids.hex(32));
        i.put("os_hash_algo", "sha512");
        i.put("os_hash_value", w.ids.hex(128));
        i.put("os_hidden", false);
        i.put("owner", owner);
        i.put("size", 2_361_393_152L + w.ids.nextInt(1 << 20));
        i.put("min_ram", 0);
        i.put("schema", "/v2/schemas/image");
        i.putNull("virtual_size");
        if (osDistro != null) {
            i.put("os_distro", osDistro);
            i.put("os_version", osVersion);
            i.put("hw_disk_bus", "scsi");
            i.put("hw_scsi_model", "virtio-scsi");
            i.put("hw_qemu_guest_agent", "yes");
        }
        rs.images.put(id, i);
        return i;
    }

    public Reply handle(Exchange ex) {
        keystone.requireToken(ex);
        if (ex.size() < 2 || !ex.seg(0).equals("v2") || !ex.seg(1).equals("images")) {
            throw new ApiException(404, "The resource could not be found.");
        }
        if (ex.size() == 2 && ex.method().equals("GET")) {
            return list(ex);
        }
        if (ex.size() == 2 && ex.method().equals("POST")) {
            return create(ex);
        }
        if (ex.size() == 3) {
            ObjectNode image = rs.images.get(ex.seg(2));
            if (image == null || !visibleTo(image)) {
                throw new ApiException(404, "No image found with ID " + ex.seg(2));
            }
            switch (ex.method()) {
                case "GET" -> {
                    return Reply.ok(image);
                }
                case "PATCH" -> {
                    return patch(ex, image);
                }
                case "DELETE" -> {
                    if (!w.projectId.equals(image.path("owner").asText())) {
                        throw new ApiException(403, "You are not permitted to delete this image.");
                    }
                    if (image.path("protected").asBoolean()) {
                        throw new ApiException(403, "Image " + ex.seg(2) + " is protected and cannot be deleted.");
                    }
                    rs.images.remove(ex.seg(2));
                    return Reply.empty(204);
                }
                default -> throw new ApiException(405, "The method is not allowed for the requested URL.");
            }
        }
        throw new ApiException(404, "The resource could not be found.");
    }

    /**
     * {@code POST /v2/images}: a record without data, status {@code queued}, shaped like real Glance's
     * answer (contract suite PaginationContract creates images to force pages; found missing against
     * osbox).
     */
    private Reply create(Exchange ex) {
        com.fasterxml.jackson.databind.JsonNode req = ex.json();
        if (req == null || !req.isObject()) {
            throw new ApiException(400, "Malformed request body");
        }
        String visibility = req.path("visibility").asText("shared");
        if (!Set.of("public", "private", "shared", "community").contains(visibility)) {
            throw new ApiException(400, "Invalid visibility value: " + visibility);
        }
        ObjectNode i = Json.object();
        String id = w.ids.uuid();
        String now = Json.seconds(w.now());
        i.put("name", req.path("name").isTextual() ? req.path("name").asText() : null);
        i.put(
                "disk_format",
                req.path("disk_format").isTextual() ? req.path("disk_format").asText() : null);
        i.put(
                "container_format",
                req.path("container_format").isTextual()
                        ? req.path("container_format").asText()
                        : null);
        i.put("visibility", visibility);
        i.putNull("size");
        i.putNull("virtual_size");
        i.put("status", "queued");
        i.putNull("checksum");
        i.put("protected", req.path("protected").asBoolean(false));
        i.put("min_ram", req.path("min_ram").asInt(0));
        i.put("min_disk", req.path("min_disk").asInt(0));
        i.put("owner", w.projectId);
        i.put("os_hidden", false);
        i.putNull("os_hash_algo");
        i.putNull("os_hash_value");
        i.put("id", id);
        i.put("created_at", now);
        i.put("updated_at", now);
        i.set("tags", req.path("tags").isArray() ? req.get("tags").deepCopy() : Json.array());
        i.put("self", "/v2/images/" + id);
        i.put("file", "/v2/images/" + id + "/file");
        i.put("schema", "/v2/schemas/image");
        rs.images.put(id, i);
        return Reply.json(201, i);
    }

    private static final Set<String> READ_ONLY = Set.of(
            "id",
            "status",
            "created_at",
            "updated_at",
            "size",
            "virtual_size",
            "checksum",
            "owner",
            "self",
            "file",
            "schema",
            "os_hash_algo",
            "os_hash_value",
            "direct_url",
            "locations");

    /**
     * {@code PATCH /v2/images/{id}} with a JSON-patch ({@code add}, {@code replace}, {@code remove}); as real
     * Glance: only the media type {@code application/openstack-images-v2.1-json-patch} (415 otherwise), only
     * the owner (403), read-only attributes refused (403), and {@code public} visibility is an admin-only
     * policy ({@code publicize_image}, 403).
     */
    private Reply patch(Exchange ex, ObjectNode image) {
        String type = ex.header("Content-Type");
        if (type == null || !type.startsWith("application/openstack-images-v2.1-json-patch")) {
            throw new ApiException(
                    415,
                    "The request has media type " + type + " which is not allowed. Only"
                            + " application/openstack-images-v2.1-json-patch is allowed.");
        }
        if (!w.projectId.equals(image.path("owner").asText())) {
            throw new ApiException(403, "You are not permitted to modify this image.");
        }
        com.fasterxml.jackson.databind.JsonNode ops = ex.json();
        if (ops == null || !ops.isArray()) {
            throw new ApiException(400, "Request body must be a JSON array of operation objects.");
        }
        ObjectNode copy = image.deepCopy();
        for (com.fasterxml.jackson.databind.JsonNode op : ops) {
            String kind = op.path("op").asText();
            String path = op.path("path").asText();
            if (!path.startsWith("/") || path.length() < 2) {
                throw new ApiException(400, "Unable to find '" + path + "' in JSON Schema change");
            }
            String attr = path.substring(1).replace("~1", "/").replace("~0", "~");
            if (READ_ONLY.contains(attr)) {
                throw new ApiException(403, "Attribute '" + attr + "' is read-only.");
            }
            switch (kind) {
                case "add", "replace" -> {
                    if (kind.equals("replace") && !copy.has(attr)) {
                        throw new ApiException(409, "Property " + attr + " does not exist.");
                    }
                    com.fasterxml.jackson.databind.JsonNode value = op.get("value");
                    if (attr.equals("visibility")) {
                        String v = value == null ? "" : value.asText();
                        if (!Set.of("public", "private", "shared", "community").contains(v)) {
                            throw new ApiException(400, "Invalid visibility value: " + v);
                        }
                        if (v.equals("public")) {
                            throw new ApiException(403, "You are not authorized to complete publicize_image action.");
                        }
                    }
                    copy.set(attr, value == null ? Json.object().nullNode() : value.deepCopy());
                }
                case "remove" -> {
                    if (!copy.has(attr)) {
                        throw new ApiException(409, "Property " + attr + " does not exist.");
                    }
                    copy.remove(attr);
                }
                default ->
                    throw new ApiException(
                            400,
                            "Operation objects must contain exactly one member named"
                                    + " \"add\", \"remove\", or \"replace\".");
            }
        }
        copy.put("updated_at", Json.seconds(w.now()));
        image.removeAll();
        image.setAll(copy);
        return Reply.ok(image);
    }

    private boolean visibleTo(ObjectNode image) {
        return visibleTo(w, image);
    }

    /** Whether project {@code w} sees {@code image} (images are the cloud's; a private one only its owner's). */
    static boolean visibleTo(World w, ObjectNode image) {
        String v = image.path("visibility").asText();
        return v.equals("public")
                || v.equals("community")
                || v.equals("shared")
                || w.projectId.equals(image.path("owner").asText());
    }

    private Reply list(Exchange ex) {
        String visibility = ex.query("visibility");
        if (visibility != null
                && !Set.of("public", "private", "shared", "community", "all").contains(visibility)) {
            throw new ApiException(400, "Invalid visibility value: " + visibility);
        }
        List<ObjectNode> all = new ArrayList<>();
        for (ObjectNode i : rs.images.values()) {
            if (!visibleTo(i)) {
                continue;
            }
            String v = i.path("visibility").asText();
            if (visibility == null ? v.equals("community") : !(visibility.equals("all") || visibility.equals(v))) {
                continue;
            }
            if (!matches(ex, i)) {
                continue;
            }
            all.add(i);
        }
        all.sort(Comparator.comparing((ObjectNode i) -> i.path("created_at").asText())
                .reversed()
                .thenComparing(i -> i.get("id").asText()));
        Integer requested = Paging.limit(ex);
        int limit = requested == null ? DEFAULT_LIMIT : Math.min(requested, MAX_LIMIT);
        String marker = ex.query("marker");
        if (marker != null && !rs.images.containsKey(marker)) {
            throw new ApiException(400, "Invalid marker. Image " + marker + " could not be found.");
        }
        Paging.Page<ObjectNode> page = Paging.page(
                all,
                i -> i.get("id").asText(),
                limit,
                marker,
                MAX_LIMIT,
                "Invalid marker. Image " + marker + " could not be found.");
        ArrayNode arr = Json.array();
        page.items().forEach(arr::add);
        ObjectNode body = Json.object("images", arr);
        String query = ex.url().encodedQuery();
        body.put("first", "/v2/images" + (query == null ? "" : "?" + stripMarker(ex)));
        body.put("schema", "/v2/schemas/images");
        if (page.more()) {
            okhttp3.HttpUrl next = ex.url()
                    .newBuilder()
                    .removeAllQueryParameters("marker")
                    .addQueryParameter(
                            "marker",
                            page.items().get(page.items().size() - 1).get("id").asText())
                    .build();
            body.put("next", "/v2/images?" + next.encodedQuery());
        }
        return Reply.ok(body);
    }

    private static String stripMarker(Exchange ex) {
        String q =
                ex.url().newBuilder().removeAllQueryParameters("marker").build().encodedQuery();
        return q == null ? "" : q;
    }

    private static boolean matches(Exchange ex, ObjectNode image) {
        for (String name : ex.url().queryParameterNames()) {
            if (CORE.contains(name) || name.equals("visibility")) {
                continue;
            }
            String want = ex.query(name);
            if (!image.has(name) || !image.get(name).asText().equals(want)) {
                return false;
            }
        }
        return true;
    }

    /** {@code GET /image/}: the versions document. */
    public static ObjectNode versions(String base) {
        ArrayNode arr = Json.array();
        for (String v : List.of("2.16", "2.15", "2.9", "2.0")) {
            ObjectNode n = Json.object();
            n.put("id", "v" + v);
            n.put("status", v.equals("2.16") ? "CURRENT" : "SUPPORTED");
            n.set(
                    "links",
                    Json.array().add(Json.object().put("href", base + "/v2/").put("rel", "self")));
            arr.add(n);
        }
        return Json.object("versions", arr);
    }
}
