package app.exosphere.core.quota;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A used/limit pair; a limit of -1 means unlimited (Exosphere's {@code OpenStack.Quotas}).
 *
 * <pre>{@code
 * QuotaUsage cores = compute.limits().execute().cores();
 * if (!cores.isUnlimited() && cores.remaining().orElseThrow() < 4) { log.warn("fewer than 4 cores left"); }
 * }</pre>
 */
@Value.Immutable
public abstract class QuotaUsage {
    /** In use. */
    @Value.Parameter
    public abstract long used();

    /** The limit; -1 when unlimited. */
    @Value.Parameter
    public abstract long limit();

    /** A usage. */
    public static QuotaUsage of(long used, long limit) {
        return ImmutableQuotaUsage.of(used, limit);
    }

    /** Whether the limit is -1. */
    public boolean isUnlimited() {
        return limit() < 0;
    }

    /** {@code limit - used} (never negative), or empty when unlimited. */
    public Optional<Long> remaining() {
        return isUnlimited() ? Optional.empty() : Optional.of(Math.max(0, limit() - used()));
    }

    /** A builder of {@link QuotaUsage}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link QuotaUsage}; start one with {@link QuotaUsage#builder()} or {@link QuotaUsage#toBuilder()}. */
    public static final class Builder extends ImmutableQuotaUsage.Builder {
        Builder() {}
    }
}
