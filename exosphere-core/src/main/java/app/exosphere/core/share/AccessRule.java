package app.exosphere.core.share;

import app.exosphere.core.auth.Secret;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Manila access rule from {@code GET /share-access-rules?share_id=…} or {@code allow_access}
 * (microversion 2.45+). For a CephX rule Manila fills {@link #accessKey()} once the rule is applied;
 * the key is the Ceph secret and stays a {@link Secret}.
 *
 * <pre>{@code
 * for (AccessRule r : openStack.share().shares().accessRules(shareId).execute()) {
 *     System.out.println(r.accessTo() + " " + r.level().map(AccessLevel::label).orElse(r.accessLevel()) + " " + r.state());
 * }
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableAccessRule.class)
@JsonDeserialize(as = ImmutableAccessRule.class)
public abstract class AccessRule {
    @JsonProperty("id")
    public abstract String id();

    /** Present in {@code allow_access} answers. */
    @JsonProperty("share_id")
    public abstract Optional<String> shareId();

    /** {@code rw}, {@code ro} or a value Manila adds later, verbatim. */
    @JsonProperty("access_level")
    public abstract String accessLevel();

    /** The level when it is {@code rw} or {@code ro} (case-insensitive). */
    public Optional<AccessLevel> level() {
        return switch (accessLevel().toLowerCase(Locale.ROOT)) {
            case "rw" -> Optional.of(AccessLevel.RW);
            case "ro" -> Optional.of(AccessLevel.RO);
            default -> Optional.empty();
        };
    }

    /** {@code cephx}, {@code ip}, {@code user}, {@code cert}, verbatim. */
    @JsonProperty("access_type")
    public abstract String accessType();

    /** True for a CephX rule (case-insensitive). */
    public boolean isCephx() {
        return accessType().equalsIgnoreCase("cephx");
    }

    @JsonProperty("access_to")
    public abstract String accessTo();

    /** The CephX secret, once Manila applied the rule. */
    @JsonProperty("access_key")
    public abstract Optional<Secret> accessKey();

    /** The state; absent in {@code allow_access} answers of some microversions (then queued). */
    @JsonProperty("state")
    @Value.Default
    public AccessRuleState state() {
        return AccessRuleState.QUEUED_TO_APPLY;
    }

    @JsonProperty("created_at")
    public abstract Optional<String> created();

    @JsonProperty("metadata")
    @Value.Redacted // free-form
    public abstract Map<String, String> metadata();

    /** A builder of {@link AccessRule}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link AccessRule}; start one with {@link AccessRule#builder()} or {@link AccessRule#toBuilder()}. */
    public static final class Builder extends ImmutableAccessRule.Builder {
        Builder() {}
    }
}
