package app.exosphere.core.share;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where a share can be mounted from, from {@code GET /shares/{id}/export_locations} (microversion 2.14+
 * for {@code preferred}). For CephFS the path is {@code mon1:6789,mon2:6789:/volumes/_nogroup/…}.
 *
 * <pre>{@code
 * String path = openStack.share().shares().exportLocations(shareId).execute().get(0).path();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableExportLocation.class)
@JsonDeserialize(as = ImmutableExportLocation.class)
public abstract class ExportLocation {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("path")
    public abstract String path();

    @JsonProperty("preferred")
    @Value.Default
    public boolean preferred() {
        return false;
    }

    /** Only administrators see admin-only locations; a user's list normally has none. */
    @JsonProperty("is_admin_only")
    @Value.Default
    public boolean adminOnly() {
        return false;
    }

    @JsonProperty("share_instance_id")
    public abstract Optional<String> shareInstanceId();

    /** A builder of {@link ExportLocation}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ExportLocation}; start one with {@link ExportLocation#builder()} or {@link ExportLocation#toBuilder()}. */
    public static final class Builder extends ImmutableExportLocation.Builder {
        Builder() {}
    }
}
