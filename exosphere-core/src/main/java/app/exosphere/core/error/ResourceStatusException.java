package app.exosphere.core.error;

import java.util.Optional;

/**
 * A resource the SDK was following (an image being saved, a snapshot being created or deleted) reached a
 * failed status, disappeared, or did not reach the wanted status in time. The message says which, the last
 * status seen, and what to do.
 *
 * <pre>{@code
 * try {
 *     exosphere.images().awaitActive(imageId, java.time.Duration.ofMinutes(30)).execute();
 * } catch (ResourceStatusException e) {
 *     System.out.println(e.resourceId() + " " + e.lastStatus().orElse("gone") + (e.timedOut() ? " (timed out)" : ""));
 * }
 * }</pre>
 */
public class ResourceStatusException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    private final String resourceId;
    private final String lastStatus;
    private final boolean timedOut;

    /**
     * @param resourceId the image, snapshot or record set id
     * @param lastStatus the last status seen, or null when it was never seen or is gone
     * @param timedOut whether the wait ran out rather than the resource failing
     */
    public ResourceStatusException(String resourceId, String lastStatus, boolean timedOut, String message) {
        super(message);
        this.resourceId = resourceId;
        this.lastStatus = lastStatus;
        this.timedOut = timedOut;
    }

    /** The id of the resource followed. */
    public String resourceId() {
        return resourceId;
    }

    /** The last status seen; empty when none was seen or the resource is gone. */
    public Optional<String> lastStatus() {
        return Optional.ofNullable(lastStatus);
    }

    /** Whether the wait ran out (the resource may still get there). */
    public boolean timedOut() {
        return timedOut;
    }
}
