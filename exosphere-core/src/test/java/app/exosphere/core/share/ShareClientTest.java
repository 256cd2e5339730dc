package app.exosphere.core.share;

import static app.exosphere.core.FakeCloud.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.FakeCloud;
import app.exosphere.core.Samples;
import app.exosphere.core.error.InvalidShareRequestException;
import app.exosphere.core.error.MicroversionNotSupportedException;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShareClientTest {
    private static final String BASE = "/share/v2/" + FakeCloud.PROJECT_ID;
    private final FakeCloud cloud = new FakeCloud();
    private final ShareClient manila = cloud.openStack().share();

    @AfterEach
    void close() {
        cloud.close();
    }

    private static String path(RecordedRequest r) {
        return r.getUrl().encodedPath();
    }

    private static String version(RecordedRequest r) {
        return r.getHeaders().get("X-OpenStack-Manila-API-Version");
    }

    private String sharePage(int n, int size, boolean next) {
        ObjectNode p = (ObjectNode) Samples.json("manila/shares-list-detailed-response.json");
        JsonNode template = p.get("shares").get(1);
        ArrayNode shares = p.putArray("shares");
        for (int i = 1; i <= size; i++) {
            shares.add(((ObjectNode) template.deepCopy()).put("id", "share-" + n + "-" + i));
        }
        if (next) {
            p.putArray("shares_links")
                    .addObject()
                    .put("rel", "next")
                    .put("href", cloud.base() + BASE + "/shares/detail?limit=2&offset=" + (n * 2));
        }
        return p.toString();
    }

    @Test
    void decodesTheUpstreamShareListSampleWithTheFieldsTheWebAppReads() {
        cloud.replySample(200, "manila/shares-list-detailed-response.json");
        List<Share> shares = manila.shares().list().all().execute();
        RecordedRequest r = cloud.take();
        assertThat(path(r)).isEqualTo(BASE + "/shares/detail");
        assertThat(version(r)).isEqualTo("2.16");
        assertThat(shares).hasSize(2);
        Share first = shares.get(0);
        assertThat(first.id()).isEqualTo("f45cc5b2-d1bb-4a3e-ba5b-5c4125613adc");
        assertThat(first.name()).isEqualTo("my_share4");
        assertThat(first.status()).isEqualTo(ShareStatus.ERROR);
        assertThat(first.sizeGb()).isEqualTo(1);
        assertThat(first.userId()).contains("66ffd308757e44b9a8bec381322b0b88");
        assertThat(first.isPublic()).isTrue();
        assertThat(first.protocol()).contains("NFS");
        assertThat(first.isCephFs()).isFalse();
        assertThat(first.shareTypeName()).contains("default");
        assertThat(first.createdAt()).contains(Instant.parse("2015-09-16T18:19:50Z"));
        assertThat(shares.get(1).status()).isEqualTo(ShareStatus.AVAILABLE);
    }

    @Test
    void listsSharesLazilyAcrossPagesFollowingManilasNextLinks() {
        cloud.reply(200, sharePage(1, 2, true))
                .reply(200, sharePage(2, 2, true))
                .reply(200, sharePage(3, 1, false));
        var pages = manila.shares().list(Map.of("status", "available"), 2);
        assertThat(cloud.idle()).isTrue();
        assertThat(pages.stream().map(Share::id).toList())
                .containsExactly("share-1-1", "share-1-2", "share-2-1", "share-2-2", "share-3-1");
        RecordedRequest first = cloud.take();
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
        assertThat(first.getUrl().queryParameter("status")).isEqualTo("available");
        RecordedRequest second = cloud.take();
        assertThat(second.getUrl().queryParameter("offset")).isEqualTo("2");
        assertThat(version(second)).isEqualTo("2.16");
        assertThat(cloud.take().getUrl().queryParameter("offset")).isEqualTo("4");
    }

    @Test
    void createsAShareWithTheWebAppsBodyAndReadsTheSampleAnswerWhoseStatusIsStillNull() {
        cloud.replySample(200, "manila/share-create-response.json");
        Share s = manila.shares()
                .create(ShareCreateRequest.builder()
                        .name("share_London")
                        .description("My custom share London")
                        .putMetadata("exoClientUuid", "c0ffee")
                        .sizeGb(1)
                        .shareType("cephfsnativetype")
                        .build())
                .execute();
        RecordedRequest c = cloud.take();
        assertThat(c.getMethod()).isEqualTo("POST");
        assertThat(path(c)).isEqualTo(BASE + "/shares");
        assertThat(version(c)).isEqualTo("2.16");
        // member order as the web app writes it (OpenStack.Shares.requestCreateShare)
        assertThat(body(c))
                .isEqualTo("{\"share\":{\"name\":\"share_London\",\"description\":\"My custom share London\","
                        + "\"metadata\":{\"exoClientUuid\":\"c0ffee\"},\"size\":1,\"share_proto\":\"CephFS\","
                        + "\"share_type\":\"cephfsnativetype\"}}");
        assertThat(s.id()).isEqualTo("011d21e2-fbc3-4e4a-9993-9ea223f73264");
        assertThat(s.statusText()).isEmpty();
        assertThat(s.status()).isEqualTo(ShareStatus.CREATING);
        assertThat(s.metadata()).containsEntry("project", "my_app");
    }

    @Test
    void getsExtendsShrinksAndDeletesAShare() {
        cloud.replySample(200, "manila/share-show-response.json");
        Share s = manila.shares().get("011d21e2").execute();
        assertThat(path(cloud.take())).isEqualTo(BASE + "/shares/011d21e2");
        assertThat(s.status()).isEqualTo(ShareStatus.AVAILABLE);

        cloud.replyEmpty(202);
        manila.shares().extend("011d21e2", 2).execute();
        RecordedRequest e = cloud.take();
        assertThat(path(e)).isEqualTo(BASE + "/shares/011d21e2/action");
        // the sample also sends "force", an administrator-only flag a project member must not send
        JsonNode sample =
                Samples.json("manila/share-actions-extend-request.json").get("extend");
        assertThat(ServiceJson.tree(body(e)).get("extend").get("new_size")).isEqualTo(sample.get("new_size"));
        assertThat(ServiceJson.tree(body(e)).get("extend").has("force")).isFalse();

        cloud.replyEmpty(202);
        manila.shares().shrink("011d21e2", 1).execute();
        assertThat(ServiceJson.tree(body(cloud.take()))).isEqualTo(ServiceJson.tree("{\"shrink\":{\"new_size\":1}}"));

        cloud.replyEmpty(202);
        manila.shares().delete("011d21e2").execute();
        RecordedRequest d = cloud.take();
        assertThat(d.getMethod()).isEqualTo("DELETE");
        assertThat(path(d)).isEqualTo(BASE + "/shares/011d21e2");
        assertThat(version(d))
                .as("delete is sent at the base version, as the web app")
                .isNull();
    }

    @Test
    void refusesASizeBelowOneGigabyteBeforeSendingAnything() {
        assertThatThrownBy(
                        () -> ShareCreateRequest.builder().name("x").sizeGb(0).build())
                .isInstanceOf(InvalidShareRequestException.class)
                .hasMessageContaining("at least 1 GB");
        assertThatThrownBy(() -> manila.shares().extend("s", 0).execute())
                .isInstanceOf(InvalidShareRequestException.class);
        assertThat(cloud.idle()).isTrue();
    }

    @Test
    void listsAccessRulesWithKeysAsSecretsAndGrantsAndRevokesRules() {
        cloud.replySample(200, "manila/share-access-rules-list-response.json");
        List<AccessRule> rules = manila.shares().accessRules("406ea93b").execute();
        RecordedRequest l = cloud.take();
        assertThat(path(l)).isEqualTo(BASE + "/share-access-rules");
        assertThat(l.getUrl().queryParameter("share_id")).isEqualTo("406ea93b");
        assertThat(version(l)).isEqualTo("2.45");
        assertThat(rules).extracting(AccessRule::state).containsExactly(AccessRuleState.ERROR, AccessRuleState.ACTIVE);
        assertThat(rules.get(1).accessTo()).isEqualTo("0.0.0.0/0");
        assertThat(rules.get(1).level()).contains(AccessLevel.RW);
        assertThat(rules.get(1).accessKey()).isEmpty();

        JsonNode grant =
                Samples.json("manila/share-actions-grant-access-request.json").get("allow_access");
        cloud.replySample(200, "manila/share-actions-grant-access-response.json");
        AccessRule created = manila.shares()
                .grantAccess(
                        "406ea93b",
                        new AccessRuleRequest(
                                grant.get("access_type").asText(),
                                grant.get("access_to").asText(),
                                AccessLevel.valueOf(
                                        grant.get("access_level").asText().toUpperCase())))
                .execute();
        RecordedRequest g = cloud.take();
        assertThat(path(g)).isEqualTo(BASE + "/shares/406ea93b/action");
        assertThat(version(g)).isEqualTo("2.45");
        JsonNode sent = ServiceJson.tree(body(g)).get("allow_access");
        assertThat(sent.get("access_type")).isEqualTo(grant.get("access_type"));
        assertThat(sent.get("access_to")).isEqualTo(grant.get("access_to"));
        assertThat(sent.get("access_level")).isEqualTo(grant.get("access_level"));
        assertThat(created.id()).isEqualTo("a25b2df3-90bd-4add-afa6-5f0dbbd50452");
        assertThat(created.shareId()).contains("406ea93b-32e9-4907-a117-148b3945749f");

        cloud.replyEmpty(202);
        manila.shares()
                .revokeAccess("406ea93b", "a25b2df3-90bd-4add-afa6-5f0dbbd50452")
                .execute();
        JsonNode revoke = ServiceJson.tree(body(cloud.take()));
        assertThat(revoke.get("deny_access").get("access_id").asText())
                .isEqualTo("a25b2df3-90bd-4add-afa6-5f0dbbd50452");
        assertThat(Samples.json("manila/share-actions-revoke-access-request.json")
                        .get("deny_access")
                        .has("access_id"))
                .isTrue();
    }

    @Test
    void aCephxAccessKeyIsASecretThatNeverShowsInToString() {
        ObjectNode rule = (ObjectNode) Samples.json("manila/share-actions-grant-access-response.json");
        ((ObjectNode) rule.get("access")).put("access_type", "cephx").put("access_key", "AQBsecretkey==");
        cloud.reply(200, rule.toString());
        AccessRule r = manila.shares()
                .grantAccess("s", AccessRuleRequest.cephx("lab-rw", AccessLevel.RW))
                .execute();
        cloud.take();
        assertThat(r.isCephx()).isTrue();
        assertThat(r.accessKey().orElseThrow().reveal()).isEqualTo("AQBsecretkey==");
        assertThat(r.toString()).doesNotContain("AQBsecretkey");
    }

    @Test
    void refusesACephxIdThatCephWouldRejectWithAMessageSayingWhatToUse() {
        assertThatThrownBy(() -> AccessRuleRequest.cephx("My Shared Data-rw", AccessLevel.RW))
                .isInstanceOf(InvalidShareRequestException.class)
                .hasMessageContaining("letters, digits");
    }

    @Test
    void readsExportLocationsTypesAndLimitsAtTheirMicroversions() {
        cloud.replySample(200, "manila/export-location-list-response.json");
        List<ExportLocation> where = manila.shares().exportLocations("e1c2").execute();
        RecordedRequest e = cloud.take();
        assertThat(path(e)).isEqualTo(BASE + "/shares/e1c2/export_locations");
        assertThat(version(e)).isEqualTo("2.14");
        assertThat(where)
                .extracting(ExportLocation::path)
                .containsExactly(
                        "10.254.0.3:/shares/share-e1c2d35e-fe67-4028-ad7a-45f668732b1d",
                        "10.0.0.3:/shares/share-e1c2d35e-fe67-4028-ad7a-45f668732b1d");
        assertThat(where.get(1).adminOnly()).isTrue();

        cloud.replySample(200, "manila/share-types-list-response.json");
        List<ShareType> types = manila.types().all().execute();
        RecordedRequest t = cloud.take();
        assertThat(path(t)).isEqualTo(BASE + "/types");
        assertThat(types).extracting(ShareType::name).containsExactly("default", "testing");
        assertThat(types.get(0).isDefault()).isTrue();
        assertThat(types.get(0).driverHandlesShareServers()).contains(true);

        cloud.replySample(200, "manila/limits-response.json");
        ShareLimits limits = manila.limits().execute();
        RecordedRequest l = cloud.take();
        assertThat(path(l)).isEqualTo(BASE + "/limits");
        assertThat(version(l)).isEqualTo("2.42");
        assertThat(limits.shares().limit()).isEqualTo(50);
        assertThat(limits.gigabytes().limit()).isEqualTo(1000);
        assertThat(limits.snapshotGigabytes().used()).isZero();
        assertThat(limits.replicas().orElseThrow().limit()).isEqualTo(100);
    }

    @Test
    void aCloudWhoseManilaStopsAtTheSamplesTwoFifteenRefusesTheCreateBeforeSendingIt() {
        cloud.manilaMaxVersion("2.15");
        assertThatThrownBy(() -> manila.shares()
                        .create(ShareCreateRequest.builder().name("x").sizeGb(1).build())
                        .execute())
                .isInstanceOf(MicroversionNotSupportedException.class)
                .hasMessageContaining("2.16");
        assertThat(cloud.idle()).isTrue();
    }
}
