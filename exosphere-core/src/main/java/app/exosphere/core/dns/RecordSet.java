package app.exosphere.core.dns;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Designate record set ({@code GET /v2/recordsets}, {@code /v2/zones/{id}/recordsets}) with the fields the
 * web app decodes ({@code OpenStack.DnsRecordSet}). The type is kept as sent, so a type the web app does
 * not know ({@code MX}, {@code SRV}…) never fails a list.
 *
 * <pre>{@code
 * for (RecordSet rs : openStack.dns().recordSets().toList()) {
 *     if (rs.holds("149.165.157.212")) { System.out.println(rs.hostname()); }
 * }
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableRecordSet.class)
@JsonDeserialize(as = ImmutableRecordSet.class)
public abstract class RecordSet {
    @JsonProperty("id")
    public abstract String id();

    @JsonProperty("zone_id")
    public abstract String zoneId();

    /** The zone's name, ending in {@code .}. */
    @JsonProperty("zone_name")
    public abstract String zoneName();

    /** The fully qualified name, ending in {@code .} ({@code vm1.proj.projects.jetstream-cloud.org.}). */
    @JsonProperty("name")
    public abstract String name();

    /** {@code A}, {@code PTR}, {@code SOA}, {@code NS}, {@code CNAME}, {@code TXT} or any other type, as sent. */
    @JsonProperty("type")
    public abstract String type();

    /** Seconds; empty when the record set uses the zone's TTL ({@code null}). */
    @JsonProperty("ttl")
    public abstract Optional<Integer> ttl();

    @JsonProperty("records")
    public abstract List<String> records();

    @JsonProperty("description")
    public abstract Optional<String> description();

    /** {@code ACTIVE}, {@code PENDING}, {@code ERROR}. */
    @JsonProperty("status")
    public abstract Optional<String> status();

    /** Whether {@code ip} is one of its records, whatever the type (Exosphere's {@code GetterSetters.getServerDnsRecordSets}). */
    public boolean holds(String ip) {
        return records().contains(ip);
    }

    /** Whether this is an {@code A} record set. */
    public boolean isA() {
        return type().toUpperCase(Locale.ROOT).equals("A");
    }

    /** The name as the web app shows it: one trailing {@code .} removed. */
    public String hostname() {
        String n = name();
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** A builder, mostly for tests and simulators. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link RecordSet}; start one with {@link RecordSet#builder()} or {@link RecordSet#toBuilder()}. */
    public static final class Builder extends ImmutableRecordSet.Builder {
        Builder() {}
    }
}
