package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Simulated Nova v2.1 (paths after {@code /compute/v2.1}). Callers hold the {@link World} lock. */
public final class Nova {
    /** Microversion range: 2.1 (Kilo) to 2.96 (2023.2 Bobcat). */
    public static final int MIN_MINOR = 1;

    public static final int MAX_MINOR = 96;

    private final World w;
    private final World.RegionState rs;
    private final Keystone keystone;

    public Nova(World w, World.RegionState rs, Keystone keystone) {
        this.w = w;
        this.rs = rs;
        this.keystone = keystone;
    }

    /** The requested microversion's minor number; 406 when out of range. */
    public static int microversion(Exchange ex) {
        String v = ex.header("OpenStack-API-Version");
        String value = null;
        if (v != null) {
            for (String part : v.split(",")) {
                String p = part.strip();
                if (p.toLowerCase().startsWith("compute ")) {
                    value = p.substring(8).strip();
                }
            }
        }
        if (value == null) {
            value = ex.header("X-OpenStack-Nova-API-Version");
        }
        if (value == null) {
            return MIN_MINOR;
        }
        if (value.equalsIgnoreCase("latest")) {
            return MAX_MINOR;
        }
        if (!value.matches("2\\.\\d+")) {
            throw new ApiException(
                    400,
                    "Invalid format for API version '" + value + "'. Must be of the form"
                            + " 'X.Y' where X and Y are integers.");
        }
        int minor = Integer.parseInt(value.substring(2));
        if (minor < MIN_MINOR || minor > MAX_MINOR) {
            // a computeFault body as Exosphere's `OpenStack.Error.synchronousErrorJsonDecoder` reads it: 406
            throw new ApiException(
                    406,
                    "Version " + value + " is not supported by the API. Minimum is 2." + MIN_MINOR
                            + " and maximum is 2." + MAX_MINOR + ".");
        }
        return minor;
    }

    public Reply handle(Exchange ex, int mv) {
        World.Token token = keystone.requireToken(ex);
        if (token.projectId() == null) {
            throw new ApiException(403, "Policy doesn't allow os_compute_api:servers:index to be performed.");
        }
        String s0 = ex.seg(0);
        if (s0 == null) {
            throw new ApiException(404, "The resource could not be found.");
        }
        return switch (s0) {
            case "servers" -> servers(ex, mv);
            case "flavors" -> flavors(ex, mv);
            case "os-keypairs" -> keypairs(ex, mv);
            case "limits" -> limits(ex, mv);
            case "os-quota-sets" -> quotaSets(ex, mv);
            case "os-availability-zone" -> availabilityZones(ex);
            default -> throw new ApiException(404, "The resource could not be found.");
        };
    }

    // ================================================================== servers

    private Reply servers(Exchange ex, int mv) {
        if (ex.size() == 1 && ex.method().equals("POST")) {
            return create(ex, mv);
        }
        if (ex.size() == 1 && ex.method().equals("GET")) {
            return list(ex, mv, false);
        }
        if (ex.is("GET", "servers", "detail")) {
            return list(ex, mv, true);
        }
        SimServer s = server(ex.seg(1));
        if (ex.size() == 2) {
            return switch (ex.method()) {
                case "GET" -> Reply.ok(Json.object("server", view(s, mv, true)));
                case "PUT" -> update(ex, s, mv);
                case "DELETE" -> delete(s);
                default -> throw new ApiException(405, "The method is not allowed for the requested URL.");
            };
        }
        String sub = ex.seg(2);
        return switch (sub) {
            case "action" -> {
                requireMethod(ex, "POST");
                yield new NovaActions(w, rs, this).action(ex, s, mv);
            }
            case "metadata" -> metadata(ex, s);
            case "tags" -> tags(ex, s, mv);
            case "os-server-password" -> serverPassword(ex, s);
            case "remote-consoles" -> remoteConsole(ex, s, mv);
            case "os-instance-actions" -> instanceActions(ex, s, mv);
            case "os-volume_attachments" -> new NovaVolumes(w, rs).handle(ex, s, mv);
            case "os-security-groups" -> serverSecurityGroups(ex, s);
            case "ips" -> {
                requireMethod(ex, "GET");
                yield Reply.ok(Json.object("addresses", addresses(s)));
            }
            default -> throw new ApiException(404, "The resource could not be found.");
        };
    }

    static void requireMethod(Exchange ex, String method) {
        if (!ex.method().equals(method)) {
            throw new ApiException(405, "The method is not allowed for the requested URL.");
        }
    }

    SimServer server(String id) {
        SimServer s = rs.servers.get(id);
        if (s == null || s.deleted) {
            throw new ApiException(404, "Instance " + id + " could not be found.");
        }
        return s;
    }

    private Reply list(Exchange ex, int mv, boolean detail) {
        List<SimServer> all = new ArrayList<>(rs.liveServers());
        all.sort(Comparator.comparing((SimServer s) -> s.created).reversed().thenComparing(s -> s.id));
        String name = ex.query("name");
        String status = ex.query("status");
        java.util.regex.Pattern namePattern;
        try {
            namePattern = name == null ? null : java.util.regex.Pattern.compile(name);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new ApiException(400, "Invalid filter field: name.");
        }
        all.removeIf(s -> (namePattern != null && !namePattern.matcher(s.name).find())
                || (status != null && !s.status.equalsIgnoreCase(status)));
        // tags (all of), tags-any (any of): comma-separated, like Nova (2.26)
        String tags = ex.query("tags");
        String tagsAny = ex.query("tags-any");
        if (tags != null && !tags.isEmpty()) {
            List<String> wanted = List.of(tags.split(","));
            all.removeIf(s -> !s.tags.containsAll(wanted));
        }
        if (tagsAny != null && !tagsAny.isEmpty()) {
            List<String> wanted = List.of(tagsAny.split(","));
            all.removeIf(s -> wanted.stream().noneMatch(s.tags::contains));
        }
        Paging.Page<SimServer> page = Paging.page(
                all,
                s -> s.id,
                Paging.limit(ex),
                ex.query("marker"),
                1000,
                "marker [" + ex.query("marker") + "] not found");
        ArrayNode arr = Json.array();
        for (SimServer s : page.items()) {
            arr.add(detail ? view(s, mv, true) : brief(s));
        }
        ObjectNode body = Json.object("servers", arr);
        if (page.more()) {
            body.set("servers_links", nextLink(ex, page.items().get(page.items().size() - 1).id));
        }
        return Reply.ok(body);
    }

