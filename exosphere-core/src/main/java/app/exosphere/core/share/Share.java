package app.exosphere.core.share;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Manila share from {@code GET /shares/detail}, {@code GET /shares/{id}} or {@code POST /shares}
 * (Exosphere's {@code OpenStack.Shares.shareDecoder}).
 *
 * <pre>{@code
 * Share s = openStack.share().shares().get(shareId).execute();
 * if (s.status() == ShareStatus.AVAILABLE && s.isCephFs()) { System.out.println(s.name() + ": " + s.sizeGb() + " GB"); }
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableShare.class)
@JsonDeserialize(as = ImmutableShare.class)
public abstract class Share {
    @JsonProperty("id")
    public abstract String id();

    /** The name as Manila sent it; empty for an unnamed share. */
    @JsonProperty("name")
    public abstract Optional<String> nameIfSet();

    /** The name, or the share's id when it has none (what the web app uses for access-rule names). */
    public String name() {
        return nameIfSet().orElse(id());
    }

    /** Manila's status string; empty only in a create answer before Manila set one. */
    @JsonProperty("status")
    public abstract Optional<String> statusText();

    /** The status; a create answer without one is {@link ShareStatus#CREATING}. */
    public ShareStatus status() {
        return statusText().map(ShareStatus::of).orElse(ShareStatus.CREATING);
    }

    /** Size in GB. */
    @JsonProperty("size")
    public abstract int sizeGb();

    @JsonProperty("description")
    public abstract Optional<String> description();

    @JsonProperty("metadata")
    @Value.Redacted // free-form
    public abstract Map<String, String> metadata();

    @JsonProperty("created_at")
    public abstract Optional<String> created();

    /** {@code created_at}; Manila writes it without a zone, in UTC. */
    public Optional<Instant> createdAt() {
        return created().flatMap(app.exosphere.core.internal.json.Timestamps::parse);
    }

    /** The creator (Manila sends it from microversion 2.16). */
    @JsonProperty("user_id")
    public abstract Optional<String> userId();

    @JsonProperty("project_id")
    public abstract Optional<String> projectId();

    @JsonProperty("is_public")
    @Value.Default
    public boolean isPublic() {
        return false;
    }

    /** The protocol as Manila sent it ({@code CEPHFS}, {@code NFS}, …). */
    @JsonProperty("share_proto")
    public abstract Optional<String> protocol();

    /** True for CephFS (case-insensitive), the only protocol Exosphere mounts. */
    public boolean isCephFs() {
        return protocol().map(p -> p.toUpperCase(Locale.ROOT).equals("CEPHFS")).orElse(false);
    }

    @JsonProperty("share_type_name")
    public abstract Optional<String> shareTypeName();

    /** The share type's id. */
    @JsonProperty("share_type")
    public abstract Optional<String> shareTypeId();

    @JsonProperty("availability_zone")
    public abstract Optional<String> availabilityZone();

    /** A builder of {@link Share}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Share}; start one with {@link Share#builder()} or {@link Share#toBuilder()}. */
    public static final class Builder extends ImmutableShare.Builder {
        Builder() {}
    }
}
