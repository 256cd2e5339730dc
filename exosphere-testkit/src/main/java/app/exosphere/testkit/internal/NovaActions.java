package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;

/**
 * {@code POST /servers/{id}/action}: every action of Exosphere's {@code OpenStack.ServerActions} with Nova's own state
 * checks (409 {@code conflictingRequest} when the vm_state does not allow it, or when locked), plus
 * console output, legacy VNC console and security-group add/remove.
 */
final class NovaActions {
    private final World w;
    private final World.RegionState rs;
    private final Nova nova;

    NovaActions(World w, World.RegionState rs, Nova nova) {
        this.w = w;
        this.rs = rs;
        this.nova = nova;
    }

    Reply action(Exchange ex, SimServer s, int mv) {
        JsonNode body = ex.json();
        if (body == null || !body.isObject() || body.size() != 1) {
            throw new ApiException(400, "Malformed request body");
        }
        Iterator<String> names = body.fieldNames();
        String action = names.next();
        JsonNode arg = body.get(action);
        Instant now = w.now();
        switch (action) {
            case "os-getConsoleOutput" -> {
                return consoleOutput(s, arg);
            }
            case "os-getVNCConsole" -> {
                return Reply.ok(Json.object(
                        "console",
                        nova.consoleBody(s, "vnc", Json.text(arg, "type") == null ? "novnc" : Json.text(arg, "type"))));
            }
            case "addSecurityGroup", "removeSecurityGroup" -> {
                return securityGroup(s, action, arg);
            }
            case "lock" -> {
                s.locked = true;
                s.lockedReason = mv >= 73 && arg != null ? Json.text(arg, "locked_reason") : null;
                s.addAction("lock", "req-" + w.ids.uuid(), now);
                return Reply.empty(202);
            }
            case "unlock" -> {
                s.locked = false;
                s.lockedReason = null;
                s.addAction("unlock", "req-" + w.ids.uuid(), now);
                return Reply.empty(202);
            }
            case "createImage" -> {
                return createImage(s, arg, mv, now);
            }
            default -> {
                // every other action requires an unlocked server (Exosphere's `OpenStack.ServerActions`)
            }
        }
        if (s.locked) {
            throw new ApiException(409, "Instance " + s.id + " is locked");
        }
        if (s.taskState != null) {
            throw new ApiException(
                    409, "Cannot '" + action + "' instance " + s.id + " while it is in task_state " + s.taskState);
        }
        switch (action) {
            case "os-start" ->
                transition(s, action, "start", Set.of("SHUTOFF"), "powering-on", 15, () -> boot(s, "ACTIVE", "active"));
            case "os-stop" ->
                transition(
                        s,
                        action,
                        "stop",
                        Set.of("ACTIVE", "ERROR", "RESCUE"),
                        "powering-off",
                        10,
                        () -> s.setState("SHUTOFF", "stopped", 4, w.now()));
            case "pause" ->
                transition(
                        s,
                        action,
                        "pause",
                        Set.of("ACTIVE", "RESCUE"),
                        "pausing",
                        3,
                        () -> s.setState("PAUSED", "paused", 3, w.now()));
            case "unpause" ->
                transition(
                        s,
                        action,
                        "unpause",
                        Set.of("PAUSED"),
                        "unpausing",
                        3,
                        () -> s.setState("ACTIVE", "active", 1, w.now()));
            case "suspend" ->
                transition(
                        s,
                        action,
                        "suspend",
                        Set.of("ACTIVE"),
                        "suspending",
                        10,
                        () -> s.setState("SUSPENDED", "suspended", 4, w.now()));
            case "resume" ->
                transition(
                        s,
                        action,
                        "resume",
                        Set.of("SUSPENDED"),
                        "resuming",
                        10,
                        () -> s.setState("ACTIVE", "active", 1, w.now()));
            case "shelve" ->
                transition(
                        s, action, "shelve", Set.of("ACTIVE", "PAUSED", "SHUTOFF", "SUSPENDED"), "shelving", 30, () -> {
                            s.setState("SHELVED_OFFLOADED", "shelved_offloaded", 0, w.now());
                        });
            case "shelveOffload" ->
                transition(
                        s,
                        action,
                        "shelveOffload",
                        Set.of("SHELVED"),
                        "shelving_offloading",
                        10,
                        () -> s.setState("SHELVED_OFFLOADED", "shelved_offloaded", 0, w.now()));
            case "unshelve" -> {
                if (s.status.equals("SHELVED_OFFLOADED")) {
                    var f = w.flavor(s.flavorId);
                    nova.requireComputeQuota(
                            1, f.get("vcpus").asInt(), f.get("ram").asInt());
                }
                transition(
                        s,
                        action,
                        "unshelve",
                        Set.of("SHELVED", "SHELVED_OFFLOADED"),
                        "spawning",
                        60,
                        () -> boot(s, "ACTIVE", "active"));
            }
            case "reboot" -> {
                String type = arg == null ? null : Json.text(arg, "type");
                if (!"SOFT".equals(type) && !"HARD".equals(type)) {
                    throw new ApiException(
                            400,
                            "Invalid input for field/attribute type. Value: " + type
                                    + ". 'type' must be one of 'SOFT', 'HARD'");
                }
                Set<String> allowed = type.equals("SOFT")
                        ? Set.of("ACTIVE")
                        : Set.of("ACTIVE", "SHUTOFF", "PAUSED", "SUSPENDED", "ERROR");
                String before = s.status;
                transition(
                        s,
                        action,
                        "reboot",
                        allowed,
                        type.equals("SOFT") ? "rebooting" : "rebooting_hard",
                        20,
                        () -> boot(s, "ACTIVE", "active"));
                s.status = type.equals("SOFT") ? "REBOOT" : "HARD_REBOOT";
                if (!before.equals("ACTIVE")) {
                    s.powerState = 0;
                }
            }
            case "resize" -> {
                String flavorRef = arg == null ? null : Json.text(arg, "flavorRef");
                ObjectNode target = flavorRef == null ? null : w.flavor(flavorRef);
                if (target == null) {
                    throw new ApiException(400, "Invalid flavorRef provided.");
                }
                if (flavorRef.equals(s.flavorId)) {
                    throw new ApiException(400, "When resizing, instances must change flavor!");
                }
                ObjectNode current = w.flavor(s.flavorId);
                nova.requireComputeQuota(
                        0,
                        Math.max(
                                0,
                                target.get("vcpus").asInt()
                                        - current.get("vcpus").asInt()),
                        Math.max(
                                0,
                                target.get("ram").asInt() - current.get("ram").asInt()));
                String statusBefore = s.status;
                transition(s, action, "resize", Set.of("ACTIVE", "SHUTOFF"), "resize_prep", 30, () -> {
                    s.previousFlavorId = s.flavorId;
                    s.flavorId = flavorRef;
                    s.setState("VERIFY_RESIZE", "resized", statusBefore.equals("ACTIVE") ? 1 : 4, w.now());
                });
                s.status = "RESIZE";
            }
            case "confirmResize" -> {
                transition(s, action, "confirmResize", Set.of("VERIFY_RESIZE"), null, 3, () -> {
                    s.previousFlavorId = null;
                    s.setState(
                            s.powerState == 1 ? "ACTIVE" : "SHUTOFF",
                            s.powerState == 1 ? "active" : "stopped",
                            s.powerState,
                            w.now());
                });
                // real Nova (Zed) answers confirmResize with 204, every other action with 202
                // (exosphere-contract-tests LaunchContract, found against osbox)
                return Reply.empty(204);
            }
            case "revertResize" -> {
                transition(s, action, "revertResize", Set.of("VERIFY_RESIZE"), "resize_reverting", 20, () -> {
                    s.flavorId = s.previousFlavorId;
                    s.previousFlavorId = null;
                    s.setState(
                            s.powerState == 1 ? "ACTIVE" : "SHUTOFF",
                            s.powerState == 1 ? "active" : "stopped",
                            s.powerState,
                            w.now());
                });
                s.status = "REVERT_RESIZE";
            }
            default -> throw new ApiException(400, "There is no such action: " + action);
        }
        return Reply.empty(202);
    }

