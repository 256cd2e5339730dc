package app.exosphere.core.compute;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Nova {@code /servers/{id}/os-volume_attachments}. Attaching with a device {@code tag} pins
 * microversion 2.49, as Exosphere does for its {@code exoVolume::{json}} tags ({@code ServerVolumes.requestAttachVolume}).
 *
 * <pre>{@code
 * compute.servers().volumeAttachments(serverId).attach(volumeId, "exoVolume::{\"name\":\"data\"}").execute();
 * }</pre>
 */
public final class VolumeAttachmentApi {
    private final ServiceClient nova;
    private final String serverId;

    VolumeAttachmentApi(ServiceClient nova, String serverId) {
        this.nova = nova;
        this.serverId = serverId;
    }

    /** {@code GET /servers/{id}/os-volume_attachments}. */
    public Call<List<VolumeAttachment>> list() {
        return Operation.of(
                () -> nova.get("servers/{id}/os-volume_attachments", serverId).microversion(READ_MICROVERSION),
                Decode.list("volumeAttachments", VolumeAttachment.class));
    }

    /**
     * Nova shows an attachment's device {@code tag} only from 2.70 on; below that {@link
     * VolumeAttachment#tag()} would always be empty and an {@code exoVolume::} tag unreadable (found by
     * the contract suite against real Nova, osbox).
     */
    static final String READ_MICROVERSION = "2.70";

    /** {@code GET /servers/{id}/os-volume_attachments/{volume_id}}. */
    public Call<VolumeAttachment> get(String volumeId) {
        return Operation.of(
                () -> nova.get("servers/{id}/os-volume_attachments/{vol}", serverId, volumeId)
                        .microversion(READ_MICROVERSION),
                Decode.member("volumeAttachment", VolumeAttachment.class));
    }

    /** {@code POST /servers/{id}/os-volume_attachments}; {@code tag} may be null (with one: 2.49). */
    public Call<VolumeAttachment> attach(String volumeId, String tag) {
        return attachment(volumeId, tag, null);
    }

    /**
     * Attaches with {@code delete_on_termination} (2.79; the tag, if any, rides along at that
     * version).
     */
    public Call<VolumeAttachment> attach(String volumeId, String tag, boolean deleteOnTermination) {
        return attachment(volumeId, tag, deleteOnTermination);
    }

    private Operation<VolumeAttachment> attachment(String volumeId, String tag, Boolean deleteOnTermination) {
        ObjectNode body = ServiceJson.object();
        ObjectNode a = body.putObject("volumeAttachment").put("volumeId", volumeId);
        if (tag != null) {
            a.put("tag", tag);
        }
        if (deleteOnTermination != null) {
            a.put("delete_on_termination", deleteOnTermination);
        }
        String microversion = deleteOnTermination != null ? "2.79" : tag != null ? "2.49" : null;
        return Operation.of(
                () -> {
                    ServiceCall c = nova.post("servers/{id}/os-volume_attachments", serverId)
                            .body(body);
                    if (microversion != null) {
                        c.microversion(microversion);
                    }
                    return c;
                },
                Decode.member("volumeAttachment", VolumeAttachment.class));
    }

    /** {@code DELETE /servers/{id}/os-volume_attachments/{volume_id}}. */
    public Call<Void> detach(String volumeId) {
        return Operation.noResult(() -> nova.delete("servers/{id}/os-volume_attachments/{vol}", serverId, volumeId));
    }
}
