package app.exosphere.core.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.Samples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerCreateRequestTest {

    private static List<String> memberNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void serializesVolumeBackedCreateExactlyLikeExosphere() {
        // Exosphere's `Rest.Nova.requestCreateServer`: member order, string-typed boot_index and volume_size
        ServerCreateRequest req = ServerCreateRequest.builder()
                .name("my-server")
                .addBlockDeviceMappings(BlockDeviceMapping.bootVolumeFromImage("img-1", 20, true))
                .keyName("laptop")
                .flavorRef("flv-1")
                .networks(NetworkSelection.of(ServerNetwork.network("net-1")))
                .userData("#cloud-config\n")
                .addSecurityGroups("exosphere")
                .putMetadata("exoServerVersion", "5")
                .build();
        JsonNode s = req.toJson().get("server");
        assertThat(memberNames(s))
                .containsExactly(
                        "block_device_mapping_v2",
                        "key_name",
                        "name",
                        "flavorRef",
                        "networks",
                        "user_data",
                        "security_groups",
                        "metadata");
        assertThat(s.get("block_device_mapping_v2").toString())
                .isEqualTo("[{\"boot_index\":\"0\",\"uuid\":\"img-1\",\"source_type\":\"image\","
                        + "\"volume_size\":\"20\",\"destination_type\":\"volume\",\"delete_on_termination\":true}]");
        assertThat(s.get("networks").toString()).isEqualTo("[{\"uuid\":\"net-1\"}]");
        assertThat(new String(Base64.getDecoder().decode(s.get("user_data").asText()), StandardCharsets.UTF_8))
                .isEqualTo("#cloud-config\n");
        assertThat(s.get("security_groups").toString()).isEqualTo("[{\"name\":\"exosphere\"}]");
        assertThat(req.requiredMicroversion()).isEmpty();
    }

    @Test
    void reproducesTheUpstreamV257CreateSampleMembers() {
        JsonNode sample =
                Samples.json("nova/servers__server-create-req-v257.json").get("server");
        String userData =
                new String(Base64.getDecoder().decode(sample.get("user_data").asText()), StandardCharsets.UTF_8);
        ServerCreateRequest req = ServerCreateRequest.builder()
                .name(sample.get("name").asText())
                .imageRef(sample.get("imageRef").asText())
                .flavorRef(sample.get("flavorRef").asText())
                .availabilityZone(sample.get("availability_zone").asText())
                .putMetadata("My Server Name", "Apache1")
                .addSecurityGroups("default")
                .userData(userData)
                .networks(NetworkSelection.auto())
                .build();
        ObjectNode expected = sample.deepCopy();
        expected.remove(List.of("accessIPv4", "accessIPv6", "OS-DCF:diskConfig"));
        ObjectNode actual = (ObjectNode) req.toJson().get("server");
        assertThat(actual).isEqualTo(expected);
        assertThat(req.requiredMicroversion()).contains("2.37");
    }

    @Test
    void requiresMicroversion252ForTagsAtCreate() {
        ServerCreateRequest req = ServerCreateRequest.builder()
                .name("a")
                .imageRef("i")
                .flavorRef("f")
                .networks(NetworkSelection.none())
                .addTags("exoPw:correct horse")
                .build();
        assertThat(req.requiredMicroversion()).contains("2.52");
        assertThat(req.toJson().get("server").get("tags").get(0).asText()).isEqualTo("exoPw:correct horse");
        assertThat(req.toJson().get("server").get("networks").asText()).isEqualTo("none");
    }

    @Test
    void rejectsContradictoryOrIncompleteRequestsWithClearMessages() {
        assertThatThrownBy(() ->
                        ServerCreateRequest.builder().name("a").flavorRef("f").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("imageRef");
        assertThatThrownBy(() -> ServerCreateRequest.builder()
                        .name("a")
                        .flavorRef("f")
                        .imageRef("i")
                        .addBlockDeviceMappings(BlockDeviceMapping.bootFromVolume("v", false))
                        .build())
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> ServerCreateRequest.builder()
                        .name(" ")
                        .flavorRef("f")
                        .imageRef("i")
                        .build())
                .hasMessageContaining("name");
        assertThatThrownBy(() -> ServerCreateRequest.builder()
                        .name("a")
                        .flavorRef("f")
                        .imageRef("i")
                        .userData("x".repeat(60000))
                        .build())
                .hasMessageContaining("65535")
                .message()
                .doesNotContain("xxxx");
    }

    @Test
    void neverPrintsUserDataInToString() {
        ServerCreateRequest req = ServerCreateRequest.builder()
                .name("a")
                .imageRef("i")
                .flavorRef("f")
                .userData("secret-passphrase")
                .build();
        assertThat(req.toString()).doesNotContain("secret-passphrase");
    }
}
