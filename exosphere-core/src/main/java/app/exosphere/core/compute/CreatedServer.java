package app.exosphere.core.compute;

import app.exosphere.core.auth.Secret;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The response of {@code POST /servers}: the new id (and, when Nova generates one, the admin password,
 * which is redacted from {@code toString}). With {@code return_reservation_id} only the reservation id
 * is set.
 *
 * <pre>{@code
 * CreatedServer c = compute.servers().create(request).execute();
 * Server s = compute.servers().get(c.id()).execute();
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableCreatedServer.class)
@JsonDeserialize(as = ImmutableCreatedServer.class)
public abstract class CreatedServer {
    /** The new server id ({@code ""} for a reservation-only response). */
    @JsonProperty("id")
    @Value.Default
    public String id() {
        return "";
    }

    /** {@code adminPass}, when Nova generated one. */
    @JsonProperty("adminPass")
    @Value.Redacted
    public abstract Optional<Secret> adminPass();

    /** {@code reservation_id} of a multiple-create with {@code return_reservation_id}. */
    @JsonProperty("reservation_id")
    public abstract Optional<String> reservationId();

    /** {@code security_groups}. */
    @JsonProperty("security_groups")
    public abstract List<NamedSecurityGroup> securityGroups();

    /** A builder of {@link CreatedServer}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link CreatedServer}; start one with {@link CreatedServer#builder()} or {@link CreatedServer#toBuilder()}. */
    public static final class Builder extends ImmutableCreatedServer.Builder {
        Builder() {}
    }
}
