package app.exosphere.core.error;

import java.util.List;

/**
 * A volume backs an instance (it is attached, or reserved by a shelved instance) and so was not deleted;
 * no request was sent to delete it. The message carries the web app's "It cannot be deleted before the
 * instance is deleted." and says what to do.
 *
 * <pre>{@code
 * try {
 *     exosphere.volumes().delete("6f1b3c1e-volume").execute();
 * } catch (VolumeInUseException e) {
 *     System.out.println(e.volumeId() + " backs " + e.serverIds());
 * }
 * }</pre>
 */
public class VolumeInUseException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    private final String volumeId;
    private final List<String> serverIds;

    /**
     * @param volumeId the volume
     * @param serverIds the instances it is attached to (empty when only its status says it is reserved)
     * @param message what happened and what to do
     */
    public VolumeInUseException(String volumeId, List<String> serverIds, String message) {
        super(message);
        this.volumeId = volumeId;
        this.serverIds = List.copyOf(serverIds);
    }

    /** The volume that was not deleted. */
    public String volumeId() {
        return volumeId;
    }

    /** The instances it is attached to, as Cinder lists them; empty when a shelved instance reserves it. */
    public List<String> serverIds() {
        return serverIds;
    }
}
