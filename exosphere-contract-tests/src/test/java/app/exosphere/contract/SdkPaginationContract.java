package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.http.Page;
import app.exosphere.core.image.Image;
import app.exosphere.core.image.ImageListOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SDK's lazy paginators against real paging: enough private images are created (over the wire)
 * to need several pages of one image each, and the SDK must walk Glance's {@code next} links to
 * every one of them, without duplicates.
 */
abstract class SdkPaginationContract extends CloudContract {

    @Test
    void imagePaginatorWalksEveryPageOfTheRequestedSize() {
        Rest.Login m = cloud.member();
        OpenStack os = OpenStack.builder()
                .authUrl(cloud.authUrl())
                .credentials(Credentials.password(UserRef.name(m.user(), DomainRef.name(m.domain())), m.password()))
                .project(m.project(), DomainRef.name(m.domain()))
                .region(cloud.region())
                .build();
        List<String> created = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ObjectNode body = Rest.JSON
                        .createObjectNode()
                        .put("name", prefix + "-sdk-img-" + i)
                        .put("disk_format", "raw")
                        .put("container_format", "bare")
                        .put("visibility", "private");
                created.add(member.post("image", "/v2/images", body)
                        .expect(201)
                        .path("id")
                        .asText());
            }
            ImageListOptions onePerPage =
                    ImageListOptions.builder().visibility("private").pageSize(1).build();
            int pages = 0;
            List<String> seen = new ArrayList<>();
            for (Page<Image> page : os.image().list(onePerPage).pages()) {
                assertThat(page.items().size()).isLessThanOrEqualTo(1);
                page.items().forEach(img -> seen.add(img.id()));
                pages++;
                assertThat(pages).isLessThan(100);
            }
            assertThat(pages).isGreaterThanOrEqualTo(3);
            assertThat(seen).doesNotHaveDuplicates().containsAll(created);
            assertThat(os.image().list(onePerPage).stream().map(Image::id).toList())
                    .containsExactlyElementsOf(seen);
        } finally {
            created.forEach(id -> member.delete("image", "/v2/images/" + id));
        }
    }
}
