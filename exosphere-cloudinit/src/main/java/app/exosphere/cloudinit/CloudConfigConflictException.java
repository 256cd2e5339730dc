package app.exosphere.cloudinit;

import java.util.Objects;

/**
 * Extra cloud-config given by a gateway sets a key that Exosphere's cloud-config (or an earlier extra
 * fragment) already sets to a different value, or to a different kind of value (map vs list vs scalar).
 * Maps merge key by key and lists concatenate, so only scalar disagreements and kind mismatches conflict;
 * choose {@link CloudConfigMergePolicy#EXTENSION_WINS} to let the gateway's scalar win instead. Example:
 *
 * <pre>{@code
 * try { options.render(); } catch (CloudConfigConflictException e) { log.warn("conflict at {}", e.path()); }
 * }</pre>
 */
public final class CloudConfigConflictException extends UserDataException {

    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path the dotted path of the conflicting key, e.g. {@code ssh_pwauth} or {@code apt.primary}
     * @param problem what differs, without values
     */
    public CloudConfigConflictException(String path, String problem) {
        super("Extra cloud-config conflicts at '" + Objects.requireNonNull(path) + "': " + problem
                + " (merge maps and lists instead, or use CloudConfigMergePolicy.EXTENSION_WINS for scalars)");
        this.path = path;
    }

    /** The dotted path of the conflicting key. */
    public String path() {
        return path;
    }
}
