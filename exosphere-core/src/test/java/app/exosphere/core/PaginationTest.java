package app.exosphere.core;

import static app.exosphere.core.MockCloud.fixture;
import static app.exosphere.core.MockCloud.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.auth.Project;
import app.exosphere.core.http.Page;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaginationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockCloud cloud = new MockCloud();

    @AfterEach
    void close() {
        cloud.close();
    }

    private OpenStack login(OpenStack.Builder b) {
        cloud.server.enqueue(cloud.scopedToken("tok-a"));
        OpenStack os = b.build();
        cloud.take();
        return os;
    }

    private static ObjectNode tree(String s) throws Exception {
        return (ObjectNode) JSON.readTree(s);
    }

    @Test
    void novaServersLinksAreFollowedOnTheEndpointHostWithoutDuplicatingQueryParameters() throws Exception {
        OpenStack os = login(cloud.builder(MockCloud.ALICE).project("a6944d763bf64ee6a275f1263fae0352"));
        // the sample's next link names host openstack.example.com: it is re-parsed onto the endpoint host
        String page1 = fixture("nova/servers__servers-list-resp.json");
        ObjectNode page2 = tree(page1);
        page2.remove("servers_links");
        ((ObjectNode) page2.withArray("servers").get(0)).put("id", "second-page-server");
        cloud.server.enqueue(json(200, page1));
        cloud.server.enqueue(json(200, page2.toString()));
        cloud.server.enqueue(json(200, "{\"servers\": []}")); // a full page without links: marker probe

        List<JsonNode> servers = os.service(ServiceType.COMPUTE)
                .get("servers")
                .paginate("servers", JsonNode.class, 1)
                .toList();

        assertThat(servers)
                .extracting(s -> s.get("id").asText())
                .containsExactly("22c91117-08de-4894-9aa9-6ef382400985", "second-page-server");
        assertThat(cloud.take().getTarget()).isEqualTo("/v2.1/a6944d763bf64ee6a275f1263fae0352/servers?limit=1");
        assertThat(cloud.take().getTarget())
                .isEqualTo(
                        "/v2.1/6f70656e737461636b20342065766572/servers?limit=1&marker=22c91117-08de-4894-9aa9-6ef382400985");
    }

    @Test
    void glanceRootRelativeNextIsPlacedUnderTheEndpointPathPrefix() throws Exception {
        OpenStack os = login(cloud.builder(MockCloud.ALICE)
                .project("a6944d763bf64ee6a275f1263fae0352")
                .endpointOverride(ServiceType.IMAGE, cloud.base() + "/image"));
        ObjectNode page1 = tree(fixture("glance/images-list-response.json"));
        page1.put("next", "/v2/images?marker=e6421c88-b1ed-4407-8824-b57298249091&limit=2");
        cloud.server.enqueue(json(200, page1.toString()));
        cloud.server.enqueue(json(200, fixture("glance/images-list-response.json")));

        Paginator<JsonNode> images = os.service(ServiceType.IMAGE).get("images").paginate("images", JsonNode.class, 2);
        List<Page<JsonNode>> pages = new java.util.ArrayList<>();
        images.pages().forEach(pages::add);

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).items()).hasSize(2);
        assertThat(pages.get(0).next())
                .contains(cloud.base() + "/image/v2/images?marker=e6421c88-b1ed-4407-8824-b57298249091&limit=2");
        assertThat(cloud.take().getTarget()).isEqualTo("/image/v2/images?limit=2");
        assertThat(cloud.take().getTarget())
                .isEqualTo("/image/v2/images?marker=e6421c88-b1ed-4407-8824-b57298249091&limit=2");
    }

    @Test
    void keystoneLinksNextIsFollowed() throws Exception {
        OpenStack os = login(cloud.builder(MockCloud.ALICE).project("a6944d763bf64ee6a275f1263fae0352"));
        ObjectNode page1 = tree(cloud.pointedHere("keystone/admin__get-available-project-scopes-response.json"));
        ((ObjectNode) page1.get("links")).put("next", cloud.base() + "/v3/auth/projects?marker=50ef01");
        cloud.server.enqueue(json(200, page1.toString()));
        cloud.server.enqueue(
                json(200, cloud.pointedHere("keystone/admin__get-available-project-scopes-response.json")));

        List<Project> projects = os.projects().execute();

        assertThat(projects).hasSize(4);
        assertThat(cloud.take().getTarget()).isEqualTo("/v3/auth/projects");
        assertThat(cloud.take().getTarget()).isEqualTo("/v3/auth/projects?marker=50ef01");
    }

    @Test
    void neutronWithoutLinksIsPagedByMarkerAndLimitUntilAShortPage() throws Exception {
        OpenStack os = login(cloud.builder(MockCloud.ALICE).project("a6944d763bf64ee6a275f1263fae0352"));
        String page1 = fixture("neutron/networks__networks-list-response.json");
        JsonNode nets = tree(page1).get("networks");
        String lastId = nets.get(nets.size() - 1).get("id").asText();
        cloud.server.enqueue(json(200, page1));
        cloud.server.enqueue(json(200, "{\"networks\": []}"));

        List<JsonNode> all = os.service(ServiceType.NETWORK)
                .get("networks")
                .query("shared", false)
                .paginate("networks", JsonNode.class, nets.size())
                .toList();

        assertThat(all).hasSize(nets.size());
        assertThat(cloud.take().getTarget()).isEqualTo("/v2.0/networks?shared=false&limit=" + nets.size());
        assertThat(cloud.take().getTarget())
                .isEqualTo("/v2.0/networks?shared=false&limit=" + nets.size() + "&marker=" + lastId);
    }

    @Test
    void iterationIsLazyAndBoundedByOnePage() throws Exception {
        OpenStack os = login(cloud.builder(MockCloud.ALICE).project("a6944d763bf64ee6a275f1263fae0352"));
        cloud.server.enqueue(json(200, fixture("nova/servers__servers-list-resp.json")));

        Paginator<JsonNode> servers =
                os.service(ServiceType.COMPUTE).get("servers").paginate("servers", JsonNode.class);
        assertThat(cloud.server.getRequestCount()).isEqualTo(1); // nothing fetched yet
        Iterator<JsonNode> it = servers.iterator();
        assertThat(it.next().get("name").asText()).isEqualTo("new-server-test");
        assertThat(cloud.server.getRequestCount()).isEqualTo(2); // only the first page
    }

    @Test
    void asyncListingCollectsAllPages() throws Exception {
        OpenStack os = login(cloud.builder(MockCloud.ALICE)
                .project("a6944d763bf64ee6a275f1263fae0352")
                .clock(new MutableClock(Instant.parse("2015-11-07T02:00:00Z"))));
        cloud.server.enqueue(json(200, fixture("nova/servers__servers-list-resp.json")));
        cloud.server.enqueue(json(200, "{\"servers\": [{\"id\": \"b\"}], \"servers_links\": []}"));

        List<JsonNode> all = os.service(ServiceType.COMPUTE)
                .get("servers")
                .paginate("servers", JsonNode.class)
                .all()
                .executeAsync()
                .get();
        assertThat(all).hasSize(2);
    }
}
