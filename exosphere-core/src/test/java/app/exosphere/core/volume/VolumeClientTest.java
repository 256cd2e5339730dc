package app.exosphere.core.volume;

import static app.exosphere.core.FakeCloud.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.FakeCloud;
import app.exosphere.core.Samples;
import app.exosphere.core.error.BadRequestException;
import app.exosphere.core.internal.json.ServiceJson;
import app.exosphere.core.quota.QuotaUsage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VolumeClientTest {
    private final FakeCloud cloud = new FakeCloud();
    private final VolumeClient cinder = cloud.openStack().volume();

    @AfterEach
    void close() {
        cloud.close();
    }

    private static String path(RecordedRequest r) {
        return r.getUrl().encodedPath();
    }

    /** Cinder's negotiated microversion: the cloud's 3.71 (versions sample). */
    private static void assertNegotiated(RecordedRequest r) {
        assertThat(r.getHeaders().get("OpenStack-API-Version")).isEqualTo("volume 3.71");
    }

    private String volumePage(int n, int size, boolean next) {
        ObjectNode p = (ObjectNode) Samples.json("cinder/volumes__v3.69__volumes-list-detailed-response.json");
        JsonNode template = p.get("volumes").get(0);
        ArrayNode vols = p.putArray("volumes");
        for (int i = 1; i <= size; i++) {
            vols.add(((ObjectNode) template.deepCopy()).put("id", "vol-" + n + "-" + i));
        }
        if (next) {
            p.putArray("volumes_links")
                    .addObject()
                    .put("rel", "next")
                    .put("href", cloud.base() + "/volume/v3/volumes/detail?limit=2&marker=vol-" + n + "-2");
        }
        return p.toString();
    }

    @Test
    void listsVolumeDetailsLazilyAcrossThreePagesAtTheNegotiatedMicroversion() {
        cloud.reply(200, volumePage(1, 2, true))
                .reply(200, volumePage(2, 2, true))
                .reply(200, volumePage(3, 1, false));
        var vols = cinder.volumes().list(Map.of("status", "available"), 2);
        assertThat(cloud.idle()).isTrue();
        assertThat(vols.stream().map(Volume::id).toList())
                .containsExactly("vol-1-1", "vol-1-2", "vol-2-1", "vol-2-2", "vol-3-1");
        RecordedRequest first = cloud.take();
        assertThat(path(first)).isEqualTo("/volume/v3/volumes/detail");
        assertThat(first.getUrl().queryParameter("status")).isEqualTo("available");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
        assertNegotiated(first);
        assertThat(cloud.take().getUrl().queryParameter("marker")).isEqualTo("vol-1-2");
        assertThat(cloud.take().getUrl().queryParameter("marker")).isEqualTo("vol-2-2");
        assertThat(cloud.idle()).isTrue();
    }

    @Test
    void createsGetsUpdatesExtendsAndDeletesVolumes() throws Exception {
        cloud.replySample(202, "cinder/volumes__v3.69__volume-create-response.json");
        Volume v = cinder.volumes()
                .create(VolumeCreateRequest.builder().sizeGb(10).name("data").build())
                .execute();
        RecordedRequest c = cloud.take();
        assertThat(c.getMethod()).isEqualTo("POST");
        assertThat(path(c)).isEqualTo("/volume/v3/volumes");
        assertNegotiated(c);
        assertThat(ServiceJson.tree(body(c)))
                .isEqualTo(ServiceJson.tree("{\"volume\":{\"size\":10,\"name\":\"data\"}}"));
        assertThat(v.status().is(VolumeStatus.Known.CREATING)).isTrue();

        cloud.replySample(200, "cinder/volumes__v3.69__volume-show-response.json");
        assertThat(cinder.volumes().get("f7223234").executeAsync().get().sizeGb())
                .isEqualTo(10);
        assertThat(path(cloud.take())).isEqualTo("/volume/v3/volumes/f7223234");

        JsonNode upd =
                Samples.json("cinder/volumes__volume-update-request.json").get("volume");
        cloud.replySample(200, "cinder/volumes__v3.69__volume-update-response.json");
        cinder.volumes()
                .update(
                        "f7223234",
                        upd.get("name").asText(),
                        upd.get("description").asText())
                .execute();
        RecordedRequest u = cloud.take();
        assertThat(u.getMethod()).isEqualTo("PUT");
        assertThat(ServiceJson.tree(body(u)).get("volume").get("name")).isEqualTo(upd.get("name"));
        assertThat(ServiceJson.tree(body(u)).get("volume").get("description")).isEqualTo(upd.get("description"));

        cloud.replyEmpty(202);
        cinder.volumes().extend("f7223234", 3).execute();
        RecordedRequest e = cloud.take();
        assertThat(path(e)).isEqualTo("/volume/v3/volumes/f7223234/action");
        assertThat(ServiceJson.tree(body(e))).isEqualTo(Samples.json("cinder/volume-extend-request.json"));

        cloud.replyEmpty(202);
        cinder.volumes().delete("f7223234").execute();
        RecordedRequest d = cloud.take();
        assertThat(d.getMethod()).isEqualTo("DELETE");
        assertThat(path(d)).isEqualTo("/volume/v3/volumes/f7223234");
    }

    @Test
    void readsTypesAttachmentsLimitsAndQuotaUsage() {
        cloud.replySample(200, "cinder/volume_type__volume-types-list-response.json");
        assertThat(cinder.types().toList()).isNotEmpty();
        assertThat(path(cloud.take())).isEqualTo("/volume/v3/types");

        cloud.replySample(200, "cinder/attachment-list-detailed-response.json");
        assertThat(cinder.attachments().list(Map.of("volume_id", "v")).toList()).isNotEmpty();
        RecordedRequest a = cloud.take();
        assertThat(path(a)).isEqualTo("/volume/v3/attachments/detail");
        assertNegotiated(a);
        cloud.replySample(200, "cinder/attachment-show-response.json");
        assertThat(cinder.attachments().get("att-1").execute().volumeId()).isNotBlank();
        cloud.take();

        cloud.replySample(200, "cinder/limits__limits-show-response.json");
        assertThat(cinder.limits().execute().gigabytes()).isEqualTo(QuotaUsage.of(0, 1000));
        assertThat(path(cloud.take())).isEqualTo("/volume/v3/limits");

        cloud.replySample(200, "cinder/quota_sets__quotas-show-usage-response.json");
        Map<String, QuotaUsage> q = cinder.quotaUsage("proj").execute();
        RecordedRequest r = cloud.take();
        assertThat(path(r)).isEqualTo("/volume/v3/os-quota-sets/proj");
        assertThat(r.getUrl().queryParameter("usage")).isEqualTo("true");
        assertThat(q.get("backups")).isEqualTo(QuotaUsage.of(0, 10));
    }

    @Test
    void reportsCinderFaultsTyped() {
        cloud.reply(
                400,
                "{\"badRequest\":{\"code\":400,\"message\":\"New size for extend must be greater than current size.\"}}");
        assertThatThrownBy(() -> cinder.volumes().extend("v", 1).execute())
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("greater than current size");
        cloud.take();
    }
}
