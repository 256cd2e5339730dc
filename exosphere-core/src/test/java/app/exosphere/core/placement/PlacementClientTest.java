package app.exosphere.core.placement;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.FakeCloud;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlacementClientTest {
    private final FakeCloud cloud = new FakeCloud();

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void readsProjectUsagesAtMicroversion19() throws Exception {
        // Placement is not among the copied upstream samples; this body is the documented shape of GET /usages.
        cloud.reply(200, "{\"usages\":{\"VCPU\":3,\"MEMORY_MB\":8192,\"CUSTOM_A100X_10C\":1}}");
        ResourceUsages u =
                cloud.openStack().placement().usages("proj-1").executeAsync().get();
        RecordedRequest r = cloud.take();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/placement/usages");
        assertThat(r.getUrl().queryParameter("project_id")).isEqualTo("proj-1");
        assertThat(r.getUrl().queryParameter("user_id")).isNull();
        assertThat(r.getHeaders().get("OpenStack-API-Version")).isEqualTo("placement 1.9");
        assertThat(u.get("VCPU")).isEqualTo(3);
        assertThat(u.get("class:CUSTOM_A100X_10C")).isEqualTo(1);
        assertThat(u.get("DISK_GB")).isZero();
    }

    @Test
    void reportsPlacementErrorsTyped() {
        cloud.reply(
                400,
                "{\"errors\":[{\"status\":400,\"title\":\"Bad Request\","
                        + "\"detail\":\"Invalid query string parameters\",\"code\":\"placement.undefined_code\"}]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> cloud.openStack().placement().usages("bad").execute())
                .isInstanceOf(app.exosphere.core.error.BadRequestException.class);
        cloud.take();
    }

    @Test
    void filtersByUser() {
        cloud.reply(200, "{\"usages\":{}}");
        assertThat(cloud.openStack().placement().usages("p", "u").execute().asMap())
                .isEmpty();
        assertThat(cloud.take().getUrl().queryParameter("user_id")).isEqualTo("u");
    }
}
