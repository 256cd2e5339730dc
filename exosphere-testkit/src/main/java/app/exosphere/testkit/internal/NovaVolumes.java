package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** {@code /servers/{id}/os-volume_attachments}, with device tags from 2.49 on, as Exosphere's {@code ServerVolumes.requestAttachVolume} sends them. */
final class NovaVolumes {
    private final World w;
    private final World.RegionState rs;

    NovaVolumes(World w, World.RegionState rs) {
        this.w = w;
        this.rs = rs;
    }

    Reply handle(Exchange ex, SimServer s, int mv) {
        if (ex.size() == 3 && ex.method().equals("GET")) {
            ArrayNode arr = Json.array();
            s.attachments.forEach(a -> arr.add(view(s, a, mv)));
            return Reply.ok(Json.object("volumeAttachments", arr));
        }
        if (ex.size() == 3 && ex.method().equals("POST")) {
            return attach(ex, s, mv);
        }
        if (ex.size() == 4) {
            SimServer.Attachment a = s.attachments.stream()
                    .filter(x -> x.volumeId().equals(ex.seg(3)))
                    .findFirst()
                    .orElseThrow(() ->
                            new ApiException(404, "Volume " + ex.seg(3) + " is not attached to the instance " + s.id));
            switch (ex.method()) {
                case "GET" -> {
                    return Reply.ok(Json.object("volumeAttachment", view(s, a, mv)));
                }
                case "DELETE" -> {
                    if ("/dev/vda".equals(a.device())) {
                        throw new ApiException(400, "Cannot detach a root device volume");
                    }
                    ObjectNode vol = rs.volumes.get(a.volumeId());
                    if (vol != null) {
                        vol.put("status", "detaching");
                    }
                    s.attachments.remove(a);
                    w.schedule(w.now().plusSeconds(3), () -> {
                        if (vol != null) {
                            Cinder.detach(vol);
                        }
                    });
                    return Reply.empty(202);
                }
                default -> throw new ApiException(405, "The method is not allowed for the requested URL.");
            }
        }
        throw new ApiException(404, "The resource could not be found.");
    }

    private Reply attach(Exchange ex, SimServer s, int mv) {
        ObjectNode req = ex.requireObject("volumeAttachment");
        String volumeId = Json.text(req, "volumeId");
        String tag = Json.text(req, "tag");
        if (tag != null) {
            if (mv < 49) {
                throw new ApiException(
                        400,
                        "Invalid input for field/attribute volumeAttachment. Additional properties"
                                + " are not allowed ('tag' was unexpected)");
            }
            if (tag.isEmpty() || tag.length() > 60 || tag.contains("/") || tag.contains(",")) {
                throw new ApiException(
                        400,
                        "Invalid input for field/attribute tag. Value: " + tag
                                + ". Tags must be 1 to 60 characters and may not contain '/' or ','");
            }
        }
        ObjectNode vol = volumeId == null ? null : rs.volumes.get(volumeId);
        if (vol == null) {
            throw new ApiException(404, "Volume " + volumeId + " could not be found.");
        }
        if (!Set.of("ACTIVE", "PAUSED", "SHUTOFF", "SUSPENDED", "SHELVED", "SHELVED_OFFLOADED")
                .contains(s.status)) {
            throw new ApiException(
                    409, "Cannot 'attach_volume' instance " + s.id + " while it is in vm_state " + s.vmState);
        }
        if (!"available".equals(vol.path("status").asText())) {
            throw new ApiException(
                    400,
                    "Invalid input received: Invalid volume: Volume " + volumeId
                            + " status must be available to reserve, but the status is "
                            + vol.path("status").asText()
                            + ".");
        }
        String device = "/dev/sd" + (char) ('b' + s.attachments.size());
        SimServer.Attachment a = new SimServer.Attachment(
                volumeId,
                device,
                tag,
                w.ids.uuid(),
                w.ids.uuid(),
                req.path("delete_on_termination").asBoolean(false));
        s.attachments.add(a);
        vol.put("status", "attaching");
        w.schedule(w.now().plusSeconds(3), () -> Cinder.attach(rs, vol, s.id, device));
        return Reply.ok(Json.object("volumeAttachment", view(s, a, mv)));
    }

    private ObjectNode view(SimServer s, SimServer.Attachment a, int mv) {
        ObjectNode n = Json.object();
        n.put("device", a.device());
        if (mv < 89) {
            n.put("id", a.volumeId());
        }
        n.put("serverId", s.id);
        n.put("volumeId", a.volumeId());
        if (mv >= 70) {
            n.put("tag", a.tag());
        }
        if (mv >= 79) {
            n.put("delete_on_termination", a.deleteOnTermination());
        }
        if (mv >= 89) {
            n.put("attachment_id", a.attachmentId());
            n.put("bdm_uuid", a.bdmId());
        }
        return n;
    }
}
