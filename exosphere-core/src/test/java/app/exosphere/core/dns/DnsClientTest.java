package app.exosphere.core.dns;

import static app.exosphere.core.FakeCloud.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.FakeCloud;
import app.exosphere.core.Samples;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DnsClientTest {
    private final FakeCloud cloud = new FakeCloud();
    private final DnsClient dns = cloud.openStack().dns();

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void decodesTheZoneListSample() {
        ObjectNode last = (ObjectNode) Samples.json("designate/zones__list-zones-response.json");
        ((ObjectNode) last.get("links")).remove("next"); // as on a last page
        cloud.reply(200, last.toString());
        List<Zone> zones = dns.zones().toList();
        assertThat(zones).hasSize(1);
        Zone z = zones.get(0);
        assertThat(z.id()).isEqualTo("a86dba58-0043-4cc6-a1bb-69d5e86f3ca3");
        assertThat(z.name()).isEqualTo("example.org.");
        assertThat(z.status()).contains("ACTIVE");
        assertThat(z.ttl()).contains(7200);
        RecordedRequest r = cloud.take();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/dns/v2/zones");
        assertThat(r.getUrl().queryParameter("limit")).isEqualTo("1000");
    }

    @Test
    void listsEveryRecordSetOfTheProjectFollowingDesignatesNextLink() {
        ObjectNode first = (ObjectNode) Samples.json("designate/recordsets__list-all-recordset-response.json");
        // the sample's next link points at 127.0.0.1:9001; the SDK keeps its path and query on our endpoint
        ObjectNode second = first.deepCopy();
        ((ObjectNode) second.get("recordsets").get(0)).put("id", "second").put("type", "MX");
        ((ObjectNode) second.get("links")).remove("next"); // Designate's last page links only to itself
        cloud.reply(200, first.toString()).reply(200, second.toString());
        List<RecordSet> all = dns.recordSets().toList();
        assertThat(all).extracting(RecordSet::id).containsExactly("f7b10e9b-0cae-4a91-b162-562bc6096648", "second");
        RecordSet a = all.get(0);
        assertThat(a.zoneId()).isEqualTo("2150b1bf-dee2-4221-9d85-11f7886fb15f");
        assertThat(a.zoneName()).isEqualTo("example.com.");
        assertThat(a.isA()).isTrue();
        assertThat(a.ttl()).contains(3600);
        assertThat(a.holds("10.1.0.2")).isTrue();
        assertThat(a.hostname()).isEqualTo("example.org");
        assertThat(all.get(1).type()).isEqualTo("MX"); // a type the web app does not know still decodes
        RecordedRequest r1 = cloud.take();
        assertThat(r1.getUrl().encodedPath()).isEqualTo("/dns/v2/recordsets");
        assertThat(r1.getUrl().queryParameter("limit")).isEqualTo("1000");
        RecordedRequest r2 = cloud.take();
        assertThat(r2.getUrl().queryParameter("marker")).isEqualTo("45fd892d-7a67-4f65-9df0-87273f228d6c");
    }

    @Test
    void createsARecordSetWithTheWebAppsBodyAndDecodesTheSampleAnswer() throws Exception {
        cloud.replySample(202, "designate/recordsets__create-recordset-response.json");
        RecordSet rs = dns.createRecordSet(
                        "2150b1bf-dee2-4221-9d85-11f7886fb15f",
                        RecordSetCreateRequest.builder()
                                .name("example.org.")
                                .description("This is an example record set.")
                                .addRecords("10.1.0.2")
                                .build())
                .execute();
        assertThat(rs.status()).contains("PENDING");
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/dns/v2/zones/2150b1bf-dee2-4221-9d85-11f7886fb15f/recordsets");
        // the same members as the API sample request, in the web app's order, ttl 3600 by default
        assertThat(ServiceJson.mapper().readTree(body(r)))
                .isEqualTo(Samples.json("designate/recordsets__create-recordset-request.json"));
        assertThat(body(r)).startsWith("{\"name\":\"example.org.\",\"description\":");
    }

    @Test
    void deletesARecordSetAndReportsA404AsNotFound() {
        cloud.replySample(202, "designate/recordsets__delete-recordset-response.json");
        dns.deleteRecordSet("z1", "r1").execute();
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/dns/v2/zones/z1/recordsets/r1");
        cloud.reply(404, "{\"code\":404,\"type\":\"recordset_not_found\",\"message\":\"Could not find RecordSet\"}");
        assertThatThrownBy(() -> dns.deleteRecordSet("z1", "r1").execute()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesARecordSetThatIsNotFullyQualifiedOrHasNoRecord() {
        assertThatThrownBy(() -> RecordSetCreateRequest.builder()
                        .name("vm1.example.org")
                        .addRecords("10.0.0.1")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("end in '.'");
        assertThatThrownBy(() -> RecordSetCreateRequest.builder()
                        .name("vm1.example.org.")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one record");
    }
}
