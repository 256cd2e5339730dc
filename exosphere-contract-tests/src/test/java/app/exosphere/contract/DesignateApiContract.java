package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Designate's v2 API on the wire, the way Exosphere calls it ({@code Rest.Designate} in Exosphere):
 * the version document, then one zone's life: create → ACTIVE → an A record set with Exosphere's
 * body ({@code State.State} {@code RequestCreateServerHostname}) → listed by
 * {@code GET /v2/recordsets?limit=1000} with its zone → delete the record set → delete the zone.
 * Designate has no microversions. Each step of the life depends on the ones before it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DesignateApiContract extends CloudContract {
    private static final String DNS = "dns";
    /** TEST-NET-3, like osbox's floating-IP pool: never routed. */
    private static final String ADDRESS = "203.0.113.77";

    private String zoneId;
    private String zoneName;
    private String recordsetId;
    private final List<String> createdZones = new ArrayList<>();

    private JsonNode zone(String id) {
        return member.get(DNS, "/v2/zones/" + id).expect(200);
    }

    private JsonNode recordset(String id) {
        return member.get(DNS, "/v2/zones/" + zoneId + "/recordsets/" + id).expect(200);
    }

    @Test
    @Order(1)
    void rootListsV20AsCurrentWithASelfLinkUnderTheCatalogEndpoint() {
        String root = member.endpoint(DNS).replaceFirst("/v2(/.*)?$", "");
        JsonNode versions =
                Rest.send("GET", root + "/", Map.of(), null).expect(200, 300).path("versions");
        JsonNode v20 = null;
        for (JsonNode v : versions) {
            if (v.path("id").asText().equals("v2.0")) {
                v20 = v;
            }
        }
        assertThat(v20).as("v2.0 in %s", versions).isNotNull();
        assertThat(v20.path("status").asText()).isEqualTo("CURRENT");
        // Exosphere puts /v2 after the catalog URL itself (`{designate}/v2/recordsets`)
        assertThat(v20.path("links").findValuesAsText("href")).contains(root + "/v2");
    }

    @Test
    @Order(10)
    void createsAZoneThatBecomesActiveWithItsSoaAndNsRecordSets() {
        zoneName = prefix + ".osbox.test.";
        ObjectNode body = Rest.JSON.createObjectNode();
        body.put("name", zoneName)
                .put("email", "hostmaster@osbox.test")
                .put("ttl", 3600)
                .put("description", "contract suite");
        JsonNode zone = member.post(DNS, "/v2/zones", body).expect(202);
        zoneId = zone.path("id").asText();
        createdZones.add(zoneId);
        assertThat(zone.path("name").asText()).isEqualTo(zoneName);
        assertThat(zone.path("status").asText()).isEqualTo("PENDING");
        assertThat(zone.path("action").asText()).isEqualTo("CREATE");
        assertThat(zone.path("project_id").asText()).isEqualTo(member.projectId());

        JsonNode active = await(
                "zone " + zoneName + " to become ACTIVE",
                () -> zone(zoneId),
                z -> !z.path("status").asText().equals("PENDING"));
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("serial").asLong()).isPositive();

        List<String> types = member.get(DNS, "/v2/zones/" + zoneId + "/recordsets")
                .expect(200)
                .path("recordsets")
                .findValuesAsText("type");
        assertThat(types).contains("SOA", "NS");
    }

    @Test
    @Order(11)
    void createsAnARecordSetWithExospheresBodyThatBecomesActive() {
        ObjectNode body = Rest.JSON.createObjectNode();
        body.put("name", "contract-host." + zoneName)
                .put("description", "Created for instance contract-host")
                .put("type", "A");
        body.putArray("records").add(ADDRESS);
        body.put("ttl", 3600);
        JsonNode rs =
                member.post(DNS, "/v2/zones/" + zoneId + "/recordsets", body).expect(202, 201);
        recordsetId = rs.path("id").asText();
        assertThat(rs.path("name").asText()).isEqualTo("contract-host." + zoneName);
        assertThat(rs.path("zone_id").asText()).isEqualTo(zoneId);

        JsonNode active = await(
                "record set " + recordsetId + " to become ACTIVE",
                () -> recordset(recordsetId),
                r -> !r.path("status").asText().equals("PENDING"));
        assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.path("records").get(0).asText()).isEqualTo(ADDRESS);
        assertThat(active.path("ttl").asInt()).isEqualTo(3600);
    }

    @Test
    @Order(12)
    void listsTheRecordSetAcrossZonesWithItsZoneNameAsExosphereReadsIt() {
        // Exosphere's list: one page of up to 1000, every zone of the project
        JsonNode all = member.get(DNS, "/v2/recordsets?limit=1000").expect(200).path("recordsets");
        JsonNode mine = null;
        for (JsonNode r : all) {
            if (r.path("id").asText().equals(recordsetId)) {
                mine = r;
            }
        }
        assertThat(mine).as("record set %s in the project's list", recordsetId).isNotNull();
        assertThat(mine.path("zone_name").asText()).isEqualTo(zoneName);
        assertThat(mine.path("type").asText()).isEqualTo("A");
        assertThat(mine.path("records").get(0).asText()).isEqualTo(ADDRESS);
    }

    @Test
    @Order(20)
    void deletesTheRecordSetAndThenTheZone() {
        member.call("DELETE", DNS, "/v2/zones/" + zoneId + "/recordsets/" + recordsetId, null, null)
                .expect(202);
        await(
                "record set " + recordsetId + " to go",
                () -> member.get(DNS, "/v2/zones/" + zoneId + "/recordsets/" + recordsetId)
                        .status(),
                st -> st == 404);

        JsonNode deleting = member.delete(DNS, "/v2/zones/" + zoneId).expect(202);
        assertThat(deleting.path("action").asText()).isEqualTo("DELETE");
        int status = await(
                "zone " + zoneName + " to go",
                () -> member.get(DNS, "/v2/zones/" + zoneId).status(),
                st -> st == 404);
        assertThat(status).isEqualTo(404);
        createdZones.remove(zoneId);
    }

    /** A failed step must not leave zones behind for the next run; any left is reported. */
    @AfterAll
    void deleteWhatAFailedStepLeftBehind() {
        for (String id : createdZones) {
            member.delete(DNS, "/v2/zones/" + id);
        }
        assertThat(createdZones).as("zones left by a failed step (deleted now)").isEmpty();
    }
}
