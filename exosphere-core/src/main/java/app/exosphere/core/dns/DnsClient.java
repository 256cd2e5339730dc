package app.exosphere.core.dns;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.internal.calls.Operation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Designate v2 client. Immutable and thread-safe; obtain it from {@code openStack.dns()}. The web app
 * reads every record set of the project in one request of 1000 ({@code Rest.Designate.requestRecordSets});
 * the SDK asks for pages of 1000 and follows {@code links.next}, so a project with more is read whole.
 *
 * <pre>{@code
 * DnsClient dns = openStack.dns();
 * java.util.List<RecordSet> all = dns.recordSets().toList();
 * dns.deleteRecordSet(all.get(0).zoneId(), all.get(0).id()).execute();
 * }</pre>
 */
public final class DnsClient {
    static final int PAGE = 1000;

    private final ServiceClient designate;

    private DnsClient(ServiceClient designate) {
        this.designate = designate;
    }

    /** A client on an authenticated DNS transport ({@code openStack.service(ServiceType.DNS)}). */
    public static DnsClient on(ServiceClient designate) {
        Objects.requireNonNull(designate, "designate");
        if (!designate.type().equals(ServiceType.DNS)) {
            throw new IllegalArgumentException("DnsClient needs a dns transport, got " + designate.type());
        }
        return new DnsClient(designate);
    }

    /** The underlying transport, for calls this client does not cover. */
    public ServiceClient transport() {
        return designate;
    }

    /** {@code GET /v2/zones}, lazily across pages. */
    public Paginator<Zone> zones() {
        return designate.get("zones").paginate("zones", Zone.class, PAGE);
    }

    /** {@code GET /v2/recordsets?limit=1000}: every record set of the project, lazily across pages. */
    public Paginator<RecordSet> recordSets() {
        return recordSets(Map.of());
    }

    /** {@code GET /v2/recordsets} with Designate's filters ({@code name}, {@code type}, {@code data}…). */
    public Paginator<RecordSet> recordSets(Map<String, String> filters) {
        ServiceCall c = designate.get("recordsets").query(filters);
        return c.paginate("recordsets", RecordSet.class, PAGE);
    }

    /** {@code GET /v2/zones/{zone_id}/recordsets}, lazily across pages. */
    public Paginator<RecordSet> recordSetsOf(String zoneId) {
        return designate.get("zones/{id}/recordsets", zoneId).paginate("recordsets", RecordSet.class, PAGE);
    }

    /** {@code GET /v2/zones/{zone_id}/recordsets/{id}}. */
    public Call<RecordSet> getRecordSet(String zoneId, String recordSetId) {
        return Operation.of(
                () -> designate.get("zones/{zone}/recordsets/{id}", zoneId, recordSetId), r -> r.as(RecordSet.class));
    }

    /**
     * {@code POST /v2/zones/{zone_id}/recordsets} (Exosphere's {@code Rest.Designate.requestCreateRecordSet});
     * Designate answers {@code 202} with the record set {@code PENDING}. Sent once (never retried).
     */
    public Call<RecordSet> createRecordSet(String zoneId, RecordSetCreateRequest request) {
        ObjectNode body = request.toJson();
        return Operation.of(
                () -> designate.post("zones/{id}/recordsets", zoneId).body(body), r -> r.as(RecordSet.class));
    }

    /** {@code DELETE /v2/zones/{zone_id}/recordsets/{id}} (Exosphere's {@code Rest.Designate.requestDeleteRecordSet}). */
    public Call<Void> deleteRecordSet(String zoneId, String recordSetId) {
        return Operation.noResult(() -> designate.delete("zones/{zone}/recordsets/{id}", zoneId, recordSetId));
    }

    @Override
    public String toString() {
        return "DnsClient{" + designate.type() + "}";
    }
}
