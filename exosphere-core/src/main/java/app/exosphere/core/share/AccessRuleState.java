package app.exosphere.core.share;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The state of a Manila access rule (Exosphere's {@code OpenStack.Types.AccessRuleState}); a string
 * Manila adds later counts as {@link #ERROR}, as in the web app.
 *
 * <pre>{@code
 * boolean usable = AccessRuleState.of("active") == AccessRuleState.ACTIVE;
 * }</pre>
 */
public enum AccessRuleState {
    QUEUED_TO_APPLY,
    APPLYING,
    ACTIVE,
    QUEUED_TO_DENY,
    DENYING,
    ERROR;

    /** Parses case-insensitively; unknown strings are {@link #ERROR}. */
    @JsonCreator
    public static AccessRuleState of(String raw) {
        if (raw == null) {
            return ERROR;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ERROR;
        }
    }

    /** Manila's string ({@code active}). */
    @JsonValue
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
