package app.exosphere.core.volume;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.Samples;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class VolumeJsonTest {

    @Test
    void parsesHighestMicroversionVolumeShow() {
        Volume v = Samples.read("cinder/volumes__v3.69__volume-show-response.json", "volume", Volume.class);
        assertThat(v.id()).isEqualTo("f7223234-1afc-4d19-bfa3-d19deb6235ef");
        assertThat(v.name()).isEmpty();
        assertThat(v.status().is(VolumeStatus.Known.CREATING)).isTrue();
        assertThat(v.sizeGb()).isEqualTo(10);
        assertThat(v.bootable()).isFalse();
        assertThat(v.volumeType()).contains("__DEFAULT__");
        assertThat(v.projectId()).contains("89afd400-b646-4bbc-b12b-c0a4d63e5bd3");
        assertThat(v.createdAt()).isPresent();
    }

    @Test
    void parsesListDetailWithAttachmentsFromBaseAndLatestVariant() {
        for (String sample : new String[] {
            "cinder/volumes__volumes-list-detailed-response.json",
            "cinder/volumes__v3.69__volumes-list-detailed-response.json"
        }) {
            for (JsonNode n : Samples.json(sample).get("volumes")) {
                Volume v = ServiceJson.convert(n, Volume.class);
                assertThat(v.status().known()).as(sample).isPresent();
                v.attachments().forEach(a -> assertThat(a.serverId()).isNotBlank());
            }
        }
    }

    @Test
    void decodesCindersStringBooleans() {
        Volume v = ServiceJson.convert(
                ServiceJson.tree("{\"id\":\"v\",\"status\":\"in-use\",\"size\":1,\"bootable\":\"true\"}"),
                Volume.class);
        assertThat(v.bootable()).isTrue();
        assertThat(v.status().is(VolumeStatus.Known.IN_USE)).isTrue();
    }

    @Test
    void parsesInUseStatusWithHyphenAndKeepsUnknownRaw() {
        assertThat(VolumeStatus.of("in-use").known()).contains(VolumeStatus.Known.IN_USE);
        assertThat(VolumeStatus.of(VolumeStatus.Known.IN_USE).raw()).isEqualTo("in-use");
        assertThat(VolumeStatus.of(VolumeStatus.Known.ERROR_DELETING).raw()).isEqualTo("error_deleting");
        assertThat(VolumeStatus.of("defragmenting").known()).isEmpty();
        assertThat(VolumeStatus.of("defragmenting").raw()).isEqualTo("defragmenting");
    }

    @Test
    void parsesAttachmentsTypesAndLimits() {
        Attachment a = Samples.read("cinder/attachment-show-response.json", "attachment", Attachment.class);
        assertThat(a.volumeId()).isEqualTo("462dcc2d-130d-4654-8db1-da0df2da6a0d");
        assertThat(a.serverId()).contains("3b8b6631-1cf7-4fd7-9afb-c01e541as345");
        VolumeType t =
                Samples.read("cinder/volume_type__volume-type-show-response.json", "volume_type", VolumeType.class);
        assertThat(t.name()).isNotBlank();
        VolumeLimits l = Samples.read("cinder/limits__limits-show-response.json", "limits", VolumeLimits.class);
        assertThat(l.volumes().used()).isZero();
        assertThat(l.volumes().limit()).isEqualTo(10);
        assertThat(l.gigabytes().limit()).isEqualTo(1000);
    }

    @Test
    void serializesCreateRequestLikeTheSampleOmittingNullMembers() {
        JsonNode sample =
                Samples.json("cinder/volumes__volume-create-request.json").get("volume");
        VolumeCreateRequest req = VolumeCreateRequest.builder()
                .sizeGb(sample.get("size").asInt())
                .multiattach(sample.get("multiattach").asBoolean())
                .build();
        com.fasterxml.jackson.databind.node.ObjectNode expected = ServiceJson.object();
        sample.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()
                    && !(e.getValue().isObject() && e.getValue().isEmpty())) {
                expected.set(e.getKey(), e.getValue());
            }
        });
        assertThat(req.toJson().get("volume")).isEqualTo(expected);
    }
}