    private void transition(
            SimServer s,
            String action,
            String recorded,
            Set<String> allowed,
            String taskState,
            long seconds,
            Runnable done) {
        if (!allowed.contains(s.status)) {
            throw new ApiException(
                    409, "Cannot '" + action + "' instance " + s.id + " while it is in vm_state " + s.vmState);
        }
        Instant now = w.now();
        s.addAction(recorded, "req-" + w.ids.uuid(), now);
        s.taskState = taskState;
        s.updated = now;
        w.schedule(now.plusSeconds(seconds), () -> {
            if (!s.deleted) {
                done.run();
            }
        });
    }

    /** The guest boots again: kernel lines, but cloud-init's per-instance parts do not repeat. */
    private void boot(SimServer s, String status, String vmState) {
        Instant now = w.now();
        s.scheduleBoot(now.minusSeconds(8), false, w.scenario.setupTime());
        s.setState(status, vmState, 1, now);
    }

    private Reply consoleOutput(SimServer s, JsonNode arg) {
        int length = -1;
        JsonNode l = arg == null ? null : arg.get("length");
        if (l != null && !l.isNull()) {
            try {
                length = l.isNumber() ? l.asInt() : Integer.parseInt(l.asText());
            } catch (NumberFormatException e) {
                throw new ApiException(
                        400,
                        "Invalid input for field/attribute length. Value: " + l.asText() + ". '" + l.asText()
                                + "' does not match '^-?[0-9]+$'");
            }
            if (length < -1) {
                throw new ApiException(
                        400,
                        "Invalid input for field/attribute length. Value: " + length + ". " + length
                                + " is less than the minimum of -1");
            }
        }
        if (s.status.equals("SHELVED_OFFLOADED") || (s.status.equals("BUILD") && s.console.isEmpty())) {
            throw new ApiException(409, "Instance " + s.id + " is not ready");
        }
        boolean gpu = w.flavor(s.flavorId).get("name").asText().startsWith("g");
        return Reply.ok(Json.object().put("output", s.consoleText(w.now(), length, gpu)));
    }

