package app.exosphere.core.volume;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import java.util.Map;

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
    public Call<Attachment> get(String attachmentId) {
        return Operation.of(
                () -> cinder.get("attachments/{id}", attachmentId).minimumMicroversion(MICROVERSION),
                Decode.member("attachment", Attachment.class));
    }
}
