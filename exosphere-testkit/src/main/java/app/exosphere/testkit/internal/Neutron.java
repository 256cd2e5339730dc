package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Simulated Neutron v2.0 (paths after {@code /network}). Callers hold the {@link World} lock. */
public final class Neutron {
    private static final Set<String> NON_FILTERS =
            Set.of("limit", "marker", "page_reverse", "fields", "sort_key", "sort_dir");

    private final World w;
    private final World.RegionState rs;
    private final Keystone keystone;

    public Neutron(World w, World.RegionState rs, Keystone keystone) {
        this.w = w;
        this.rs = rs;
        this.keystone = keystone;
    }

    public Reply handle(Exchange ex) {
        keystone.requireToken(ex);
        if (ex.size() == 1 && ex.method().equals("GET")) {
            return Reply.ok(Json.object("resources", Json.array()));
        }
        String collection = strip(ex.seg(1));
        if (collection == null) {
            throw notFound();
        }
        String id = ex.size() > 2 ? strip(ex.seg(2)) : null;
        if (collection.equals("security-groups") && id != null && ex.size() > 3 && "tags".equals(ex.seg(3))) {
            return tags(ex, rs.securityGroups, id, "SecurityGroupNotFound", "Security group");
        }
        return switch (collection) {
            case "networks" ->
                crud(
                        ex,
                        "network",
                        rs.networks,
                        id,
                        this::createNetwork,
                        this::updateNetwork,
                        this::deleteNetwork,
                        "NetworkNotFound",
                        "Network");
            case "subnets" ->
                crud(
                        ex,
                        "subnet",
                        rs.subnets,
                        id,
                        this::createSubnet,
                        null,
                        this::deleteSubnet,
                        "SubnetNotFound",
                        "Subnet");
            case "routers" ->
                crud(ex, "router", rs.routers, id, null, null, this::deleteRouter, "RouterNotFound", "Router");
            case "ports" ->
                crud(ex, "port", rs.ports, id, this::createPort, null, this::deletePort, "PortNotFound", "Port");
            case "floatingips" ->
                crud(
                        ex,
                        "floatingip",
                        rs.floatingIps,
                        id,
                        this::createFloatingIp,
                        this::updateFloatingIp,
                        this::deleteFloatingIp,
                        "FloatingIPNotFound",
                        "Floating IP");
            case "security-groups" -> {
                // a group's rules are whatever rules point at it now, as Neutron answers them
                rs.securityGroups.values().forEach(this::withRules);
                yield crud(
                        ex,
                        "security_group",
                        rs.securityGroups,
                        id,
                        this::createGroup,
                        this::updateGroup,
                        this::deleteGroup,
                        "SecurityGroupNotFound",
                        "Security group");
            }
            case "security-group-rules" ->
                crud(
                        ex,
                        "security_group_rule",
                        rs.securityGroupRules,
                        id,
                        this::createRule,
                        null,
                        r -> rs.securityGroupRules.remove(r.get("id").asText()),
                        "SecurityGroupRuleNotFound",
                        "Security group rule");
            case "auto-allocated-topology" -> autoTopology(ex, id);
            case "quotas" -> quotas(ex);
            case "extensions" -> extensions();
            case "availability_zones" -> availabilityZones();
            default -> throw notFound();
        };
    }

    private static String strip(String seg) {
        return seg != null && seg.endsWith(".json") ? seg.substring(0, seg.length() - 5) : seg;
    }

    private static ApiException notFound() {
        return new ApiException(404, "The resource could not be found.", "HTTPNotFound");
    }

    private interface Create {
        ObjectNode create(ObjectNode req);
    }

    private interface Update {
        void update(ObjectNode existing, ObjectNode req);
    }

    private interface Delete {
        void delete(ObjectNode existing);
    }

    private Reply crud(
            Exchange ex,
            String single,
            Map<String, ObjectNode> store,
            String id,
            Create create,
            Update update,
            Delete delete,
            String notFoundType,
            String noun) {
        String plural = single.equals("security_group")
                ? "security_groups"
                : single.equals("security_group_rule") ? "security_group_rules" : single + "s";
        if (id == null) {
            if (ex.method().equals("GET")) {
                return list(ex, plural, visible(store));
            }
            if (ex.method().equals("POST") && create != null) {
                ObjectNode req = requireBody(ex, single);
                return Reply.json(201, Json.object(single, fields(ex, create.create(req))));
            }
            throw new ApiException(405, "The method is not allowed for the requested URL.", "HTTPMethodNotAllowed");
        }
        ObjectNode existing = store.get(id);
        if (existing == null || !isVisible(existing)) {
            throw new ApiException(404, noun + " " + id + " could not be found.", notFoundType);
        }
        switch (ex.method()) {
            case "GET" -> {
                return Reply.ok(Json.object(single, fields(ex, existing)));
            }
            case "PUT" -> {
                if (update == null) {
                    throw new ApiException(
                            405, "The method is not allowed for the requested URL.", "HTTPMethodNotAllowed");
                }
                update.update(existing, requireBody(ex, single));
                touch(existing);
                return Reply.ok(Json.object(single, existing));
            }
            case "DELETE" -> {
                if (delete == null) {
                    throw new ApiException(
                            405, "The method is not allowed for the requested URL.", "HTTPMethodNotAllowed");
                }
                delete.delete(existing);
                return Reply.empty(204);
            }
            default ->
                throw new ApiException(405, "The method is not allowed for the requested URL.", "HTTPMethodNotAllowed");
        }
    }

