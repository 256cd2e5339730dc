package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Simulated Placement: {@code GET /usages?project_id=} (microversion 1.9 or later) summing the
 * project's servers in this region, and the root version document.
 */
public final class Placement {
    public static final int MAX_MINOR = 39;
    private final World w;
    private final World.RegionState rs;
    private final Keystone keystone;

    public Placement(World w, World.RegionState rs, Keystone keystone) {
        this.w = w;
        this.rs = rs;
        this.keystone = keystone;
    }

    public Reply handle(Exchange ex) {
        if (ex.size() == 0 && ex.method().equals("GET")) {
            ObjectNode v = Json.object();
            v.put("id", "v1.0");
            v.put("max_version", "1." + MAX_MINOR);
            v.put("min_version", "1.0");
            v.put("status", "CURRENT");
            v.set("links", Json.array().add(Json.object().put("href", "").put("rel", "self")));
            return Reply.ok(Json.object("versions", Json.array().add(v)));
        }
        keystone.requireToken(ex);
        int minor = microversion(ex);
        if (ex.is("GET", "usages")) {
            if (minor < 9) {
                throw new ApiException(404, "The resource could not be found.");
            }
            String project = ex.query("project_id");
            if (project == null) {
                throw new ApiException(400, "Invalid query string parameters: 'project_id' is a required property");
            }
            int vcpu = 0;
            int ram = 0;
            int disk = 0;
            if (project.equals(w.projectId)) {
                for (SimServer s : rs.liveServers()) {
                    if (s.status.equals("SHELVED_OFFLOADED")) {
                        continue;
                    }
                    ObjectNode f = w.flavor(s.flavorId);
                    vcpu += f.get("vcpus").asInt();
                    ram += f.get("ram").asInt();
                    disk += s.imageId == null ? 0 : f.get("disk").asInt();
                }
            }
            ObjectNode usages = Json.object();
            if (vcpu > 0) {
                usages.put("DISK_GB", disk);
                usages.put("MEMORY_MB", ram);
                usages.put("VCPU", vcpu);
            }
            return Reply.ok(Json.object("usages", usages)).header("OpenStack-API-Version", "placement 1." + minor);
        }
        throw new ApiException(404, "The resource could not be found.");
    }

    private static int microversion(Exchange ex) {
        String h = ex.header("OpenStack-API-Version");
        if (h == null) {
            return 0;
        }
        String v = h.strip();
        if (!v.toLowerCase().startsWith("placement ")) {
            return 0;
        }
        v = v.substring(10).strip();
        if (v.equals("latest")) {
            return MAX_MINOR;
        }
        if (!v.matches("1\\.\\d+")) {
            throw new ApiException(400, "invalid version string: " + v);
        }
        int minor = Integer.parseInt(v.substring(2));
        if (minor > MAX_MINOR) {
            throw new ApiException(406, "Unacceptable version header: " + v);
        }
        return minor;
    }
}
