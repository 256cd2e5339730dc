package app.exosphere.core.share;

import app.exosphere.core.error.InvalidShareRequestException;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code POST /shares}. The defaults are the web app's: protocol {@code CephFS} (Exosphere's
 * {@code OpenStack.Shares.requestCreateShare}); the share type is the cloud's default unless set.
 *
 * <pre>{@code
 * ShareCreateRequest r = ShareCreateRequest.builder().name("lab-data").sizeGb(10).shareType("cephfsnativetype").build();
 * Share s = openStack.share().shares().create(r).execute();
 * }</pre>
 */
@Value.Immutable
public abstract class ShareCreateRequest {
    public abstract Optional<String> name();

    public abstract Optional<String> description();

    /** Size in GB (at least 1). */
    public abstract int sizeGb();

    /** {@code share_proto}; default {@code CephFS}. */
    @Value.Default
    public String protocol() {
        return "CephFS";
    }

    /** {@code share_type}, a name or id; absent: the cloud's default type. */
    public abstract Optional<String> shareType();

    public abstract Optional<String> availabilityZone();

    public abstract Optional<Boolean> isPublic();

    @Value.Redacted // free-form
    public abstract Map<String, String> metadata();

    @Value.Check
    void check() {
        if (sizeGb() < 1) {
            throw new InvalidShareRequestException(
                    "A share needs a size of at least 1 GB, got " + sizeGb() + ": pass sizeGb(1) or more.");
        }
        if (protocol().isBlank()) {
            throw new InvalidShareRequestException("A share needs a protocol, e.g. CephFS.");
        }
    }

    /** The JSON body, members in the web app's order. */
    ObjectNode toJson() {
        ObjectNode body = ServiceJson.object();
        ObjectNode s = body.putObject("share");
        name().ifPresent(x -> s.put("name", x));
        description().ifPresent(x -> s.put("description", x));
        if (!metadata().isEmpty()) {
            ObjectNode m = s.putObject("metadata");
            metadata().forEach(m::put);
        }
        s.put("size", sizeGb());
        s.put("share_proto", protocol());
        shareType().ifPresent(x -> s.put("share_type", x));
        availabilityZone().ifPresent(x -> s.put("availability_zone", x));
        isPublic().ifPresent(x -> s.put("is_public", x));
        return body;
    }

    /** A builder of {@link ShareCreateRequest}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ShareCreateRequest}; start one with {@link ShareCreateRequest#builder()} or {@link ShareCreateRequest#toBuilder()}. */
    public static final class Builder extends ImmutableShareCreateRequest.Builder {
        Builder() {}
    }
}
