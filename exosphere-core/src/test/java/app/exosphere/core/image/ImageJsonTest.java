package app.exosphere.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.Samples;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImageJsonTest {

    @Test
    void parsesShowSampleSchemaFieldsTyped() {
        Image img = ServiceJson.convert(Samples.json("glance/image-show-response.json"), Image.class);
        assertThat(img.id()).isEqualTo("1bea47ed-f6a9-463b-b423-14b9cca9ad27");
        assertThat(img.status().is(ImageStatus.Known.ACTIVE)).isTrue();
        assertThat(img.visibility()).contains("public");
        assertThat(img.size()).contains(13167616L);
        assertThat(img.virtualSize()).isEmpty();
        assertThat(img.createdAt()).contains(Instant.parse("2014-05-05T17:15:10Z"));
        assertThat(img.properties()).containsKeys("self", "file", "schema", "os_hash_algo");
    }

    @Test
    void exposesFreeFormPropertiesIncludingExosphereOnes() {
        JsonNode n = Samples.json("glance/image-show-response.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) n)
                .put("os_distro", "ubuntu")
                .put("os_version", "24.04")
                .put("exoDesktopMessage", "")
                .putNull("hw_rng_model");
        Image img = ServiceJson.convert(n, Image.class);
        assertThat(img.osDistro()).contains("ubuntu");
        assertThat(img.osVersion()).contains("24.04");
        assertThat(img.exoDesktopMessage()).contains("");
        assertThat(img.properties()).containsEntry("hw_rng_model", null);
        assertThat(img.property("hw_rng_model")).isEmpty();
    }

    @Test
    void parsesDeactivatedImageAndKeepsUnknownStatusRaw() {
        Image img = ServiceJson.convert(Samples.json("glance/image-details-deactivate-response.json"), Image.class);
        assertThat(img.status().is(ImageStatus.Known.DEACTIVATED)).isTrue();
        assertThat(ImageStatus.of("warming_up").known()).isEmpty();
        assertThat(ImageStatus.of("warming_up").raw()).isEqualTo("warming_up");
    }
}