    /**
     * Neutron's standard-attribute tags of one resource: {@code GET …/tags}, {@code PUT …/tags/{tag}} (add
     * one), {@code POST …/tags} with {@code {"tags":[…]}} (add several, newer Neutron, Exosphere's request),
     * {@code PUT …/tags} (replace all), {@code DELETE …/tags/{tag}} (remove one, 404 when absent) and
     * {@code DELETE …/tags} (remove all).
     */
    private Reply tags(Exchange ex, Map<String, ObjectNode> store, String id, String notFoundType, String noun) {
        ObjectNode existing = store.get(id);
        if (existing == null || !isVisible(existing)) {
            throw new ApiException(404, noun + " " + id + " could not be found.", notFoundType);
        }
        java.util.LinkedHashSet<String> tags = new java.util.LinkedHashSet<>();
        existing.path("tags").forEach(t -> tags.add(t.asText()));
        String tag = ex.size() > 4 ? ex.seg(4) : null;
        String method = ex.method();
        if (method.equals("GET") && tag == null) {
            return Reply.ok(Json.object("tags", toArray(tags)));
        }
        if (method.equals("GET")) {
            if (!tags.contains(tag)) {
                throw new ApiException(404, "Tag " + tag + " could not be found.", "TagNotFound");
            }
            return Reply.empty(204);
        }
        if ((method.equals("POST") || method.equals("PUT")) && tag == null) {
            JsonNode body = ex.json();
            if (body == null || !body.path("tags").isArray()) {
                throw new ApiException(400, "Invalid input for tags.", "HTTPBadRequest");
            }
            if (method.equals("PUT")) {
                tags.clear();
            }
            body.path("tags").forEach(t -> tags.add(t.asText()));
        } else if (method.equals("PUT")) {
            tags.add(tag);
        } else if (method.equals("DELETE") && tag == null) {
            tags.clear();
        } else if (method.equals("DELETE")) {
            if (!tags.remove(tag)) {
                throw new ApiException(404, "Tag " + tag + " could not be found.", "TagNotFound");
            }
        } else {
            throw new ApiException(405, "The method is not allowed for the requested URL.", "HTTPMethodNotAllowed");
        }
        existing.set("tags", toArray(tags));
        touch(existing);
        if (method.equals("DELETE")) {
            return Reply.empty(204);
        }
        return tag == null ? Reply.ok(Json.object("tags", toArray(tags))) : Reply.empty(201);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode toArray(java.util.Collection<String> values) {
        com.fasterxml.jackson.databind.node.ArrayNode a = Json.array();
        values.forEach(a::add);
        return a;
    }

    private static ObjectNode requireBody(Exchange ex, String single) {
        JsonNode root = ex.json();
        if (root == null || !root.isObject() || !root.path(single).isObject()) {
            throw new ApiException(400, "Resource body required", "BadRequest");
        }
        return (ObjectNode) root.get(single);
    }

    private boolean isVisible(ObjectNode n) {
        return w.projectId.equals(n.path("project_id").asText())
                || n.path("shared").asBoolean(false)
                || n.path("router:external").asBoolean(false);
    }

    private List<ObjectNode> visible(Map<String, ObjectNode> store) {
        return store.values().stream().filter(this::isVisible).toList();
    }

    private Reply list(Exchange ex, String plural, List<ObjectNode> all) {
        List<ObjectNode> filtered = new ArrayList<>();
        for (ObjectNode n : all) {
            if (matchesFilters(ex, n)) {
                filtered.add(n);
            }
        }
        Integer limit = Paging.limit(ex);
        String marker = ex.query("marker");
        ObjectNode body = Json.object();
        if (limit == null || limit == 0) {
            ArrayNode arr = Json.array();
            filtered.forEach(n -> arr.add(fields(ex, n)));
            body.set(plural, arr);
            return Reply.ok(body);
        }
        Paging.Page<ObjectNode> page = Paging.page(
                filtered,
                n -> n.get("id").asText(),
                limit,
                marker,
                Integer.MAX_VALUE,
                "Marker " + marker + " could not be found.");
        ArrayNode arr = Json.array();
        page.items().forEach(n -> arr.add(fields(ex, n)));
        body.set(plural, arr);
        ArrayNode links = Json.array();
        if (page.more()) {
            links.add(
                    link(ex, page.items().get(page.items().size() - 1).get("id").asText(), false));
        }
        if (marker != null && !page.items().isEmpty()) {
            links.add(link(ex, page.items().get(0).get("id").asText(), true));
        }
        if (!links.isEmpty()) {
            body.set(plural + "_links", links);
        }
        return Reply.ok(body);
    }

    private static ObjectNode link(Exchange ex, String marker, boolean previous) {
        okhttp3.HttpUrl.Builder b = ex.url()
                .newBuilder()
                .removeAllQueryParameters("marker")
                .removeAllQueryParameters("page_reverse")
                .addQueryParameter("marker", marker);
        if (previous) {
            b.addQueryParameter("page_reverse", "True");
        }
        ObjectNode link = Json.object();
        link.put("href", b.build().toString());
        link.put("rel", previous ? "previous" : "next");
        return link;
    }

    private static boolean matchesFilters(Exchange ex, ObjectNode n) {
        for (String name : ex.url().queryParameterNames()) {
            if (NON_FILTERS.contains(name)) {
                continue;
            }
            JsonNode value = n.get(name);
            List<String> wanted = ex.queryAll(name);
            if (value == null) {
                return false;
            }
            String actual = value.isNull() ? "" : value.asText();
            boolean any = false;
            for (String want : wanted) {
                if (actual.equalsIgnoreCase(want == null ? "" : want)) {
                    any = true;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode fields(Exchange ex, ObjectNode n) {
        List<String> fields = ex.queryAll("fields");
        if (fields.isEmpty()) {
            return n;
        }
        ObjectNode out = Json.object();
        for (String f : fields) {
            if (n.has(f)) {
                out.set(f, n.get(f));
            }
        }
        return out;
    }

    private void touch(ObjectNode n) {
        n.put("updated_at", Json.seconds(w.now()));
        n.put("revision_number", n.path("revision_number").asInt() + 1);
    }

    private static ObjectNode base(World w, String name, String projectId) {
        ObjectNode n = Json.object();
        n.put("id", w.ids.uuid());
        n.put("name", name);
        n.put("description", "");
        n.put("project_id", projectId);
        n.put("tenant_id", projectId);
        n.put("created_at", Json.seconds(w.now()));
        n.put("updated_at", Json.seconds(w.now()));
        n.put("revision_number", 1);
        n.set("tags", Json.array());
        return n;
    }

    // ------------------------------------------------------------------ networks, subnets, routers

    static ObjectNode network(
            World w, World.RegionState rs, String name, boolean external, boolean shared, String owner) {
        ObjectNode n = base(w, name, owner.equals("admin") ? "admin-project" : w.projectId);
        n.put("admin_state_up", true);
        n.put("availability_zone_hints", (String) null);
        n.set("availability_zone_hints", Json.array());
        n.set("availability_zones", Json.array().add("nova"));
        n.put("ipv4_address_scope", (String) null);
        n.put("ipv6_address_scope", (String) null);
        n.put("mtu", external ? 1500 : 1442);
        n.put("port_security_enabled", true);
        n.put("router:external", external);
        n.put("shared", shared);
        n.put("status", "ACTIVE");
        n.set("subnets", Json.array());
        n.put("is_default", external);
        n.put("l2_adjacency", true);
        n.putNull("qos_policy_id");
        rs.networks.put(n.get("id").asText(), n);
        return n;
    }

    static ObjectNode subnet(
            World w, World.RegionState rs, ObjectNode network, String name, String cidr, String owner) {
        ObjectNode s = base(w, name, owner.equals("admin") ? "admin-project" : w.projectId);
        String prefix = cidr.substring(0, cidr.lastIndexOf('.'));
        s.put("network_id", network.get("id").asText());
        s.put("ip_version", 4);
        s.put("cidr", cidr);
        s.put("gateway_ip", prefix + ".1");
        s.set(
                "allocation_pools",
                Json.array().add(Json.object().put("start", prefix + ".2").put("end", prefix + ".254")));
        s.set("dns_nameservers", Json.array().add("8.8.8.8"));
        s.put("enable_dhcp", true);
        s.set("host_routes", Json.array());
        s.putNull("ipv6_address_mode");
        s.putNull("ipv6_ra_mode");
        s.putNull("subnetpool_id");
        s.set("service_types", Json.array());
        s.put("_next", 10);
        rs.subnets.put(s.get("id").asText(), s);
        ((ArrayNode) network.get("subnets")).add(s.get("id").asText());
        return s;
    }

    static ObjectNode router(World w, World.RegionState rs, String name, String subnetId) {
        ObjectNode r = base(w, name, w.projectId);
        r.put("admin_state_up", true);
        r.put("status", "ACTIVE");
        ObjectNode gw = Json.object();
        gw.put("network_id", rs.externalNetworkId);
        gw.put("enable_snat", true);
        gw.set(
                "external_fixed_ips",
                Json.array()
                        .add(Json.object()
                                .put(
                                        "subnet_id",
                                        rs.subnets.values().stream()
                                                .filter(s -> s.get("network_id")
                                                        .asText()
                                                        .equals(rs.externalNetworkId))
                                                .findFirst()
                                                .map(s -> s.get("id").asText())
                                                .orElse(""))
                                .put("ip_address", rs.spec.floatingIpPrefix() + "." + w.nextFloatingHost(rs))));
        r.set("external_gateway_info", gw);
        r.put("distributed", false);
        r.put("ha", false);
        r.set("routes", Json.array());
        r.set("availability_zone_hints", Json.array());
        r.set("availability_zones", Json.array().add("nova"));
        r.put("flavor_id", (String) null);
        r.put("_subnet", subnetId);
        rs.routers.put(r.get("id").asText(), r);
        return r;
    }

    static String createTopology(
            World w, World.RegionState rs, String netName, String subnetName, String routerName, String cidr) {
        ObjectNode net = network(w, rs, netName, false, false, "project");
        ObjectNode sub = subnet(w, rs, net, subnetName, cidr, "project");
        router(w, rs, routerName, sub.get("id").asText());
        return net.get("id").asText();
    }

    /** Neutron creates the auto-allocated network, subnet and router on first use (Exosphere's {@code Rest.Neutron.requestAutoAllocatedNetwork}). */
    static String autoAllocate(World w, World.RegionState rs) {
        if (rs.autoTopologyNetworkId == null) {
            rs.autoTopologyNetworkId = createTopology(
                    w,
                    rs,
                    "auto_allocated_network",
                    "auto_allocated_subnet_v4",
                    "auto_allocated_router",
                    "10.0.43.0/24");
        }
        return rs.autoTopologyNetworkId;
    }

    private Reply autoTopology(Exchange ex, String projectId) {
        if (projectId == null || !projectId.equals(w.projectId)) {
            throw new ApiException(403, "Not authorized.", "NotAuthorized");
        }
        if (!rs.spec.autoAllocation()) {
            throw new ApiException(
                    409, "Deployment error: No default router:external network.", "AutoAllocationFailure");
        }
        switch (ex.method()) {
            case "GET" -> {
                if (ex.queryAll("fields").contains("dry-run")) {
                    return Reply.ok(
                            Json.object("auto_allocated_topology", Json.object().put("dry-run", "pass")));
                }
                String id = autoAllocate(w, rs);
                ObjectNode t = Json.object();
                t.put("id", id);
                t.put("project_id", w.projectId);
                t.put("tenant_id", w.projectId);
                return Reply.ok(Json.object("auto_allocated_topology", t));
            }
            case "DELETE" -> {
                if (rs.autoTopologyNetworkId != null) {
                    String net = rs.autoTopologyNetworkId;
                    if (rs.ports.values().stream()
                            .anyMatch(p -> net.equals(p.path("network_id").asText()))) {
                        throw new ApiException(
                                409,
                                "Unable to complete operation on network " + net
                                        + ". There are one or more ports still in use on the network.",
                                "NetworkInUse");
                    }
                    rs.subnets
                            .values()
                            .removeIf(s -> net.equals(s.path("network_id").asText()));
                    rs.routers.values().removeIf(r -> r.path("name").asText().equals("auto_allocated_router"));
                    rs.networks.remove(net);
                    rs.autoTopologyNetworkId = null;
                }
                return Reply.empty(204);
            }
            default ->
                throw new ApiException(405, "The method is not allowed for the requested URL.", "HTTPMethodNotAllowed");
        }
    }

    private ObjectNode createNetwork(ObjectNode req) {
        ObjectNode n = network(w, rs, req.path("name").asText(""), false, false, "project");
        if (req.has("description")) {
            n.put("description", req.get("description").asText());
        }
        return n;
    }

    private void updateNetwork(ObjectNode n, ObjectNode req) {
        if (req.has("name")) {
            n.put("name", req.get("name").asText());
        }
        if (req.has("description")) {
            n.put("description", req.get("description").asText());
        }
    }

    private void deleteNetwork(ObjectNode n) {
        String id = n.get("id").asText();
        if (rs.ports.values().stream()
                .anyMatch(p -> id.equals(p.path("network_id").asText())
                        && p.path("device_owner").asText().startsWith("compute:"))) {
            throw new ApiException(
                    409,
                    "Unable to complete operation on network " + id
                            + ". There are one or more ports still in use on the network.",
                    "NetworkInUse");
        }
        rs.subnets.values().removeIf(s -> id.equals(s.path("network_id").asText()));
        rs.networks.remove(id);
    }

    private ObjectNode createSubnet(ObjectNode req) {
        ObjectNode net = rs.networks.get(req.path("network_id").asText());
        if (net == null) {
            throw new ApiException(
                    404, "Network " + req.path("network_id").asText() + " could not be found.", "NetworkNotFound");
        }
        String cidr = req.path("cidr").asText("");
        if (!cidr.matches("\\d+\\.\\d+\\.\\d+\\.0/24")) {
            throw new ApiException(
                    400, "Invalid input for cidr. Reason: '" + cidr + "' is not a valid IP subnet.", "InvalidInput");
        }
        return subnet(w, rs, net, req.path("name").asText(""), cidr, "project");
    }

    private void deleteSubnet(ObjectNode s) {
        ObjectNode net = rs.networks.get(s.get("network_id").asText());
        if (net != null) {
            ArrayNode ids = (ArrayNode) net.get("subnets");
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i).asText().equals(s.get("id").asText())) {
                    ids.remove(i);
                    break;
                }
            }
        }
        rs.subnets.remove(s.get("id").asText());
    }

    private void deleteRouter(ObjectNode r) {
        rs.routers.remove(r.get("id").asText());
    }

    // ------------------------------------------------------------------ ports

    static ObjectNode port(World w, World.RegionState rs, String networkId, String deviceId, String deviceOwner) {
        ObjectNode net = rs.networks.get(networkId);
        ObjectNode p = base(w, "", w.projectId);
        p.put("admin_state_up", true);
        p.put("network_id", networkId);
        p.put("mac_address", w.ids.mac());
        p.put("device_id", deviceId);
        p.put("device_owner", deviceOwner);
        p.put("status", "ACTIVE");
        p.put("binding:vnic_type", "normal");
        p.put("port_security_enabled", true);
        p.set("allowed_address_pairs", Json.array());
        p.set("extra_dhcp_opts", Json.array());
        p.putNull("dns_name");
        ArrayNode fixed = Json.array();
        if (net != null && !net.get("subnets").isEmpty()) {
            ObjectNode sub = rs.subnets.get(net.get("subnets").get(0).asText());
            String prefix = sub.get("cidr")
                    .asText()
                    .substring(0, sub.get("cidr").asText().lastIndexOf('.'));
            int next = sub.get("_next").asInt();
            sub.put("_next", next + 1);
            fixed.add(Json.object().put("subnet_id", sub.get("id").asText()).put("ip_address", prefix + "." + next));
        }
        p.set("fixed_ips", fixed);
        p.set("security_groups", Json.array());
        rs.ports.put(p.get("id").asText(), p);
        return p;
    }

    static ObjectNode serverPort(World w, World.RegionState rs, String networkId, SimServer s) {
        ObjectNode p = port(w, rs, networkId, s.id, "compute:nova");
        ArrayNode groups = Json.array();
        for (String g : s.securityGroups) {
            ObjectNode found = findGroup(rs, g);
            if (found != null) {
                groups.add(found.get("id").asText());
            }
        }
        p.set("security_groups", groups);
        return p;
    }

    static void releasePort(World.RegionState rs, String portId) {
        rs.ports.remove(portId);
        for (ObjectNode fip : rs.floatingIps.values()) {
            if (portId.equals(Json.text(fip, "port_id"))) {
                fip.putNull("port_id");
                fip.putNull("fixed_ip_address");
                fip.putNull("router_id");
                fip.put("status", "DOWN");
            }
        }
    }

    private ObjectNode createPort(ObjectNode req) {
        String net = req.path("network_id").asText();
        if (!rs.networks.containsKey(net)) {
            throw new ApiException(404, "Network " + net + " could not be found.", "NetworkNotFound");
        }
        ObjectNode p = port(
                w,
                rs,
                net,
                req.path("device_id").asText(""),
                req.path("device_owner").asText(""));
        p.put("name", req.path("name").asText(""));
        return p;
    }

    private void deletePort(ObjectNode p) {
        if (p.path("device_owner").asText().startsWith("compute:")) {
            SimServer s = rs.servers.get(p.path("device_id").asText());
            if (s != null) {
                s.portIds.remove(p.get("id").asText());
            }
        }
        releasePort(rs, p.get("id").asText());
    }

    // ------------------------------------------------------------------ floating IPs

    static ObjectNode floatingIp(World w, World.RegionState rs, String portId, String address) {
        ObjectNode f = base(w, "", w.projectId);
        f.remove("name");
        String ip = address != null ? address : rs.spec.floatingIpPrefix() + "." + w.nextFloatingHost(rs);
        f.put("floating_ip_address", ip);
        f.put("floating_network_id", rs.externalNetworkId);
        f.putNull("router_id");
        f.putNull("port_id");
        f.putNull("fixed_ip_address");
        f.put("status", "DOWN");
        f.putNull("port_details");
        f.putNull("dns_domain");
        f.putNull("dns_name");
        f.putNull("qos_policy_id");
        f.set("port_forwardings", Json.array());
        rs.floatingIps.put(f.get("id").asText(), f);
        if (portId != null) {
            associate(rs, f, portId);
        }
        return f;
    }

    private static void associate(World.RegionState rs, ObjectNode fip, String portId) {
        ObjectNode port = rs.ports.get(portId);
        if (port == null) {
            throw new ApiException(404, "Port " + portId + " could not be found.", "PortNotFound");
        }
        for (ObjectNode other : rs.floatingIps.values()) {
            if (other != fip && portId.equals(Json.text(other, "port_id"))) {
                throw new ApiException(
                        409,
                        "Cannot associate floating IP "
                                + fip.get("floating_ip_address").asText()
                                + " (" + fip.get("id").asText() + ") with port " + portId + " using fixed IP "
                                + port.get("fixed_ips").get(0).get("ip_address").asText()
                                + ", as that fixed IP already has a floating IP on external network "
                                + other.get("floating_network_id").asText() + ".",
                        "FloatingIPPortAlreadyAssociated");
            }
        }
        String netId = port.get("network_id").asText();
        String router = rs.routers.values().stream()
                .filter(r -> {
                    ObjectNode sub = rs.subnets.get(r.path("_subnet").asText());
                    return sub != null && netId.equals(sub.path("network_id").asText());
                })
                .map(r -> r.get("id").asText())
                .findFirst()
                .orElseThrow(() -> new ApiException(
                        404,
                        "External network " + rs.externalNetworkId
                                + " is not reachable from subnet. Therefore, cannot associate Port " + portId
                                + " with a Floating IP.",
                        "ExternalGatewayForFloatingIPNotFound"));
        fip.put("port_id", portId);
        fip.put(
                "fixed_ip_address",
                port.get("fixed_ips").get(0).get("ip_address").asText());
        fip.put("router_id", router);
        fip.put("status", "ACTIVE");
    }

    private ObjectNode createFloatingIp(ObjectNode req) {
        String net = req.path("floating_network_id").asText();
        ObjectNode network = rs.networks.get(net);
        if (network == null) {
            throw new ApiException(404, "Network " + net + " could not be found.", "NetworkNotFound");
        }
        if (!network.path("router:external").asBoolean()) {
            throw new ApiException(
                    400, "Bad floatingip request: Network " + net + " is not a valid external network.", "BadRequest");
        }
        int limit = w.scenario.quotas().floatingIps();
        long used = rs.floatingIps.values().stream().filter(this::isVisible).count();
        if (limit >= 0 && used + 1 > limit) {
            throw new ApiException(409, "Quota exceeded for resources: ['floatingip'].", "OverQuota");
        }
        String address = Json.text(req, "floating_ip_address");
        if (address != null) {
            if (!address.startsWith(rs.spec.floatingIpPrefix() + ".")) {
                throw new ApiException(
                        400,
                        "Invalid input for operation: IP address " + address
                                + " is not a valid IP for the specified subnet.",
                        "InvalidInput");
            }
            // the external network is the cloud's: an address another project holds is in use too
            for (ObjectNode f : w.projects.stream()
                    .flatMap(p -> p.region(rs.spec.id()).floatingIps.values().stream())
                    .toList()) {
                if (address.equals(f.get("floating_ip_address").asText())) {
                    throw new ApiException(
                            409,
                            "Unable to complete operation for network " + net + ". The IP address " + address
                                    + " is in use.",
                            "IpAddressInUse");
                }
            }
        }
        ObjectNode f = floatingIp(w, rs, null, address);
        if (req.hasNonNull("port_id")) {
            try {
                associate(rs, f, req.get("port_id").asText());
            } catch (ApiException e) {
                rs.floatingIps.remove(f.get("id").asText());
                throw e;
            }
        }
        if (req.has("description")) {
            f.put("description", req.get("description").asText());
        }
        return f;
    }

    private void updateFloatingIp(ObjectNode f, ObjectNode req) {
        if (req.has("port_id")) {
            if (req.get("port_id").isNull()) {
                f.putNull("port_id");
                f.putNull("fixed_ip_address");
                f.putNull("router_id");
                f.put("status", "DOWN");
            } else {
                associate(rs, f, req.get("port_id").asText());
            }
        }
        if (req.has("description")) {
            f.put("description", req.get("description").asText());
        }
    }

    private void deleteFloatingIp(ObjectNode f) {
        rs.floatingIps.remove(f.get("id").asText());
    }

    /** The server's floating IP address, or {@code null}. */
    static String floatingAddressOf(World.RegionState rs, SimServer s) {
        for (ObjectNode f : rs.floatingIps.values()) {
            if (s.portIds.contains(Json.text(f, "port_id"))) {
                return f.get("floating_ip_address").asText();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ security groups

    static ObjectNode findGroup(World.RegionState rs, String nameOrId) {
        if (nameOrId == null) {
            return null;
        }
        ObjectNode byId = rs.securityGroups.get(nameOrId);
        if (byId != null) {
            return byId;
        }
        for (ObjectNode g : rs.securityGroups.values()) {
            if (g.get("name").asText().equals(nameOrId)) {
                return g;
            }
        }
        return null;
    }

    static void defaultSecurityGroup(World w, World.RegionState rs) {
        ObjectNode g = group(w, rs, "default", "Default security group");
        String id = g.get("id").asText();
        rule(w, rs, id, "ingress", "IPv4", null, null, null, null, id, "");
        rule(w, rs, id, "ingress", "IPv6", null, null, null, null, id, "");
    }

    private static ObjectNode group(World w, World.RegionState rs, String name, String description) {
        ObjectNode g = base(w, name, w.projectId);
        g.put("description", description);
        g.put("stateful", true);
        g.put("shared", false);
        g.set("security_group_rules", Json.array());
        rs.securityGroups.put(g.get("id").asText(), g);
        String id = g.get("id").asText();
        // Neutron adds egress rules to every new group
        rule(w, rs, id, "egress", "IPv4", null, null, null, null, null, null);
        rule(w, rs, id, "egress", "IPv6", null, null, null, null, null, null);
        return g;
    }

    private static ObjectNode rule(
            World w,
            World.RegionState rs,
            String groupId,
            String direction,
            String ethertype,
            String protocol,
            Integer min,
            Integer max,
            String prefix,
            String remoteGroup,
            String description) {
        ObjectNode r = Json.object();
        r.put("id", w.ids.uuid());
        r.put("security_group_id", groupId);
        r.put("direction", direction);
        r.put("ethertype", ethertype);
        r.put("protocol", protocol);
        r.put("port_range_min", min);
        r.put("port_range_max", max);
        r.put("remote_ip_prefix", prefix);
        r.put("remote_group_id", remoteGroup);
        r.putNull("remote_address_group_id");
        r.put("normalized_cidr", prefix);
        r.put("description", description == null ? "" : description);
        r.put("project_id", w.projectId);
        r.put("tenant_id", w.projectId);
        r.put("created_at", Json.seconds(w.now()));
        r.put("updated_at", Json.seconds(w.now()));
        r.put("revision_number", 0);
        r.set("tags", Json.array());
        r.put("belongs_to_default_sg", false);
        rs.securityGroupRules.put(r.get("id").asText(), r);
        return r;
    }

    private ObjectNode withRules(ObjectNode g) {
        ArrayNode rules = Json.array();
        for (ObjectNode r : rs.securityGroupRules.values()) {
            if (r.get("security_group_id").asText().equals(g.get("id").asText())) {
                rules.add(r);
            }
        }
        g.set("security_group_rules", rules);
        return g;
    }

    private ObjectNode createGroup(ObjectNode req) {
        String name = req.path("name").asText("");
        if (name.equals("default")) {
            throw new ApiException(409, "Default security group already exists.", "SecurityGroupConflict");
        }
        int limit = w.scenario.quotas().securityGroups();
        if (limit >= 0 && rs.securityGroups.size() + 1 > limit) {
            throw new ApiException(409, "Quota exceeded for resources: ['security_group'].", "OverQuota");
        }
        checkRuleQuota(2);
        return withRules(group(w, rs, name, req.path("description").asText("")));
    }

    private void updateGroup(ObjectNode g, ObjectNode req) {
        if (req.has("name")) {
            g.put("name", req.get("name").asText());
        }
        if (req.has("description")) {
            g.put("description", req.get("description").asText());
        }
    }

    private void deleteGroup(ObjectNode g) {
        if (g.get("name").asText().equals("default")) {
            throw new ApiException(
                    409,
                    "Insufficient rights for removing default security group.",
                    "SecurityGroupCannotRemoveDefault");
        }
        String name = g.get("name").asText();
        for (SimServer s : rs.liveServers()) {
            if (s.securityGroups.contains(name)) {
                throw new ApiException(
                        409, "Security Group " + g.get("id").asText() + " in use.", "SecurityGroupInUse");
            }
        }
        rs.securityGroupRules
                .values()
                .removeIf(r ->
                        r.get("security_group_id").asText().equals(g.get("id").asText()));
        rs.securityGroups.remove(g.get("id").asText());
    }

    private void checkRuleQuota(int more) {
        int limit = w.scenario.quotas().securityGroupRules();
        if (limit >= 0 && rs.securityGroupRules.size() + more > limit) {
            throw new ApiException(409, "Quota exceeded for resources: ['security_group_rule'].", "OverQuota");
        }
    }

    private ObjectNode createRule(ObjectNode req) {
        String groupId = req.path("security_group_id").asText();
        if (!rs.securityGroups.containsKey(groupId)) {
            throw new ApiException(404, "Security group " + groupId + " does not exist", "SecurityGroupNotFound");
        }
        String direction = req.path("direction").asText();
        if (!direction.equals("ingress") && !direction.equals("egress")) {
            throw new ApiException(
                    400,
                    "Invalid input for direction. Reason: '" + direction + "' is not in ['ingress', 'egress'].",
                    "InvalidInput");
        }
        String ethertype = req.path("ethertype").asText("IPv4");
        if (!ethertype.equals("IPv4") && !ethertype.equals("IPv6")) {
            throw new ApiException(
                    400,
                    "Invalid input for ethertype. Reason: '" + ethertype + "' is not in ['IPv4', 'IPv6'].",
                    "InvalidInput");
        }
        String protocol = Json.text(req, "protocol");
        if (protocol != null) {
            protocol = protocol.toLowerCase();
            if (!Set.of("tcp", "udp", "icmp", "icmpv6", "ipv6-icmp", "any").contains(protocol)
                    && !protocol.matches("\\d{1,3}")) {
                throw new ApiException(
                        400,
                        "Security group rule protocol " + protocol + " not supported.",
                        "SecurityGroupRuleInvalidProtocol");
            }
            if (protocol.equals("any")) {
                protocol = null;
            }
        }
        Integer min = portNumber(req.get("port_range_min"));
        Integer max = portNumber(req.get("port_range_max"));
        if (min != null && max != null && min > max) {
            throw new ApiException(
                    400,
                    "For TCP/UDP protocols, port_range_min must be <= port_range_max",
                    "SecurityGroupInvalidPortRange");
        }
        String prefix = Json.text(req, "remote_ip_prefix");
        String remoteGroup = Json.text(req, "remote_group_id");
        for (ObjectNode r : rs.securityGroupRules.values()) {
            if (r.get("security_group_id").asText().equals(groupId)
                    && r.get("direction").asText().equals(direction)
                    && r.get("ethertype").asText().equals(ethertype)
                    && java.util.Objects.equals(Json.text(r, "protocol"), protocol)
                    && java.util.Objects.equals(portNumber(r.get("port_range_min")), min)
                    && java.util.Objects.equals(portNumber(r.get("port_range_max")), max)
                    && java.util.Objects.equals(Json.text(r, "remote_ip_prefix"), prefix)
                    && java.util.Objects.equals(Json.text(r, "remote_group_id"), remoteGroup)) {
                throw new ApiException(
                        409,
                        "Security group rule already exists. Rule id is "
                                + r.get("id").asText() + ".",
                        "SecurityGroupRuleExists");
            }
        }
        checkRuleQuota(1);
        return rule(
                w,
                rs,
                groupId,
                direction,
                ethertype,
                protocol,
                min,
                max,
                prefix,
                remoteGroup,
                Json.text(req, "description"));
    }

    private static Integer portNumber(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            int v = n.isNumber() ? n.asInt() : Integer.parseInt(n.asText());
            if (v < 0 || v > 65535) {
                throw new ApiException(400, "Invalid value for port " + v + ".", "SecurityGroupInvalidPortValue");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "Invalid value for port " + n.asText() + ".", "SecurityGroupInvalidPortValue");
        }
    }

    // ------------------------------------------------------------------ quotas, extensions

    private Reply quotas(Exchange ex) {
        if (!ex.method().equals("GET") || ex.size() < 3) {
            throw new ApiException(405, "The method is not allowed for the requested URL.", "HTTPMethodNotAllowed");
        }
        var q = w.scenario.quotas();
        boolean details = ex.size() == 4 && strip(ex.seg(3)).equals("details");
        ObjectNode quota = Json.object();
        put(quota, "floatingip", q.floatingIps(), visible(rs.floatingIps).size(), details);
        put(quota, "network", 100, count(rs.networks), details);
        put(quota, "port", 500, count(rs.ports), details);
        put(quota, "rbac_policy", 10, 0, details);
        put(quota, "router", 10, count(rs.routers), details);
        put(quota, "security_group", q.securityGroups(), rs.securityGroups.size(), details);
        put(quota, "security_group_rule", q.securityGroupRules(), rs.securityGroupRules.size(), details);
        put(quota, "subnet", 100, count(rs.subnets), details);
        put(quota, "subnetpool", -1, 0, details);
        return Reply.ok(Json.object("quota", quota));
    }

    private int count(Map<String, ObjectNode> store) {
        return (int) store.values().stream()
                .filter(n -> w.projectId.equals(n.path("project_id").asText()))
                .count();
    }

    private static void put(ObjectNode quota, String key, int limit, int used, boolean details) {
        if (details) {
            quota.set(key, Json.object().put("used", used).put("limit", limit).put("reserved", 0));
        } else {
            quota.put(key, limit);
        }
    }

    /** {@code GET /v2.0/availability_zones}: one zone, {@code nova}, for networks and routers. */
    private Reply availabilityZones() {
        ArrayNode arr = Json.array();
        for (String resource : List.of("network", "router")) {
            ObjectNode z = Json.object();
            z.put("name", "nova");
            z.put("resource", resource);
            z.put("state", "available");
            arr.add(z);
        }
        return Reply.ok(Json.object("availability_zones", arr));
    }

    private Reply extensions() {
        ArrayNode arr = Json.array();
        List<String[]> exts = new ArrayList<>(List.of(
                new String[] {"external-net", "Neutron external network"},
                new String[] {"router", "Neutron L3 Router"},
                new String[] {"security-group", "security-group"},
                new String[] {"quota_details", "Quota details management support"},
                new String[] {"standard-attr-tag", "Tag support for resources with standard attribute"},
                new String[] {"availability_zone", "Availability Zone"}));
        if (rs.spec.autoAllocation()) {
            exts.add(new String[] {"auto-allocated-topology", "Auto Allocated Topology Services"});
        }
        for (String[] e : exts) {
            ObjectNode n = Json.object();
            n.put("alias", e[0]);
            n.put("name", e[1]);
            n.put("description", e[1] + ".");
            n.put("updated", "2016-01-01T10:00:00-00:00");
            n.set("links", Json.array());
            arr.add(n);
        }
        return Reply.ok(Json.object("extensions", arr));
    }

    /** {@code GET /network/}: the versions document. */
    public static ObjectNode versions(String base) {
        ObjectNode v = Json.object();
        v.put("id", "v2.0");
        v.put("status", "CURRENT");
        v.set(
                "links",
                Json.array().add(Json.object().put("href", base + "/v2.0/").put("rel", "self")));
        return Json.object("versions", Json.array().add(v));
    }
}