    private Reply securityGroup(SimServer s, String action, JsonNode arg) {
        String name = arg == null ? null : Json.text(arg, "name");
        ObjectNode group = Neutron.findGroup(rs, name);
        if (group == null) {
            throw new ApiException(404, "Security group " + name + " not found for project " + w.projectId + ".");
        }
        String canonical = group.get("name").asText();
        if (action.equals("addSecurityGroup")) {
            if (s.securityGroups.contains(canonical)) {
                throw new ApiException(
                        400, "Security group " + canonical + " is already associated with the instance " + s.id);
            }
            s.securityGroups.add(canonical);
        } else if (!s.securityGroups.remove(canonical)) {
            throw new ApiException(400, "Security group " + canonical + " not associated with the instance " + s.id);
        }
        for (String portId : s.portIds) {
            ObjectNode port = rs.ports.get(portId);
            if (port != null) {
                var ids = Json.array();
                s.securityGroups.forEach(g -> {
                    ObjectNode found = Neutron.findGroup(rs, g);
                    if (found != null) {
                        ids.add(found.get("id").asText());
                    }
                });
                port.set("security_groups", ids);
            }
        }
        return Reply.empty(202);
    }

    private Reply createImage(SimServer s, JsonNode arg, int mv, Instant now) {
        if (!Set.of("ACTIVE", "PAUSED", "SHUTOFF", "SUSPENDED", "SHELVED", "SHELVED_OFFLOADED")
                .contains(s.status)) {
            throw new ApiException(
                    409, "Cannot 'createImage' instance " + s.id + " while it is in vm_state " + s.vmState);
        }
        String name = arg == null ? null : Json.text(arg, "name");
        if (name == null || name.isBlank()) {
            throw new ApiException(400, "Invalid input for field/attribute name.");
        }
        ObjectNode image = Glance.image(w, rs, name, "private", w.projectId, now, null, null);
        image.put("status", "queued");
        image.put("image_type", "snapshot");
        image.put("instance_uuid", s.id);
        image.put("base_image_ref", s.imageId == null ? "" : s.imageId);
        image.put("owner_user_name", w.scenario.username());
        image.put("user_id", w.userId);
        JsonNode md = arg.get("metadata");
        if (md != null && md.isObject()) {
            md.fields().forEachRemaining(e -> image.put(e.getKey(), e.getValue().asText()));
        }
        s.addAction("createImage", "req-" + w.ids.uuid(), now);
        s.taskState = "image_snapshot";
        w.schedule(now.plusSeconds(5), () -> {
            if (!s.deleted && "image_snapshot".equals(s.taskState)) {
                s.taskState = null;
            }
            image.put("status", "saving");
        });
        w.schedule(now.plusSeconds(30), () -> {
            image.put("status", "active");
            image.put("updated_at", Json.seconds(w.now()));
        });
        String imageId = image.get("id").asText();
        if (mv >= 45) {
            return Reply.json(202, Json.object().put("image_id", imageId));
        }
        return Reply.empty(202).header("Location", w.apiBase + "/" + rs.spec.id() + "/image/v2/images/" + imageId);
    }
}
