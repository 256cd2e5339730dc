package app.exosphere.core.dns;

import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of {@code POST /v2/zones/{zone_id}/recordsets}, in the member order the web app sends
 * ({@code Rest.Designate.requestCreateRecordSet}: name, description, type, records, ttl; ttl 3600 when none
 * is given).
 *
 * <pre>{@code
 * RecordSet rs = openStack.dns().createRecordSet(id, RecordSetCreateRequest.builder()
 *         .name("vm1.proj.projects.example.org.").type("A").addRecords("149.165.157.212").build()).execute();
 * }</pre>
 */
@Value.Immutable
public abstract class RecordSetCreateRequest {
    /** The fully qualified name, ending in {@code .}. */
    public abstract String name();

    /** Default {@code ""} (the web app always sends one). */
    @Value.Default
    public String description() {
        return "";
    }

    /** Default {@code A}. */
    @Value.Default
    public String type() {
        return "A";
    }

    public abstract List<String> records();

    /** Seconds; 3600 when empty, as the web app sends. */
    public abstract Optional<Integer> ttl();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Value.Check
    void check() {
        if (!name().endsWith(".") || name().length() < 2) {
            throw new IllegalArgumentException(
                    "a record set name must be fully qualified and end in '.', got \"" + name() + "\"");
        }
        if (records().isEmpty()) {
            throw new IllegalArgumentException("a record set needs at least one record (an IP address for type A)");
        }
        if (ttl().isPresent() && ttl().get() < 1) {
            throw new IllegalArgumentException("a record set TTL must be at least 1 second");
        }
    }

    ObjectNode toJson() {
        ObjectNode o = ServiceJson.object();
        o.put("name", name());
        o.put("description", description());
        o.put("type", type());
        ArrayNode r = o.putArray("records");
        records().forEach(r::add);
        o.put("ttl", ttl().orElse(3600));
        return o;
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link RecordSetCreateRequest}; start one with {@link RecordSetCreateRequest#builder()} or {@link RecordSetCreateRequest#toBuilder()}. */
    public static final class Builder extends ImmutableRecordSetCreateRequest.Builder {
        Builder() {}
    }
}
