package app.exosphere.core.compute;

import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Nova {@code /servers/{id}/os-volume_attachments}. Attaching with a device {@code tag} pins
 * microversion 2.49, as Exosphere does for its {@code exoVolume::{json}} tags ({@code ServerVolumes.requestAttachVolume}).
 *
 * <pre>{@code
 * compute.servers().volumeAttachments(serverId).attach(volumeId, "exoVolume::{\"name\":\"data\"}");
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
    public List<VolumeAttachment> list() {
        return listCall().execute();
    }

    /** Asynchronous {@link #list()}. */
    public CompletableFuture<List<VolumeAttachment>> listAsync() {
        return listCall().executeAsync();
    }

    /**
     * Nova shows an attachment's device {@code tag} only from 2.70 on; below that {@link
     * VolumeAttachment#tag()} would always be empty and an {@code exoVolume::} tag unreadable (found by
     * the contract suite against real Nova, osbox).
     */
    static final String READ_MICROVERSION = "2.70";

    private Operation<List<VolumeAttachment>> listCall() {
        return Operation.of(
                () -> nova.get("servers/{id}/os-volume_attachments", serverId).microversion(READ_MICROVERSION),
                Decode.list("volumeAttachments", VolumeAttachment.class));
    }

    /** {@code GET /servers/{id}/os-volume_attachments/{volume_id}}. */
    public VolumeAttachment get(String volumeId) {
        return getCall(volumeId).execute();
    }

    /** Asynchronous {@link #get(String)}. */
    public CompletableFuture<VolumeAttachment> getAsync(String volumeId) {
        return getCall(volumeId).executeAsync();
    }

    private Operation<VolumeAttachment> getCall(String volumeId) {
        return Operation.of(
                () -> nova.get("servers/{id}/os-volume_attachments/{vol}", serverId, volumeId)
                        .microversion(READ_MICROVERSION),
                Decode.member("volumeAttachment", VolumeAttachment.class));
    }

    /** {@code POST /servers/{id}/os-volume_attachments}; {@code tag} may be null (with one: 2.49). */
    public VolumeAttachment attach(String volumeId, String tag) {
        return attachCall(volumeId, tag, null).execute();
    }

    /** Asynchronous {@link #attach(String, String)}. */
    public CompletableFuture<VolumeAttachment> attachAsync(String volumeId, String tag) {
        return attachCall(volumeId, tag, null).executeAsync();
    }

    /**
     * Attaches with {@code delete_on_termination} (2.79; the tag, if any, rides along at that
     * version).
     */
    public VolumeAttachment attach(String volumeId, String tag, boolean deleteOnTermination) {
        return attachCall(volumeId, tag, deleteOnTermination).execute();
    }

    /** Asynchronous {@link #attach(String, String, boolean)}. */
    public CompletableFuture<VolumeAttachment> attachAsync(String volumeId, String tag, boolean deleteOnTermination) {
        return attachCall(volumeId, tag, deleteOnTermination).executeAsync();
    }

    private Operation<VolumeAttachment> attachCall(String volumeId, String tag, Boolean deleteOnTermination) {
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
    public void detach(String volumeId) {
        detachCall(volumeId).execute();
    }

    /** Asynchronous {@link #detach(String)}. */
    public CompletableFuture<Void> detachAsync(String volumeId) {
        return detachCall(volumeId).executeAsync();
    }

    private Operation<Void> detachCall(String volumeId) {
        return Operation.noResult(() -> nova.delete("servers/{id}/os-volume_attachments/{vol}", serverId, volumeId));
    }
}
