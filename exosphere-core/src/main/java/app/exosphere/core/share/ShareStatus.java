package app.exosphere.core.share;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A Manila share status (Exosphere's {@code OpenStack.Types.ShareStatus}); a string Manila adds later
 * counts as {@link #ERROR}, as in the web app.
 *
 * <pre>{@code
 * boolean ready = ShareStatus.of("available") == ShareStatus.AVAILABLE;
 * }</pre>
 */
public enum ShareStatus {
    CREATING,
    CREATING_FROM_SNAPSHOT,
    DELETING,
    DELETED,
    ERROR,
    ERROR_DELETING,
    AVAILABLE,
    INACTIVE,
    MANAGE_STARTING,
    MANAGE_ERROR,
    UNMANAGE_STARTING,
    UNMANAGED,
    UNMANAGE_ERROR,
    EXTENDING,
    EXTENDING_ERROR,
    SHRINKING,
    SHRINKING_ERROR,
    SHRINKING_POSSIBLE_DATA_LOSS_ERROR,
    MIGRATING,
    MIGRATING_TO,
    REPLICATION_CHANGE,
    SHARE_REVERTING,
    SHARE_REVERTING_ERROR,
    AWAITING_TRANSFER;

    /** Parses Manila's lower-case string case-insensitively; unknown strings are {@link #ERROR}. */
    @JsonCreator
    public static ShareStatus of(String raw) {
        if (raw == null) {
            return ERROR;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ERROR;
        }
    }

    /** Manila's string ({@code available}). */
    @JsonValue
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the statuses that end in {@code error} (the share needs an administrator or a retry). */
    public boolean isError() {
        return name().endsWith("ERROR");
    }
}