    static ArrayNode nextLink(Exchange ex, String marker) {
        okhttp3.HttpUrl.Builder b = ex.url().newBuilder().removeAllQueryParameters("marker");
        if (ex.query("limit") == null) {
            b.addQueryParameter("limit", "1000");
        }
        b.addQueryParameter("marker", marker);
        ObjectNode link = Json.object();
        link.put("href", b.build().toString());
        link.put("rel", "next");
        return Json.array().add(link);
    }

    private ObjectNode brief(SimServer s) {
        ObjectNode n = Json.object();
        n.put("id", s.id);
        n.set("links", links("servers", s.id));
        n.put("name", s.name);
        return n;
    }

    ArrayNode links(String collection, String id) {
        String base = w.apiBase + "/" + rs.spec.id() + "/compute";
        ArrayNode links = Json.array();
        links.add(Json.object()
                .put("href", base + "/v2.1/" + collection + "/" + id)
                .put("rel", "self"));
        links.add(Json.object().put("href", base + "/" + collection + "/" + id).put("rel", "bookmark"));
        return links;
    }

    ObjectNode addresses(SimServer s) {
        ObjectNode addresses = Json.object();
        if (s.status.equals("BUILD") && s.launchedAt == null) {
            return addresses;
        }
        for (String portId : s.portIds) {
            ObjectNode port = rs.ports.get(portId);
            if (port == null) {
                continue;
            }
            ObjectNode net = rs.networks.get(port.get("network_id").asText());
            String netName = net == null ? "unknown" : net.get("name").asText();
            ArrayNode entries = addresses.has(netName) ? (ArrayNode) addresses.get(netName) : Json.array();
            for (JsonNode ip : port.get("fixed_ips")) {
                ObjectNode e = Json.object();
                e.put("version", 4);
                e.put("addr", ip.get("ip_address").asText());
                e.put("OS-EXT-IPS:type", "fixed");
                e.put("OS-EXT-IPS-MAC:mac_addr", port.get("mac_address").asText());
                entries.add(e);
            }
            for (ObjectNode fip : rs.floatingIps.values()) {
                if (portId.equals(Json.text(fip, "port_id"))) {
                    ObjectNode e = Json.object();
                    e.put("version", 4);
                    e.put("addr", fip.get("floating_ip_address").asText());
                    e.put("OS-EXT-IPS:type", "floating");
                    e.put("OS-EXT-IPS-MAC:mac_addr", port.get("mac_address").asText());
                    entries.add(e);
                }
            }
            addresses.set(netName, entries);
        }
        return addresses;
    }

    ObjectNode view(SimServer s, int mv, boolean full) {
        ObjectNode n = Json.object();
        n.set("addresses", addresses(s));
        n.put("created", Json.seconds(s.created));
        ObjectNode flavor = w.flavor(s.flavorId);
        if (mv >= 47) {
            ObjectNode f = Json.object();
            f.put("vcpus", flavor.get("vcpus").asInt());
            f.put("ram", flavor.get("ram").asInt());
            f.put("disk", flavor.get("disk").asInt());
            f.put("ephemeral", 0);
            f.put("swap", 0);
            f.put("original_name", flavor.get("name").asText());
            f.set("extra_specs", flavor.get("extra_specs").deepCopy());
            n.set("flavor", f);
        } else {
            ObjectNode f = Json.object();
            f.put("id", s.flavorId);
            f.set(
                    "links",
                    Json.array()
                            .add(Json.object()
                                    .put("href", w.apiBase + "/" + rs.spec.id() + "/compute/flavors/" + s.flavorId)
                                    .put("rel", "bookmark")));
            n.set("flavor", f);
        }
        n.put("hostId", s.status.equals("SHELVED_OFFLOADED") ? "" : new Ids(s.id.hashCode()).hex(56));
        n.put("id", s.id);
        if (s.imageId == null) {
            n.put("image", "");
        } else {
            ObjectNode img = Json.object();
            img.put("id", s.imageId);
            img.set(
                    "links",
                    Json.array()
                            .add(Json.object()
                                    .put("href", w.apiBase + "/" + rs.spec.id() + "/compute/images/" + s.imageId)
                                    .put("rel", "bookmark")));
            n.set("image", img);
        }
        n.put("key_name", s.keyName);
        n.set("links", links("servers", s.id));
        ObjectNode md = Json.object();
        s.metadata.forEach(md::put);
        n.set("metadata", md);
        n.put("name", s.name);
        n.put("accessIPv4", "");
        n.put("accessIPv6", "");
        n.put("config_drive", "");
        n.put("OS-DCF:diskConfig", "MANUAL");
        n.put("OS-EXT-AZ:availability_zone", s.status.equals("SHELVED_OFFLOADED") ? "" : s.availabilityZone);
        n.put("OS-EXT-STS:power_state", s.powerState);
        n.put("OS-EXT-STS:task_state", s.taskState);
        n.put("OS-EXT-STS:vm_state", s.vmState);
        ArrayNode vols = Json.array();
        for (SimServer.Attachment a : s.attachments) {
            ObjectNode v = Json.object();
            v.put("id", a.volumeId());
            if (mv >= 3) {
                v.put("delete_on_termination", a.deleteOnTermination());
            }
            vols.add(v);
        }
        n.set("os-extended-volumes:volumes_attached", vols);
        n.put("OS-SRV-USG:launched_at", s.launchedAt == null ? null : Json.micros(s.launchedAt));
        n.putNull("OS-SRV-USG:terminated_at");
        n.put("progress", 0);
        ArrayNode groups = Json.array();
        if (!s.status.equals("BUILD") || s.launchedAt != null) {
            for (String g : s.securityGroups) {
                groups.add(Json.object().put("name", g));
            }
        }
        n.set("security_groups", groups);
        n.put("status", s.status);
        n.put("tenant_id", s.projectId);
        n.put("updated", Json.seconds(s.updated));
        n.put("user_id", s.userId);
        if (mv >= 9) {
            n.put("locked", s.locked);
        }
        if (mv >= 73) {
            n.put("locked_reason", s.lockedReason);
        }
        if (mv >= 19) {
            n.put("description", s.description);
        }
        if (mv >= 26) {
            ArrayNode tags = Json.array();
            s.tags.forEach(tags::add);
            n.set("tags", tags);
        }
        if (mv >= 63) {
            n.putNull("trusted_image_certificates");
        }
        if (mv >= 71 && full) {
            n.set("server_groups", Json.array());
        }
        if (mv >= 90) {
            n.put("OS-EXT-SRV-ATTR:hostname", s.hostname);
        }
        if (mv >= 96) {
            n.putNull("pinned_availability_zone");
        }
        if (s.status.equals("ERROR")) {
            ObjectNode fault = Json.object();
            fault.put("code", 500);
            fault.put("created", Json.seconds(s.updated));
            fault.put("message", "No valid host was found. There are not enough hosts available.");
            n.set("fault", fault);
        }
        return n;
    }

