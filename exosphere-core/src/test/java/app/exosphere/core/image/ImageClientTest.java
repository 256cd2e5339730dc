package app.exosphere.core.image;

import static app.exosphere.core.FakeCloud.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.FakeCloud;
import app.exosphere.core.Samples;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageClientTest {
    private final FakeCloud cloud = new FakeCloud();
    private final ImageClient glance = cloud.openStack().image();

    @AfterEach
    void close() {
        cloud.close();
    }

    /** Page {@code n} built from the upstream list sample; Glance's root-relative {@code next} link when asked. */
    private static String page(int n, boolean next) {
        ObjectNode p = (ObjectNode) Samples.json("glance/images-list-response.json");
        ArrayNode images = (ArrayNode) p.get("images");
        for (int i = 0; i < images.size(); i++) {
            ((ObjectNode) images.get(i)).put("id", "img-" + n + "-" + (i + 1));
        }
        if (next) {
            p.put("next", "/v2/images?limit=2&visibility=public&marker=img-" + n + "-2");
        }
        return p.toString();
    }

    @Test
    void listsImagesWithFiltersLazilyAcrossThreePagesFollowingGlanceNextLinks() {
        cloud.reply(200, page(1, true)).reply(200, page(2, true)).reply(200, page(3, false));

        var images = glance.list(ImageListOptions.builder()
                .visibility("public")
                .status("active")
                .name("Ubuntu")
                .owner("5ef7")
                .addTags("featured", "gpu")
                .putProperties("os_distro", "ubuntu")
                .pageSize(2)
                .build());
        assertThat(cloud.idle()).isTrue();
        List<String> ids = images.stream().map(Image::id).toList();

        assertThat(ids).containsExactly("img-1-1", "img-1-2", "img-2-1", "img-2-2", "img-3-1", "img-3-2");
        RecordedRequest first = cloud.take();
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getUrl().encodedPath()).isEqualTo("/image/v2/images");
        assertThat(first.getUrl().queryParameter("visibility")).isEqualTo("public");
        assertThat(first.getUrl().queryParameter("status")).isEqualTo("active");
        assertThat(first.getUrl().queryParameter("name")).isEqualTo("Ubuntu");
        assertThat(first.getUrl().queryParameter("owner")).isEqualTo("5ef7");
        assertThat(first.getUrl().queryParameterValues("tag")).containsExactly("featured", "gpu");
        assertThat(first.getUrl().queryParameter("os_distro")).isEqualTo("ubuntu");
        assertThat(first.getUrl().queryParameter("limit")).isEqualTo("2");
        RecordedRequest second = cloud.take();
        assertThat(second.getUrl().encodedPath()).isEqualTo("/image/v2/images");
        assertThat(second.getUrl().queryParameter("marker")).isEqualTo("img-1-2");
        assertThat(cloud.take().getUrl().queryParameter("marker")).isEqualTo("img-2-2");
        assertThat(cloud.idle()).isTrue();
    }

    @Test
    void getsAnImageFromTheShowSample() throws Exception {
        cloud.replySample(200, "glance/image-show-response.json");
        Image img = glance.get("1bea47ed-f6a9-463b-b423-14b9cca9ad27")
                .executeAsync()
                .get();
        assertThat(cloud.take().getUrl().encodedPath())
                .isEqualTo("/image/v2/images/1bea47ed-f6a9-463b-b423-14b9cca9ad27");
        assertThat(img.name()).isEqualTo("cirros-0.3.2-x86_64-disk");
    }

    @Test
    void patchesWithTheGlanceJsonPatchMediaTypeLikeTheSample() {
        cloud.replySample(200, "glance/image-update-response.json");
        Image updated = glance.update(
                        "img-1",
                        ImageUpdate.builder()
                                .replace("name", "Fedora 17")
                                .replaceTags(List.of("fedora", "beefy"))
                                .build())
                .execute();
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("PATCH");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/image/v2/images/img-1");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/openstack-images-v2.1-json-patch");
        assertThat(ServiceJson.tree(body(r))).isEqualTo(Samples.json("glance/image-update-request.json"));
        assertThat(updated.name()).isEqualTo("Fedora 17");
    }

    @Test
    void changesVisibilityWithTheWebAppsSingleReplaceOperation() {
        cloud.replySample(200, "glance/image-update-response.json");
        glance.setVisibility("img-1", ImageVisibility.COMMUNITY).execute();
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("PATCH");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/image/v2/images/img-1");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/openstack-images-v2.1-json-patch");
        // Exosphere's Rest.Glance.requestChangeVisibility
        assertThat(body(r)).isEqualTo("[{\"op\":\"replace\",\"path\":\"/visibility\",\"value\":\"community\"}]");
        assertThat(ImageVisibility.of("Shared")).isEqualTo(ImageVisibility.SHARED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImageVisibility.of("everyone"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public, community, shared or private");
    }

    @Test
    void setPropertiesReplacesExistingOnesAndAddsNewOnes() {
        JsonNode n = Samples.json("glance/image-show-response.json");
        ((ObjectNode) n).put("os_distro", "cirros");
        Image img = ServiceJson.convert(n, Image.class);
        cloud.replySample(200, "glance/image-show-response.json");
        glance.setProperties(img, Map.of("os_distro", "ubuntu")).execute();
        glance.transport(); // accessor for uncovered calls
        JsonNode ops = ServiceJson.tree(body(cloud.take()));
        assertThat(ops.get(0).get("op").asText()).isEqualTo("replace");
        assertThat(ops.get(0).get("path").asText()).isEqualTo("/os_distro");

        cloud.replySample(200, "glance/image-show-response.json");
        glance.setProperties(img, Map.of("exoDesktopMessage", "")).execute();
        JsonNode add = ServiceJson.tree(body(cloud.take()));
        assertThat(add.get(0).get("op").asText()).isEqualTo("add");
        assertThat(add.get(0).get("value").asText()).isEmpty();
    }

    @Test
    void deletesAndReportsGlanceErrorsTyped() {
        cloud.replyEmpty(204);
        glance.delete("img-1").execute();
        RecordedRequest r = cloud.take();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/image/v2/images/img-1");

        // WebOb's JSON error body (errors.md): code is a status-line string
        cloud.reply(
                404,
                "{\"message\": \"No image found with ID nope\", \"code\": \"404 Not Found\", \"title\": \"Not Found\"}");
        assertThatThrownBy(() -> glance.get("nope").execute())
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No image found");
        cloud.take();
    }

    @Test
    void refusesAnEmptyPatch() {
        assertThatThrownBy(() -> ImageUpdate.builder().build()).isInstanceOf(IllegalArgumentException.class);
    }
}
