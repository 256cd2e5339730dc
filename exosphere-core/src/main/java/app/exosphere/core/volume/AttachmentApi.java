package app.exosphere.core.volume;

import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.page.Paginator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Cinder {@code /attachments}: attachments as Cinder records them (needs microversion 3.27).
 *
 * <pre>{@code
 * volume.attachments().list(Map.of("volume_id", volumeId)).toList();
 * }</pre>
 */
public final class AttachmentApi {
    /** The microversion that introduced the attachments API. */
    public static final String MICROVERSION = "3.27";

    private final ServiceClient cinder;

    AttachmentApi(ServiceClient cinder) {
        this.cinder = cinder;
    }

    /** {@code GET /attachments/detail?key=value…}, lazily. */
    public Paginator<Attachment> list(Map<String, String> filters) {
        return cinder.get("attachments/detail")
                .minimumMicroversion(MICROVERSION)
                .query(filters)
                .paginate("attachments", Attachment.class);
    }

    /** {@code GET /attachments/detail}, lazily. */
    public Paginator<Attachment> list() {
        return list(Map.of());
    }

    /** {@code GET /attachments/{id}}. */
    public Attachment get(String attachmentId) {
        return getCall(attachmentId).execute();
    }

    /** Asynchronous {@link #get(String)}. */
    public CompletableFuture<Attachment> getAsync(String attachmentId) {
        return getCall(attachmentId).executeAsync();
    }

    private Operation<Attachment> getCall(String id) {
        return Operation.of(
                () -> cinder.get("attachments/{id}", id).minimumMicroversion(MICROVERSION),
                Decode.member("attachment", Attachment.class));
    }
}
