package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.config.ImageFilters;
import app.exosphere.core.config.MetadataFilter;
import app.exosphere.core.image.Image;
import app.exosphere.core.image.ImageStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceTypeImagesTest {

    private static Image image(String id, String name, String visibility, String created, Map<String, Object> props) {
        return Image.builder()
                .id(id)
                .name(name)
                .status(ImageStatus.of("active"))
                .visibility(visibility)
                .created(created)
                .putAllProperties(props)
                .build();
    }

    private final List<Image> images = List.of(
            image(
                    "aaaa-1",
                    "Featured-Ubuntu24",
                    "public",
                    "2024-01-01T00:00:00Z",
                    Map.of("os_distro", "ubuntu", "os_version", "24.04")),
            image(
                    "aaaa-2",
                    "Featured-Ubuntu24",
                    "public",
                    "2024-03-01T00:00:00Z",
                    Map.of("os_distro", "ubuntu", "os_version", "24.04")),
            image("aaaa-3", "Featured-Ubuntu24", "private", "2024-05-01T00:00:00Z", Map.of()),
            image("BBBB-4", "Featured-RockyLinux9", "public", "2024-02-01T00:00:00Z", Map.of("os_distro", "rocky")));

    @Test
    void picksTheNewestImageMatchingAllFilters() {
        ImageFilters f = new ImageFilters("Featured-Ubuntu24", null, "public", null, null, null);
        assertThat(InstanceTypeImages.newestMatching(f, images)).map(Image::id).contains("aaaa-2");
        assertThat(InstanceTypeImages.newestMatching(
                        new ImageFilters("Featured-Ubuntu24", null, null, null, null, null), images))
                .map(Image::id)
                .contains("aaaa-3");
    }

    @Test
    void uuidFilterIgnoresCaseAndDashes() {
        ImageFilters f = new ImageFilters(null, "bbbb4", null, null, null, null);
        assertThat(InstanceTypeImages.newestMatching(f, images))
                .map(Image::name)
                .contains("Featured-RockyLinux9");
    }

    @Test
    void osFiltersFailForImagesWithoutTheProperty() {
        ImageFilters f = new ImageFilters(null, null, null, "ubuntu", "24.04", null);
        assertThat(images.stream().filter(i -> InstanceTypeImages.matches(f, i)).map(Image::id))
                .containsExactly("aaaa-1", "aaaa-2");
    }

    @ParameterizedTest(name = "{0} rendered as {1}")
    @CsvSource({"text, text", "true, True", "false, False", "7, 7", "2.50, 2.5", "3.0, 3", "null, ''"})
    void metadataFilterComparesPropertiesRenderedLikeExosphere(String kind, String expected) {
        Object value =
                switch (kind) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    case "7" -> 7;
                    case "2.50" -> 2.50d;
                    case "3.0" -> 3.0d;
                    case "null" -> null;
                    default -> kind;
                };
        Map<String, Object> props = new HashMap<>();
        props.put("k", value);
        Image img = image("x", "n", "public", "2024-01-01T00:00:00Z", props);
        ImageFilters f = new ImageFilters(null, null, null, null, null, new MetadataFilter("k", expected));
        assertThat(InstanceTypeImages.matches(f, img)).isTrue();
    }

    @Test
    void restrictFlavorIdsIsAnAllowList() {
        List<String> flavors = List.of("1", "2", "3");
        assertThat(InstanceTypeImages.allowedFlavors(Optional.empty(), flavors, f -> f))
                .containsExactly("1", "2", "3");
        assertThat(InstanceTypeImages.allowedFlavors(Optional.of(List.of("3", "9")), flavors, f -> f))
                .containsExactly("3");
    }
}