    // ------------------------------------------------------------------ create

    private Reply create(Exchange ex, int mv) {
        ObjectNode req = ex.requireObject("server");
        Instant now = w.now();
        String name = Json.text(req, "name");
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new ApiException(
                    400,
                    "Invalid input for field/attribute name. Value: " + name
                            + ". 'name' must be a non-empty string of at most 255 characters");
        }
        String flavorRef = Json.text(req, "flavorRef");
        if (flavorRef == null) {
            throw new ApiException(400, "Invalid input for field/attribute server. 'flavorRef' is a required property");
        }
        String flavorId = flavorRef.contains("/") ? flavorRef.substring(flavorRef.lastIndexOf('/') + 1) : flavorRef;
        ObjectNode flavor = w.flavor(flavorId);
        if (flavor == null) {
            throw new ApiException(400, "Flavor " + flavorId + " could not be found.");
        }
        JsonNode bdm = req.get("block_device_mapping_v2");
        String imageRef = Json.text(req, "imageRef");
        int bootVolumeGb = 0;
        if (bdm != null && bdm.isArray() && !bdm.isEmpty()) {
            JsonNode boot = bdm.get(0);
            String src = Json.text(boot, "uuid");
            if ("image".equals(Json.text(boot, "source_type"))) {
                if (src == null || !rs.images.containsKey(src) || !Glance.visibleTo(w, rs.images.get(src))) {
                    throw new ApiException(400, "Image " + src + " could not be found.");
                }
                imageRef = null;
                bootVolumeGb = boot.path("volume_size").asInt(0);
                if (bootVolumeGb <= 0) {
                    throw new ApiException(400, "Invalid input for field/attribute volume_size.");
                }
                Cinder.requireQuota(w, rs, 1, bootVolumeGb);
            }
            req.put("_bootImage", src);
        } else if (imageRef == null || imageRef.isEmpty()) {
            throw new ApiException(400, "Missing imageRef attribute");
        } else if (!rs.images.containsKey(imageRef) || !Glance.visibleTo(w, rs.images.get(imageRef))) {
            throw new ApiException(400, "Image " + imageRef + " could not be found.");
        } else if (!"active".equals(rs.images.get(imageRef).path("status").asText())) {
            throw new ApiException(400, "Image " + imageRef + " is not active.");
        }
        String keyName = Json.text(req, "key_name");
        if (keyName != null && !rs.keypairs.containsKey(keyName)) {
            throw new ApiException(400, "Invalid key_name provided.");
        }
        String userData = Json.text(req, "user_data");
        if (userData != null) {
            if (userData.length() > 65535) {
                throw new ApiException(
                        400,
                        "Invalid input for field/attribute user_data. Value: <redacted>. is too"
                                + " long (maximum 65535 characters)");
            }
            try {
                Base64.getDecoder().decode(userData);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "User data needs to be valid base 64.");
            }
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode md = req.get("metadata");
        if (md != null && md.isObject()) {
            checkMetadata(md, 0);
            md.fields()
                    .forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        }
        List<String> groups = new ArrayList<>();
        JsonNode sg = req.get("security_groups");
        if (sg != null && sg.isArray()) {
            for (JsonNode g : sg) {
                String gname = Json.text(g, "name");
                if (Neutron.findGroup(rs, gname) == null) {
                    throw new ApiException(400, "Unable to find security group with name or id '" + gname + "'");
                }
                groups.add(Neutron.findGroup(rs, gname).get("name").asText());
            }
        } else {
            groups.add("default");
        }
        String networkId = chooseNetwork(req.get("networks"), mv);
        int cores = flavor.get("vcpus").asInt();
        int ram = flavor.get("ram").asInt();
        requireComputeQuota(1, cores, ram);

        SimServer s = new SimServer(
                w.ids.uuid(), rs.spec.id(), w.projectId, w.userId, now, userData, w.seed ^ rs.servers.size() * 7919L);
        s.name = name;
        s.hostname = sanitize(name);
        s.description = mv >= 19 ? Json.text(req, "description") : null;
        s.flavorId = flavorId;
        s.imageId = imageRef;
        s.keyName = keyName;
        s.metadata.putAll(metadata);
        // tags at create (2.52): stored with the server, so a launch can be looked up by tag
        JsonNode createTags = req.get("tags");
        if (createTags != null && createTags.isArray()) {
            if (mv < 52) {
                throw new ApiException(
                        400,
                        "Invalid input for field/attribute server. Additional properties are not allowed ('tags' was unexpected)");
            }
            createTags.forEach(t -> checkTag(t.asText()));
            createTags.forEach(t -> s.tags.add(t.asText()));
        }
        s.securityGroups.addAll(groups);
        s.scriptedError = w.failSetup.test(name);
        if (networkId != null) {
            s.networkIds.add(networkId);
        }
        s.addAction("create", "req-" + w.ids.uuid(), now);
        rs.servers.put(s.id, s);
        if (bootVolumeGb > 0) {
            ObjectNode vol = Cinder.volume(w, rs, "", bootVolumeGb, now);
            vol.put("bootable", "true");
            Cinder.attach(rs, vol, s.id, "/dev/vda");
            s.attachments.add(new SimServer.Attachment(
                    vol.get("id").asText(),
                    "/dev/vda",
                    null,
                    w.ids.uuid(),
                    w.ids.uuid(),
                    bdm.get(0).path("delete_on_termination").asBoolean(false)));
        }
        scheduleBuild(s, networkId, now);

