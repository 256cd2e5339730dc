package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Manila's v2 API on the wire, the way Exosphere calls it ({@code Rest.Manila} in Exosphere): the
 * version document and its microversion range, the {@code X-OpenStack-Manila-API-Version} header
 * both ways, the {@code cephfsnativetype} share type, the project limits, and one share's life:
 * create (2.16, CephFS, {@code exoClientUuid} metadata) → available → export location (2.14) →
 * cephx access rules with their keys (2.45) → revoke one → delete. Each step of the life depends on
 * the ones before it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ManilaApiContract extends CloudContract {
    private static final String SHARE = "sharev2";
    private static final String CLIENT_UUID = "3f0e8a52-1c2d-4e5f-9a8b-7c6d5e4f3a2b";

    private String shareId;
    private String shareName;
    private final List<String> created = new ArrayList<>();

    /** Manila's unversioned root: the catalog's {@code …/v2} (or {@code …/v2/{project}}) without the version. */
    private String root() {
        return member.endpoint(SHARE).replaceFirst("/v2(/.*)?$", "");
    }

    private static int minor(String microversion) {
        return Integer.parseInt(microversion.substring(microversion.indexOf('.') + 1));
    }

    private JsonNode share(String id) {
        return member.get(SHARE, "/shares/" + id, "2.16").expect(200).path("share");
    }

    private JsonNode accessRules() {
        return member.get(SHARE, "/share-access-rules?share_id=" + shareId, "2.45")
                .expect(200)
                .path("access_list");
    }

    private static JsonNode rule(JsonNode rules, String accessTo) {
        for (JsonNode r : rules) {
            if (r.path("access_to").asText().equals(accessTo)) {
                return r;
            }
        }
        return null;
    }

    @Test
    @Order(1)
    void rootListsV2AsCurrentWithAMicroversionRangeThatCoversExosphere() {
        JsonNode versions =
                Rest.send("GET", root() + "/", Map.of(), null).expect(200, 300).path("versions");
        JsonNode v2 = null;
        for (JsonNode v : versions) {
            if (v.path("id").asText().equals("v2.0")) {
                v2 = v;
            }
        }
        assertThat(v2).as("v2.0 in %s", versions).isNotNull();
        assertThat(v2.path("status").asText()).isEqualTo("CURRENT");
        assertThat(v2.path("min_version").asText()).isEqualTo("2.0");
        // Exosphere asks for 2.14, 2.16, 2.42 and 2.45; osbox (Zed) says 2.73
        assertThat(minor(v2.path("version").asText())).isGreaterThanOrEqualTo(45);
    }

    @Test
    @Order(2)
    void answersAtTheRequestedMicroversionAndSaysSoInItsOwnHeader() {
        Rest.Reply r = member.get(SHARE, "/shares/detail", "2.16");
        r.expect(200);
        assertThat(r.header("X-OpenStack-Manila-API-Version")).hasValue("2.16");
        assertThat(r.header("Vary")).hasValueSatisfying(v -> assertThat(v).contains("X-OpenStack-Manila-API-Version"));
    }

    @Test
    @Order(3)
    void refusesAMicroversionAboveItsMaximumWith406WithoutNamingTheRange() {
        Rest.Reply r = member.get(SHARE, "/shares", "2.999");
        assertThat(r.status()).isEqualTo(406);
        // Nova's fault shape, but Manila (Zed) leaves its message template unfilled: a client learns
        // the range from the version document, never from this answer
        JsonNode fault = r.json().path("computeFault");
        assertThat(fault.path("code").asInt()).isEqualTo(406);
        assertThat(fault.path("message").asText())
                .isEqualTo("Version %(req_ver)s is not supported by the API. Minimum is %(min_ver)s and maximum is"
                        + " %(max_ver)s.");
    }

    @Test
    @Order(4)
    void offersThePublicCephfsNativeShareTypeWithoutShareServers() {
        // Exosphere's `defaultShareTypeName`: creation is refused unless a type has exactly this name
        JsonNode types = member.get(SHARE, "/types").expect(200).path("share_types");
        JsonNode cephfs = null;
        for (JsonNode t : types) {
            if (t.path("name").asText().equals("cephfsnativetype")) {
                cephfs = t;
            }
        }
        assertThat(cephfs).as("cephfsnativetype in %s", types).isNotNull();
        assertThat(cephfs.path("required_extra_specs")
                        .path("driver_handles_share_servers")
                        .asText())
                .isEqualToIgnoringCase("false");
    }

    @Test
    @Order(5)
    void reportsTheProjectLimitsExosphereReadsAt242() {
        // Exosphere appends the project id itself: `{manila}/{projectId}/limits`
        JsonNode absolute = member.get(SHARE, "/" + member.projectId() + "/limits", "2.42")
                .expect(200)
                .path("limits")
                .path("absolute");
        for (String key : List.of(
                "maxTotalShares",
                "totalSharesUsed",
                "maxTotalShareGigabytes",
                "totalShareGigabytesUsed",
                "maxTotalShareSnapshots",
                "totalShareSnapshotsUsed",
                "maxTotalSnapshotGigabytes",
                "totalSnapshotGigabytesUsed")) {
            assertThat(absolute.path(key).isInt()).as("%s in %s", key, absolute).isTrue();
        }
    }

    @Test
    @Order(6)
    void answersUnderTheLegacyProjectIdPathToo() {
        // Catalogs differ (`…/v2` or `…/v2/{project_id}`); Manila routes both, at any microversion
        String v2 = root() + "/v2";
        Map<String, String> headers = Map.of("X-Auth-Token", member.token(), "X-OpenStack-Manila-API-Version", "2.16");
        Rest.Reply withId = Rest.send("GET", v2 + "/" + member.projectId() + "/types", headers, null);
        Rest.Reply without = Rest.send("GET", v2 + "/types", headers, null);
        assertThat(withId.expect(200).path("share_types").findValuesAsText("id"))
                .isEqualTo(without.expect(200).path("share_types").findValuesAsText("id"));
    }

    @Test
    @Order(10)
    void createsACephfsShareTheWayExosphereDoesAndItBecomesAvailable() {
        shareName = prefix + "-share";
        ObjectNode body = Rest.JSON.createObjectNode();
        ObjectNode s = body.putObject("share");
        s.put("name", shareName).put("description", "contract suite");
        s.putObject("metadata").put("exoClientUuid", CLIENT_UUID);
        s.put("size", 1).put("share_proto", "CephFS").put("share_type", "cephfsnativetype");
        JsonNode share = member.post(SHARE, "/shares", body, "2.16").expect(200).path("share");
        shareId = share.path("id").asText();
        created.add(shareId);
        assertThat(share.path("status").asText()).isEqualTo("creating");
        assertThat(share.path("share_proto").asText()).isEqualTo("CEPHFS");
        assertThat(share.path("user_id").asText()).as("user_id from 2.16").isEqualTo(member.userId());
        assertThat(share.path("metadata").path("exoClientUuid").asText()).isEqualTo(CLIENT_UUID);

        JsonNode available = await(
                "share " + shareId + " to become available",
                () -> share(shareId),
                sh -> !sh.path("status").asText().equals("creating"));
        assertThat(available.path("status").asText()).isEqualTo("available");
        assertThat(available.path("share_type_name").asText()).isEqualTo("cephfsnativetype");
        assertThat(available.path("is_public").asBoolean()).isFalse();
    }

    @Test
    @Order(11)
    void listsOneCephfsExportLocationWithItsPreferredFlagAt214() {
        JsonNode locations = member.get(SHARE, "/shares/" + shareId + "/export_locations", "2.14")
                .expect(200)
                .path("export_locations");
        assertThat(locations.size()).isEqualTo(1);
        JsonNode location = locations.get(0);
        // the CephFS-native form: monitors, then the subvolume path
        assertThat(location.path("path").asText())
                .matches(
                        "(\\d+\\.\\d+\\.\\d+\\.\\d+:6789,)*\\d+\\.\\d+\\.\\d+\\.\\d+:6789:/volumes/_nogroup/[-0-9a-f]+/[-0-9a-f]+");
        assertThat(location.path("preferred").isBoolean())
                .as("preferred from 2.14")
                .isTrue();
        assertThat(location.path("id").asText()).isNotBlank();
    }

    @Test
    @Order(12)
    void grantsCephxReadWriteAndReadOnlyRulesWhoseKeysAppearOnceApplied() {
        for (String level : List.of("rw", "ro")) {
            ObjectNode body = Rest.JSON.createObjectNode();
            body.putObject("allow_access")
                    .put("access_level", level)
                    .put("access_type", "cephx")
                    .put("access_to", shareName + "-" + level);
            JsonNode access = member.post(SHARE, "/shares/" + shareId + "/action", body, "2.45")
                    .expect(200)
                    .path("access");
            assertThat(access.path("access_to").asText()).isEqualTo(shareName + "-" + level);
            assertThat(access.path("access_level").asText()).isEqualTo(level);
            assertThat(access.path("state").asText()).isEqualTo("queued_to_apply");
            assertThat(access.path("access_key").isNull())
                    .as("no key before the rule is applied")
                    .isTrue();
        }
        JsonNode rules = await(
                "both rules of share " + shareId + " to be active",
                this::accessRules,
                list -> list.size() == 2
                        && list.findValuesAsText("state").stream().allMatch(st -> !st.contains("apply")));
        for (String level : List.of("rw", "ro")) {
            JsonNode r = rule(rules, shareName + "-" + level);
            assertThat(r).as("rule %s-%s in %s", shareName, level, rules).isNotNull();
            assertThat(r.path("state").asText()).isEqualTo("active");
            assertThat(r.path("access_type").asText()).isEqualTo("cephx");
            String key = r.path("access_key").asText();
            // a Ceph secret: base64 of 28 bytes (type 1, creation time, length 16, 16 random bytes)
            assertThat(key).hasSize(40).startsWith("AQ");
            assertThat(Base64.getDecoder().decode(key)).hasSize(28);
            assertThat(r.path("created_at").asText()).isNotBlank();
        }
    }

    @Test
    @Order(13)
    void revokesOneRuleAndKeepsTheOther() {
        String ro = rule(accessRules(), shareName + "-ro").path("id").asText();
        ObjectNode body = Rest.JSON.createObjectNode();
        body.putObject("deny_access").put("access_id", ro);
        member.post(SHARE, "/shares/" + shareId + "/action", body, "2.45").expect(202);
        JsonNode rules = await("rule " + ro + " to go", this::accessRules, list -> list.size() == 1);
        assertThat(rules.get(0).path("access_to").asText()).isEqualTo(shareName + "-rw");
    }

    @Test
    @Order(20)
    void deletesTheShareWithItsRulesAndItIsGone() {
        member.delete(SHARE, "/shares/" + shareId).expect(202);
        int status = await(
                "share " + shareId + " to go",
                () -> member.get(SHARE, "/shares/" + shareId, "2.16").status(),
                st -> st == 404);
        assertThat(status).isEqualTo(404);
        created.remove(shareId);
    }

    /** A failed step must not leave shares behind for the next run; any left is reported. */
    @AfterAll
    void deleteWhatAFailedStepLeftBehind() {
        for (String id : created) {
            member.delete(SHARE, "/shares/" + id);
        }
        assertThat(created).as("shares left by a failed step (deleted now)").isEmpty();
    }
}
