package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Paging with small page sizes, following the links each API gives (Nova {@code *_links} with
 * {@code rel=next}, Glance {@code next}); enough resources are created to force at least two pages.
 */
abstract class PaginationContract extends CloudContract {

    private static String next(JsonNode links) {
        for (JsonNode l : links) {
            if (l.path("rel").asText().equals("next")) {
                return l.path("href").asText();
            }
        }
        return null;
    }

    /** Path and query of an absolute next link, relative to the service endpoint. */
    private String relative(String type, String href) {
        String endpoint = member.endpoint(type);
        if (href.startsWith(endpoint)) {
            return href.substring(endpoint.length());
        }
        // Nova builds next links from its own idea of the endpoint; keep what follows the version
        int v = href.indexOf("/v2.1");
        return v >= 0 ? href.substring(v + "/v2.1".length()) : href;
    }

    @Test
    void flavorsComeInPagesOfTheRequestedSizeWithANextLinkUntilTheLastPage() {
        Set<String> all = new LinkedHashSet<>();
        member.get("compute", "/flavors")
                .expect(200)
                .path("flavors")
                .forEach(f -> all.add(f.path("id").asText()));
        assertThat(all).as("a cloud with at least 3 flavors").hasSizeGreaterThanOrEqualTo(3);

        List<String> paged = new ArrayList<>();
        String path = "/flavors?limit=2";
        int pages = 0;
        while (path != null) {
            JsonNode page = member.get("compute", path).expect(200);
            JsonNode flavors = page.path("flavors");
            assertThat(flavors.size()).isLessThanOrEqualTo(2);
            flavors.forEach(f -> paged.add(f.path("id").asText()));
            String href = next(page.path("flavors_links"));
            path = href == null ? null : relative("compute", href);
            pages++;
            assertThat(pages).as("pages").isLessThan(50);
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void keypairsPageAtMicroversion235() {
        List<String> names = List.of(prefix + "-kp-a", prefix + "-kp-b", prefix + "-kp-c");
        try {
            for (String name : names) {
                ObjectNode body = Rest.JSON.createObjectNode();
                body.putObject("keypair").put("name", name).put("public_key", Keys.ED25519_PUBLIC);
                member.post("compute", "/os-keypairs", body, "2.2").expect(200, 201);
            }
            List<String> seen = new ArrayList<>();
            String path = "/os-keypairs?limit=2";
            int pages = 0;
            while (path != null) {
                JsonNode page = member.get("compute", path, "2.35").expect(200);
                assertThat(page.path("keypairs").size()).isLessThanOrEqualTo(2);
                page.path("keypairs")
                        .forEach(k -> seen.add(k.path("keypair").path("name").asText()));
                String href = next(page.path("keypairs_links"));
                path = href == null ? null : relative("compute", href);
                pages++;
                assertThat(pages).isLessThan(100);
            }
            assertThat(pages).isGreaterThanOrEqualTo(2);
            assertThat(seen).doesNotHaveDuplicates().containsAll(names);
        } finally {
            names.forEach(n -> member.delete("compute", "/os-keypairs/" + n));
        }
    }

    @Test
    void imagesPageWithLimitAndTheNextPathGlanceGives() {
        List<String> created = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ObjectNode body = Rest.JSON
                        .createObjectNode()
                        .put("name", prefix + "-img-" + i)
                        .put("disk_format", "raw")
                        .put("container_format", "bare")
                        .put("visibility", "private");
                created.add(member.post("image", "/v2/images", body)
                        .expect(201)
                        .path("id")
                        .asText());
            }
            List<String> seen = new ArrayList<>();
            String path = "/v2/images?limit=2";
            int pages = 0;
            while (path != null) {
                JsonNode page = member.get("image", path).expect(200);
                assertThat(page.path("images").size()).isLessThanOrEqualTo(2);
                page.path("images").forEach(img -> seen.add(img.path("id").asText()));
                path = page.hasNonNull("next") ? page.path("next").asText() : null;
                pages++;
                assertThat(pages).isLessThan(100);
            }
            assertThat(pages).isGreaterThanOrEqualTo(2);
            assertThat(seen).doesNotHaveDuplicates().containsAll(created);
        } finally {
            created.forEach(id -> member.delete("image", "/v2/images/" + id));
        }
    }
}