        ObjectNode resp = Json.object();
        resp.put("id", s.id);
        resp.set("links", links("servers", s.id));
        resp.put("OS-DCF:diskConfig", "MANUAL");
        ArrayNode respGroups = Json.array();
        groups.forEach(g -> respGroups.add(Json.object().put("name", g)));
        resp.set("security_groups", respGroups);
        String adminPass = w.ids.hex(12);
        w.otherIssuedSecrets.add(adminPass);
        resp.put("adminPass", adminPass);
        return Reply.json(202, Json.object("server", resp))
                .header("Location", w.apiBase + "/" + rs.spec.id() + "/compute/v2.1/servers/" + s.id);
    }

    /** Nova's networking step: a new port for {@code s}, {@code DOWN} until it is bound, as in Neutron. */
    private void addBuildingPort(SimServer s, String networkId) {
        ObjectNode port = Neutron.serverPort(w, rs, networkId, s);
        port.put("status", "DOWN");
        s.portIds.add(port.get("id").asText());
    }

    private void scheduleBuild(SimServer s, String networkId, Instant now) {
        Duration build = w.scenario.buildTime();
        w.schedule(now.plus(build.dividedBy(5)), () -> {
            if (!s.deleted) {
                s.taskState = "networking";
                if (networkId != null) {
                    addBuildingPort(s, networkId);
                }
            }
        });
        if (networkId != null && w.rescheduleBuild.test(s.name)) {
            // as Nova does when the first host fails the build: it deletes the port it made there (Neutron
            // disassociates any floating IP from it), schedules again and makes a new port, bound a fifth later
            w.schedule(now.plus(build.dividedBy(10).multipliedBy(3)), () -> {
                if (!s.deleted) {
                    for (String portId : List.copyOf(s.portIds)) {
                        Neutron.releasePort(rs, portId);
                    }
                    s.portIds.clear();
                    s.taskState = "networking";
                    addBuildingPort(s, networkId);
                }
            });
        }
        w.schedule(now.plus(build.dividedBy(5).multipliedBy(2)), () -> {
            if (!s.deleted) {
                s.taskState = "spawning";
                for (String portId : s.portIds) {
                    ObjectNode port = rs.ports.get(portId);
                    if (port != null) {
                        port.put("status", "ACTIVE");
                    }
                }
            }
        });
        Instant bootAt = now.plus(build.dividedBy(5).multipliedBy(3));
        s.scheduleBoot(bootAt, true, w.scenario.setupTime());
        w.schedule(now.plus(build), () -> {
            if (!s.deleted) {
                s.launchedAt = w.now();
                s.setState("ACTIVE", "active", 1, s.launchedAt);
                if (!s.runningSpans.isEmpty()) {
                    s.runningSpans.get(0)[0] = bootAt;
                }
            }
        });
        if (s.passphraseAt != null) {
            // Exosphere's `ansible/roles/passphrase` POSTs to the metadata service's password endpoint
            w.schedule(s.passphraseAt, () -> {
                if (!s.deleted) {
                    s.passphrase = Passphrases.generate(w.ids);
                    s.password = s.passphrase;
                }
            });
        }
    }

    private String chooseNetwork(JsonNode networks, int mv) {
        if (networks == null || networks.isNull()) {
            if (mv >= 37) {
                throw new ApiException(
                        400, "Invalid input for field/attribute server. 'networks' is a required" + " property");
            }
            return soleNetwork();
        }
        if (networks.isTextual()) {
            if (mv < 37) {
                throw new ApiException(400, "Invalid input for field/attribute networks.");
            }
            if (networks.asText().equals("none")) {
                return null;
            }
            if (networks.asText().equals("auto")) {
                if (!rs.spec.autoAllocation()) {
                    throw new ApiException(
                            400, "Unable to automatically allocate a network for project " + w.projectId);
                }
                return Neutron.autoAllocate(w, rs);
            }
            throw new ApiException(400, "Invalid input for field/attribute networks.");
        }
        if (!networks.isArray() || networks.isEmpty()) {
            return soleNetwork();
        }
        JsonNode first = networks.get(0);
        String uuid = Json.text(first, "uuid");
        String portId = Json.text(first, "port");
        if (portId != null) {
            ObjectNode port = rs.ports.get(portId);
            if (port == null) {
                throw new ApiException(404, "Port " + portId + " could not be found.");
            }
            return port.get("network_id").asText();
        }
        ObjectNode net = uuid == null ? null : rs.networks.get(uuid);
        if (net == null) {
            throw new ApiException(400, "Network " + uuid + " could not be found.");
        }
        if (net.path("router:external").asBoolean() && !net.path("shared").asBoolean()) {
            throw new ApiException(403, "It is not allowed to create an interface on external network " + uuid);
        }
        return uuid;
    }

    private String soleNetwork() {
        List<ObjectNode> candidates = rs.networks.values().stream()
                .filter(n -> !n.path("router:external").asBoolean())
                .toList();
        if (candidates.size() > 1) {
            throw new ApiException(409, "Multiple possible networks found, use a Network ID to be more specific.");
        }
        return candidates.isEmpty() ? null : candidates.get(0).get("id").asText();
    }

    void requireComputeQuota(int instances, int cores, int ram) {
        int[] used = computeUsage();
        var q = w.scenario.quotas();
        check("instances", instances, used[0], q.instances());
        check("cores", cores, used[1], q.cores());
        check("ram", ram, used[2], q.ramMb());
    }

    private static void check(String resource, int requested, int used, int limit) {
        if (limit >= 0 && used + requested > limit) {
            throw new ApiException(
                    403,
                    "Quota exceeded for " + resource + ": Requested " + requested + ", but already used " + used
                            + " of " + limit + " " + resource);
        }
    }

    /** instances, cores, ram (MB) in use. */
    int[] computeUsage() {
        int[] used = new int[3];
        for (SimServer s : rs.liveServers()) {
            if (s.status.equals("SHELVED_OFFLOADED")) {
                continue;
            }
            ObjectNode f = w.flavor(s.flavorId);
            used[0]++;
            used[1] += f.get("vcpus").asInt();
            used[2] += f.get("ram").asInt();
        }
        return used;
    }

    static String sanitize(String name) {
        // Nova utils.sanitize_hostname (Exosphere's `Helpers.sanitizeHostname` mirrors it)
        String h = name.length() > 63 ? name.substring(0, 63) : name;
        h = h.replaceAll("[ _.]", "-").replaceAll("[^A-Za-z0-9_.-]+", "").toLowerCase();
        h = h.replaceAll("^[.-]+", "").replaceAll("[.-]+$", "");
        return h.isEmpty() ? "server" : h;
    }

    private Reply update(Exchange ex, SimServer s, int mv) {
        ObjectNode req = ex.requireObject("server");
        if (req.has("name")) {
            String name = Json.text(req, "name");
            if (name == null || name.isBlank() || name.length() > 255) {
                throw new ApiException(400, "Invalid input for field/attribute name.");
            }
            s.name = name;
        }
        if (req.has("hostname")) {
            if (mv < 90) {
                throw new ApiException(
                        400,
                        "Invalid input for field/attribute server. Additional properties are not"
                                + " allowed ('hostname' was unexpected)");
            }
            s.hostname = Json.text(req, "hostname");
        }
        if (req.has("description")) {
            if (mv < 19) {
                throw new ApiException(
                        400,
                        "Invalid input for field/attribute server. Additional properties are not"
                                + " allowed ('description' was unexpected)");
            }
            s.description = Json.text(req, "description");
        }
        s.updated = w.now();
        return Reply.ok(Json.object("server", view(s, mv, true)));
    }

    private Reply delete(SimServer s) {
        if (s.locked) {
            throw new ApiException(409, "Instance " + s.id + " is locked");
        }
        Instant now = w.now();
        s.taskState = "deleting";
        s.addAction("delete", "req-" + w.ids.uuid(), now);
        w.schedule(now.plusSeconds(5), () -> {
            s.setState("DELETED", "deleted", 0, w.now());
            s.deleted = true;
            for (String portId : s.portIds) {
                Neutron.releasePort(rs, portId);
            }
            for (SimServer.Attachment a : s.attachments) {
                ObjectNode vol = rs.volumes.get(a.volumeId());
                if (vol != null) {
                    if (a.deleteOnTermination()) {
                        rs.volumes.remove(a.volumeId());
                    } else {
                        Cinder.detach(vol);
                    }
                }
            }
        });
        return Reply.empty(204);
    }

    // ------------------------------------------------------------------ metadata

    static void checkMetadata(JsonNode md, int existing) {
        int count = existing;
        for (Iterator<Map.Entry<String, JsonNode>> it = md.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            count++;
            if (e.getKey().isEmpty() || e.getKey().length() > 255) {
                throw new ApiException(
                        400,
                        "Invalid input for field/attribute metadata. Metadata keys must be 1 to" + " 255 characters");
            }
            if (!e.getValue().isTextual()) {
                throw new ApiException(
                        400,
                        "Invalid input for field/attribute metadata. Value: " + e.getValue()
                                + " is not of type 'string'");
            }
            if (e.getValue().asText().length() > 255) {
                throw new ApiException(
                        400,
                        "Invalid input for field/attribute " + e.getKey()
                                + ". Value is too long (maximum 255 characters)");
            }
        }
        if (count > 128) {
            throw new ApiException(
                    403,
                    "Quota exceeded for metadata_items: Requested " + count
                            + ", but already used 0 of 128 metadata_items");
        }
    }

    private Reply metadata(Exchange ex, SimServer s) {
        if (ex.size() == 3) {
            switch (ex.method()) {
                case "GET" -> {
                    return Reply.ok(metadataBody(s));
                }
                case "POST", "PUT" -> {
                    ObjectNode md = ex.requireObject("metadata");
                    boolean replace = ex.method().equals("PUT");
                    checkMetadata(md, replace ? 0 : s.metadata.size());
                    if (replace) {
                        s.metadata.clear();
                    }
                    md.fields()
                            .forEachRemaining(
                                    e -> s.metadata.put(e.getKey(), e.getValue().asText()));
                    s.updated = w.now();
                    return Reply.ok(metadataBody(s));
                }
                default -> throw new ApiException(405, "The method is not allowed for the requested URL.");
            }
        }
        String key = ex.seg(3);
        switch (ex.method()) {
            case "GET" -> {
                if (!s.metadata.containsKey(key)) {
                    throw new ApiException(404, "Metadata item was not found");
                }
                return Reply.ok(Json.object("meta", Json.object().put(key, s.metadata.get(key))));
            }
            case "PUT" -> {
                ObjectNode meta = ex.requireObject("meta");
                if (meta.size() != 1 || !meta.has(key)) {
                    throw new ApiException(400, "Request body and URI mismatch");
                }
                checkMetadata(meta, s.metadata.size());
                s.metadata.put(key, meta.get(key).asText());
                return Reply.ok(Json.object("meta", meta));
            }
            case "DELETE" -> {
                if (s.metadata.remove(key) == null) {
                    throw new ApiException(404, "Metadata item was not found");
                }
                return Reply.empty(204);
            }
            default -> throw new ApiException(405, "The method is not allowed for the requested URL.");
        }
    }

    private static ObjectNode metadataBody(SimServer s) {
        ObjectNode md = Json.object();
        s.metadata.forEach(md::put);
        return Json.object("metadata", md);
    }

    // ------------------------------------------------------------------ tags (2.26+)

    private static void checkTag(String tag) {
        if (tag.isEmpty() || tag.length() > 60 || tag.contains("/") || tag.contains(",")) {
            throw new ApiException(
                    400,
                    "Invalid input for field/attribute tag. Value: " + tag
                            + ". Tags must be 1 to 60 characters and may not contain '/' or ','");
        }
    }

    private Reply tags(Exchange ex, SimServer s, int mv) {
        if (mv < 26) {
            throw new ApiException(404, "The resource could not be found.");
        }
        if (ex.size() == 3) {
            switch (ex.method()) {
                case "GET" -> {
                    return Reply.ok(tagsBody(s));
                }
                case "PUT" -> {
                    JsonNode tags = ex.json() == null ? null : ex.json().get("tags");
                    if (tags == null || !tags.isArray()) {
                        throw new ApiException(400, "Invalid input for field/attribute tags.");
                    }
                    if (tags.size() > 50) {
                        throw new ApiException(400, "The number of tags exceeded the per-server limit 50");
                    }
                    tags.forEach(t -> checkTag(t.asText()));
                    s.tags.clear();
                    tags.forEach(t -> s.tags.add(t.asText()));
                    return Reply.ok(tagsBody(s));
                }
                case "DELETE" -> {
                    s.tags.clear();
                    return Reply.empty(204);
                }
                default -> throw new ApiException(405, "The method is not allowed for the requested URL.");
            }
        }
        String tag = ex.seg(3);
        switch (ex.method()) {
            case "GET" -> {
                if (!s.tags.contains(tag)) {
                    throw new ApiException(404, "Tag " + tag + " could not be found.");
                }
                return Reply.empty(204);
            }
            case "PUT" -> {
                checkTag(tag);
                if (s.tags.contains(tag)) {
                    return Reply.empty(204);
                }
                if (s.tags.size() >= 50) {
                    throw new ApiException(400, "The number of tags exceeded the per-server limit 50");
                }
                s.tags.add(tag);
                return Reply.empty(201).header("Location", ex.url().toString());
            }
            case "DELETE" -> {
                if (!s.tags.remove(tag)) {
                    throw new ApiException(404, "Tag " + tag + " could not be found.");
                }
                return Reply.empty(204);
            }
            default -> throw new ApiException(405, "The method is not allowed for the requested URL.");
        }
    }

    private static ObjectNode tagsBody(SimServer s) {
        ArrayNode arr = Json.array();
        s.tags.forEach(arr::add);
        return Json.object("tags", arr);
    }

    // ------------------------------------------------------------------ password, consoles, actions

    private Reply serverPassword(Exchange ex, SimServer s) {
        switch (ex.method()) {
            case "GET" -> {
                return Reply.ok(Json.object().put("password", s.password));
            }
            case "DELETE" -> {
                s.password = "";
                return Reply.empty(204);
            }
            default -> throw new ApiException(405, "The method is not allowed for the requested URL.");
        }
    }

    private Reply remoteConsole(Exchange ex, SimServer s, int mv) {
        requireMethod(ex, "POST");
        if (mv < 6) {
            throw new ApiException(404, "The resource could not be found.");
        }
        ObjectNode req = ex.requireObject("remote_console");
        String protocol = Json.text(req, "protocol");
        String type = Json.text(req, "type");
        if (!Set.of("vnc", "spice", "serial", "rdp", "mks").contains(String.valueOf(protocol))) {
            throw new ApiException(400, "Invalid input for field/attribute protocol. Value: " + protocol);
        }
        if (!"vnc".equals(protocol) || !"novnc".equals(type)) {
            throw new ApiException(400, "Unavailable console type " + type + ".");
        }
        return Reply.ok(Json.object("remote_console", consoleBody(s, protocol, type)));
    }

    ObjectNode consoleBody(SimServer s, String protocol, String type) {
        if (!s.status.equals("ACTIVE")) {
            throw new ApiException(409, "Instance " + s.id + " is not ready");
        }
        ObjectNode c = Json.object();
        c.put("protocol", protocol);
        c.put("type", type);
        // not a UUID: another simulator with the same seed hands out the same UUIDs as request ids
        String token = w.ids.hex(40);
        w.otherIssuedSecrets.add(token); // the console token grants the console: never to be printed
        c.put("url", w.apiBase + "/novnc/vnc_lite.html?path=%3Ftoken%3D" + token);
        return c;
    }

    private Reply instanceActions(Exchange ex, SimServer s, int mv) {
        if (ex.size() == 3 && ex.method().equals("GET")) {
            ArrayNode arr = Json.array();
            List<Map<String, String>> newestFirst = new ArrayList<>(s.actions);
            java.util.Collections.reverse(newestFirst);
            for (Map<String, String> a : newestFirst) {
                arr.add(actionBody(s, a, mv));
            }
            return Reply.ok(Json.object("instanceActions", arr));
        }
        if (ex.size() == 4 && ex.method().equals("GET")) {
            for (Map<String, String> a : s.actions) {
                if (a.get("request_id").equals(ex.seg(3))) {
                    ObjectNode body = actionBody(s, a, mv);
                    body.set("events", Json.array());
                    return Reply.ok(Json.object("instanceAction", body));
                }
            }
            throw new ApiException(404, "Action " + ex.seg(3) + " not found");
        }
        throw new ApiException(405, "The method is not allowed for the requested URL.");
    }

    private ObjectNode actionBody(SimServer s, Map<String, String> a, int mv) {
        ObjectNode n = Json.object();
        n.put("action", a.get("action"));
        n.put("instance_uuid", s.id);
        n.putNull("message");
        n.put("project_id", s.projectId);
        n.put("request_id", a.get("request_id"));
        n.put("start_time", a.get("start_time"));
        n.put("user_id", s.userId);
        if (mv >= 58) {
            n.put("updated_at", a.get("updated_at"));
        }
        return n;
    }

    private Reply serverSecurityGroups(Exchange ex, SimServer s) {
        requireMethod(ex, "GET");
        ArrayNode arr = Json.array();
        for (String name : s.securityGroups) {
            ObjectNode g = Neutron.findGroup(rs, name);
            if (g == null) {
                continue;
            }
            ObjectNode n = Json.object();
            n.put("description", g.path("description").asText());
            n.put("id", g.get("id").asText());
            n.put("name", g.get("name").asText());
            ArrayNode rules = Json.array();
            for (ObjectNode r : rs.securityGroupRules.values()) {
                if (!r.get("security_group_id").asText().equals(g.get("id").asText())
                        || !"ingress".equals(r.path("direction").asText())) {
                    continue;
                }
                ObjectNode nr = Json.object();
                nr.put(
                        "from_port",
                        r.path("port_range_min").isNull()
                                ? null
                                : r.path("port_range_min").asInt());
                nr.set("group", Json.object());
                nr.put("ip_protocol", Json.text(r, "protocol"));
                nr.set(
                        "ip_range",
                        Json.text(r, "remote_ip_prefix") == null
                                ? Json.object()
                                : Json.object().put("cidr", Json.text(r, "remote_ip_prefix")));
                nr.put("id", r.get("id").asText());
                nr.put("parent_group_id", g.get("id").asText());
                nr.put(
                        "to_port",
                        r.path("port_range_max").isNull()
                                ? null
                                : r.path("port_range_max").asInt());
                rules.add(nr);
            }
            n.set("rules", rules);
            n.put("tenant_id", g.path("project_id").asText());
            arr.add(n);
        }
        return Reply.ok(Json.object("security_groups", arr));
    }

    // ================================================================== flavors

    private Reply flavors(Exchange ex, int mv) {
        requireMethod(ex, "GET");
        if (ex.size() == 1 || ex.matches("flavors", "detail")) {
            boolean detail = ex.size() == 2;
            List<ObjectNode> all = new ArrayList<>(w.flavors);
            String minRam = ex.query("minRam");
            String minDisk = ex.query("minDisk");
            all.removeIf(f -> (minRam != null && f.get("ram").asInt() < Integer.parseInt(minRam))
                    || (minDisk != null && f.get("disk").asInt() < Integer.parseInt(minDisk)));
            Paging.Page<ObjectNode> page = Paging.page(
                    all,
                    f -> f.get("id").asText(),
                    Paging.limit(ex),
                    ex.query("marker"),
                    1000,
                    "marker [" + ex.query("marker") + "] not found");
            ArrayNode arr = Json.array();
            page.items().forEach(f -> arr.add(flavorView(f, mv, detail)));
            ObjectNode body = Json.object("flavors", arr);
            if (page.more()) {
                body.set(
                        "flavors_links",
                        nextLink(
                                ex,
                                page.items()
                                        .get(page.items().size() - 1)
                                        .get("id")
                                        .asText()));
            }
            return Reply.ok(body);
        }
        ObjectNode f = w.flavor(ex.seg(1));
        if (f == null) {
            throw new ApiException(404, "Flavor " + ex.seg(1) + " could not be found.");
        }
        if (ex.size() == 2) {
            return Reply.ok(Json.object("flavor", flavorView(f, mv, true)));
        }
        if (ex.seg(2).equals("os-extra_specs")) {
            ObjectNode specs = (ObjectNode) f.get("extra_specs");
            if (ex.size() == 3) {
                return Reply.ok(Json.object("extra_specs", specs.deepCopy()));
            }
            if (!specs.has(ex.seg(3))) {
                throw new ApiException(
                        404, "Flavor " + f.get("id").asText() + " has no extra specs with key " + ex.seg(3) + ".");
            }
            return Reply.ok(Json.object().put(ex.seg(3), specs.get(ex.seg(3)).asText()));
        }
        throw new ApiException(404, "The resource could not be found.");
    }

    private ObjectNode flavorView(ObjectNode f, int mv, boolean detail) {
        ObjectNode n = Json.object();
        n.put("id", f.get("id").asText());
        n.put("name", f.get("name").asText());
        n.set("links", links("flavors", f.get("id").asText()));
        if (mv >= 55) {
            n.set("description", f.get("description"));
        }
        if (!detail) {
            return n;
        }
        n.put("ram", f.get("ram").asInt());
        n.put("disk", f.get("disk").asInt());
        n.put("vcpus", f.get("vcpus").asInt());
        n.put("OS-FLV-EXT-DATA:ephemeral", 0);
        n.put("OS-FLV-DISABLED:disabled", false);
        n.put("os-flavor-access:is_public", true);
        if (mv >= 75) {
            n.put("swap", 0);
        } else {
            n.put("swap", "");
            n.put("rxtx_factor", 1.0);
        }
        if (mv >= 61) {
            n.set("extra_specs", f.get("extra_specs").deepCopy());
        }
        return n;
    }

    // ================================================================== keypairs

    private Reply keypairs(Exchange ex, int mv) {
        if (ex.size() == 1 && ex.method().equals("GET")) {
            List<ObjectNode> all = new ArrayList<>(rs.keypairs.values());
            Integer limit = mv >= 35 ? Paging.limit(ex) : null;
            String marker = mv >= 35 ? ex.query("marker") : null;
            Paging.Page<ObjectNode> page = Paging.page(
                    all, k -> k.get("name").asText(), limit, marker, 1000, "marker [" + marker + "] not found");
            ArrayNode arr = Json.array();
            for (ObjectNode k : page.items()) {
                ObjectNode v = Json.object();
                v.put("name", k.get("name").asText());
                v.put("public_key", k.get("public_key").asText());
                v.put("fingerprint", k.get("fingerprint").asText());
                if (mv >= 2) {
                    v.put("type", k.get("type").asText());
                }
                arr.add(Json.object("keypair", v));
            }
            ObjectNode body = Json.object("keypairs", arr);
            if (page.more()) {
                body.set(
                        "keypairs_links",
                        nextLink(
                                ex,
                                page.items()
                                        .get(page.items().size() - 1)
                                        .get("name")
                                        .asText()));
            }
            return Reply.ok(body);
        }
        if (ex.size() == 1 && ex.method().equals("POST")) {
            return createKeypair(ex, mv);
        }
        ObjectNode k = rs.keypairs.get(ex.seg(1));
        if (k == null) {
            throw new ApiException(404, "Keypair " + ex.seg(1) + " not found for user " + w.userId);
        }
        if (ex.method().equals("GET")) {
            ObjectNode v = k.deepCopy();
            v.remove("private_key");
            return Reply.ok(Json.object("keypair", v));
        }
        if (ex.method().equals("DELETE")) {
            rs.keypairs.remove(ex.seg(1));
            return Reply.empty(mv >= 10 ? 204 : 202);
        }
        throw new ApiException(405, "The method is not allowed for the requested URL.");
    }

    private Reply createKeypair(Exchange ex, int mv) {
        ObjectNode req = ex.requireObject("keypair");
        String name = Json.text(req, "name");
        if (name == null || name.isEmpty() || name.length() > 255 || !name.matches("[A-Za-z0-9 _.@-]+")) {
            throw new ApiException(400, "Keypair data is invalid: Keypair name contains unsafe characters");
        }
        if (rs.keypairs.containsKey(name)) {
            throw new ApiException(409, "Key pair '" + name + "' already exists.");
        }
        if (w.scenario.quotas().keypairs() >= 0
                && rs.keypairs.size() >= w.scenario.quotas().keypairs()) {
            throw new ApiException(403, "Quota exceeded, too many key pairs.");
        }
        String publicKey = Json.text(req, "public_key");
        String privateKey = null;
        if (publicKey == null) {
            if (mv >= 92) {
                throw new ApiException(
                        400, "Invalid input for field/attribute keypair. 'public_key' is a required" + " property");
            }
            String[] generated = SshKeys.generate(name);
            publicKey = generated[0];
            privateKey = generated[1];
        }
        String fingerprint = SshKeys.fingerprint(publicKey);
        ObjectNode k = Json.object();
        k.put("name", name);
        k.put("public_key", publicKey);
        k.put("fingerprint", fingerprint);
        k.put("user_id", w.userId);
        k.put("type", Json.text(req, "type") != null ? Json.text(req, "type") : "ssh");
        k.put("created_at", Json.micros(w.now()));
        k.put("deleted", false);
        k.putNull("deleted_at");
        k.putNull("updated_at");
        k.put("id", rs.nextKeypairId++);
        rs.keypairs.put(name, k);
        ObjectNode resp = Json.object();
        resp.put("name", name);
        resp.put("public_key", publicKey);
        resp.put("fingerprint", fingerprint);
        resp.put("user_id", w.userId);
        if (mv >= 2) {
            resp.put("type", k.get("type").asText());
        }
        if (privateKey != null) {
            resp.put("private_key", privateKey);
        }
        return Reply.json(mv >= 10 ? 201 : 200, Json.object("keypair", resp));
    }

    // ================================================================== limits, quotas, AZs

    private Reply limits(Exchange ex, int mv) {
        requireMethod(ex, "GET");
        var q = w.scenario.quotas();
        int[] used = computeUsage();
        ObjectNode a = Json.object();
        a.put("maxServerMeta", 128);
        a.put("maxTotalCores", q.cores());
        a.put("maxTotalInstances", q.instances());
        a.put("maxTotalKeypairs", q.keypairs());
        a.put("maxTotalRAMSize", q.ramMb());
        a.put("maxServerGroups", 10);
        a.put("maxServerGroupMembers", 10);
        if (mv < 57) {
            a.put("maxImageMeta", 128);
            a.put("maxPersonality", 5);
            a.put("maxPersonalitySize", 10240);
        }
        if (mv < 36) {
            a.put("maxSecurityGroupRules", -1);
            a.put("maxSecurityGroups", -1);
            a.put("maxTotalFloatingIps", -1);
            a.put("totalFloatingIpsUsed", 0);
            a.put("totalSecurityGroupsUsed", 0);
        }
        a.put("totalCoresUsed", used[1]);
        a.put("totalInstancesUsed", used[0]);
        a.put("totalRAMUsed", used[2]);
        a.put("totalServerGroupsUsed", 0);
        ObjectNode limits = Json.object();
        limits.set("absolute", a);
        limits.set("rate", Json.array());
        return Reply.ok(Json.object("limits", limits));
    }

    private Reply quotaSets(Exchange ex, int mv) {
        requireMethod(ex, "GET");
        if (ex.size() < 2) {
            throw new ApiException(404, "The resource could not be found.");
        }
        boolean detail = ex.size() == 3 && ex.seg(2).equals("detail");
        boolean defaults = ex.size() == 3 && ex.seg(2).equals("defaults");
        var q = w.scenario.quotas();
        int[] used = computeUsage();
        ObjectNode set = Json.object();
        set.put("id", ex.seg(1));
        put(set, "cores", q.cores(), used[1], detail);
        put(set, "instances", q.instances(), used[0], detail);
        put(set, "key_pairs", q.keypairs(), rs.keypairs.size(), detail);
        put(set, "metadata_items", 128, 0, detail);
        put(set, "ram", q.ramMb(), used[2], detail);
        put(set, "server_group_members", 10, 0, detail);
        put(set, "server_groups", 10, 0, detail);
        if (mv < 57) {
            put(set, "injected_file_content_bytes", 10240, 0, detail);
            put(set, "injected_file_path_bytes", 255, 0, detail);
            put(set, "injected_files", 5, 0, detail);
        }
        if (defaults) {
            set.put("id", ex.seg(1));
        }
        return Reply.ok(Json.object("quota_set", set));
    }

    private static void put(ObjectNode set, String key, int limit, int used, boolean detail) {
        if (detail) {
            set.set(key, Json.object().put("in_use", used).put("limit", limit).put("reserved", 0));
        } else {
            set.put(key, limit);
        }
    }

    private Reply availabilityZones(Exchange ex) {
        requireMethod(ex, "GET");
        ObjectNode zone = Json.object();
        zone.put("zoneName", "nova");
        zone.set("zoneState", Json.object().put("available", true));
        zone.putNull("hosts");
        return Reply.ok(Json.object("availabilityZoneInfo", Json.array().add(zone)));
    }

    // ================================================================== versions

    public static ObjectNode versionDoc(String base, boolean current) {
        ObjectNode v = Json.object();
        v.put("id", "v2.1");
        v.set(
                "links",
                Json.array().add(Json.object().put("href", base + "/v2.1/").put("rel", "self")));
        v.put("status", "CURRENT");
        v.put("version", "2." + MAX_MINOR);
        v.put("min_version", "2." + MIN_MINOR);
        v.put("updated", "2013-07-23T11:33:21Z");
        if (current) {
            v.set(
                    "media-types",
                    Json.array()
                            .add(Json.object()
                                    .put("base", "application/json")
                                    .put("type", "application/vnd.openstack.compute+json;version=2.1")));
        }
        return v;
    }

    /** SSH key helpers for key pair import and generation. */
    static final class SshKeys {
        private SshKeys() {}

        static String fingerprint(String publicKey) {
            String[] parts = publicKey.strip().split("\\s+");
            if (parts.length < 2 || !parts[0].matches("(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521))")) {
                throw new ApiException(400, "Keypair data is invalid: failed to generate fingerprint");
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "Keypair data is invalid: failed to generate fingerprint");
            }
            try {
                byte[] md5 = MessageDigest.getInstance("MD5").digest(blob);
                StringBuilder sb = new StringBuilder();
                for (byte b : md5) {
                    if (sb.length() > 0) {
                        sb.append(':');
                    }
                    sb.append(String.format("%02x", b & 0xff));
                }
                return sb.toString();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** An RSA key pair: OpenSSH public key and PEM (PKCS#8) private key. */
        static String[] generate(String comment) {
            try {
                java.security.KeyPairGenerator gen = java.security.KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                java.security.KeyPair kp = gen.generateKeyPair();
                java.security.interfaces.RSAPublicKey pub = (java.security.interfaces.RSAPublicKey) kp.getPublic();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                writeString(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
                writeString(out, pub.getPublicExponent().toByteArray());
                writeString(out, pub.getModulus().toByteArray());
                String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(out.toByteArray()) + " "
                        + comment.replace(' ', '-') + "@simulated";
                String privateKey = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(kp.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
                return new String[] {publicKey, privateKey};
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void writeString(java.io.ByteArrayOutputStream out, byte[] data) {
            int n = data.length;
            out.write((n >>> 24) & 0xff);
            out.write((n >>> 16) & 0xff);
            out.write((n >>> 8) & 0xff);
            out.write(n & 0xff);
            out.write(data, 0, n);
        }
    }
}
