package app.exosphere.core;

import static app.exosphere.core.MockCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.compute.Server;
import app.exosphere.core.error.MicroversionNotSupportedException;
import app.exosphere.core.http.TransportOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server list is a read with a pinned microversion (2.27): it goes out at once, and the answer's
 * {@code OpenStack-API-Version} header confirms the version. When a 2xx answer lacks that header, the
 * version document is the only other way to check it; but the caller's answer is already here, and a
 * side request that fails must neither throw it away nor hold it for the minutes the transport's retries
 * and read timeouts would take.
 */
class UnconfirmedMicroversionTest {
    private static final String PROJECT = "a6944d763bf64ee6a275f1263fae0352";
    private final MockCloud cloud = new MockCloud();
    private final MutableClock clock = new MutableClock(MockCloud.SAMPLE_NOW);
    private final StandardErrorCapture logs = StandardErrorCapture.start();

    @AfterEach
    void close() {
        logs.close();
        cloud.close();
    }

    private OpenStack connect(Duration readTimeout) {
        cloud.server.enqueue(cloud.scopedToken("tok-a"));
        OpenStack os = cloud.builder(MockCloud.ALICE)
                .project(PROJECT)
                .clock(clock)
                .transport(TransportOptions.builder()
                        .initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(20))
                        .readTimeout(readTimeout)
                        .build())
                .build();
        cloud.take();
        return os;
    }

    /** Nova's sample list of servers as one page (its next link removed), without microversion headers. */
    private MockResponse serversWithoutMicroversionHeader() {
        try {
            ObjectNode page = (ObjectNode)
                    new ObjectMapper().readTree(cloud.pointedHere("nova/servers__servers-details-resp.json"));
            page.remove("servers_links");
            return json(200, page.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private MockResponse versionDocument() {
        return json(200, cloud.pointedHere("nova/versions__v21-version-get-resp.json"));
    }

    private List<String> warnings() {
        return logs.warnings("did not confirm microversion");
    }

    @Test
    void aListAnswered200WithoutTheHeaderIsReturnedWithOneWarningWhenTheVersionDocumentAnswers503() {
        OpenStack os = connect(Duration.ofSeconds(5));
        cloud.server.enqueue(serversWithoutMicroversionHeader());
        cloud.server.enqueue(json(503, "{\"computeFault\": {\"code\": 503, \"message\": \"Service Unavailable\"}}"));
        cloud.server.enqueue(versionDocument()); // a retry would get it: there must be none

        List<Server> servers = os.compute().servers().list().toList();

        assertThat(servers).extracting(Server::name).containsExactly("new-server-test");
        assertThat(cloud.take().getTarget()).endsWith("/servers/detail");
        assertThat(cloud.take().getTarget()).isEqualTo("/v2.1/"); // asked once, not retried
        assertThat(cloud.server.getRequestCount()).isEqualTo(3);
        assertThat(warnings())
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains("compute did not confirm microversion 2.27 in its answer to GET /v2.1/")
                        .contains("version document " + cloud.base() + "/v2.1/ could not be read")
                        .contains("503")
                        .contains("returned as served at compute 2.27, unchecked")
                        .contains("asked for again after 5 minutes"));
    }

    @Test
    void aVersionDocumentThatTimesOutCostsTheAnswerOneShortWaitNotTheRetries() {
        OpenStack os = connect(Duration.ofMillis(500));
        cloud.server.enqueue(serversWithoutMicroversionHeader());
        cloud.server.enqueue(
                versionDocument().newBuilder().headersDelay(3, TimeUnit.SECONDS).build());

        List<Server> servers = os.compute().servers().list().toList();

        assertThat(servers).hasSize(1);
        assertThat(cloud.take().getTarget()).endsWith("/servers/detail");
        assertThat(cloud.take().getTarget()).isEqualTo("/v2.1/");
        assertThat(cloud.server.getRequestCount()).isEqualTo(3); // the timed-out document was not asked again
        assertThat(warnings()).singleElement().satisfies(l -> assertThat(l).contains("could not be read"));
    }

    @Test
    void whileTheVersionDocumentIsUnreadableLaterAnswersAreKeptWithoutAskingAgainUntilFiveMinutesHavePassed() {
        OpenStack os = connect(Duration.ofSeconds(5));
        cloud.server.enqueue(serversWithoutMicroversionHeader());
        cloud.server.enqueue(json(503, "{}"));
        os.compute().servers().list().toList();
        cloud.take();
        cloud.take();

        clock.advance(Duration.ofMinutes(4));
        cloud.server.enqueue(serversWithoutMicroversionHeader());
        assertThat(os.compute().servers().list().toList()).hasSize(1);
        assertThat(cloud.take().getTarget()).endsWith("/servers/detail");
        assertThat(cloud.server.getRequestCount()).isEqualTo(4); // no version document this time
        assertThat(warnings()).hasSize(1); // and no second warning

        clock.advance(Duration.ofMinutes(1));
        cloud.server.enqueue(serversWithoutMicroversionHeader());
        cloud.server.enqueue(versionDocument());
        assertThat(os.compute().servers().list().toList()).hasSize(1);
        assertThat(cloud.take().getTarget()).endsWith("/servers/detail");
        assertThat(cloud.take().getTarget()).isEqualTo("/v2.1/"); // five minutes on: asked again, and read
        assertThat(warnings()).hasSize(1);

        cloud.server.enqueue(serversWithoutMicroversionHeader());
        assertThat(os.compute().servers().list().toList()).hasSize(1);
        assertThat(cloud.server.getRequestCount()).isEqualTo(7); // the document read is cached
    }

    @Test
    void aVersionDocumentThatIsReadAndDoesNotOfferThePinnedVersionStillFailsTheCall() {
        OpenStack os = connect(Duration.ofSeconds(5));
        cloud.server.enqueue(serversWithoutMicroversionHeader());
        cloud.server.enqueue(json(
                200,
                "{\"version\": {\"id\": \"v2.0\", \"status\": \"SUPPORTED\", \"version\": \"\", \"min_version\": \"\","
                        + " \"links\": []}}"));

        assertThatThrownBy(() -> os.compute().servers().list().toList())
                .isInstanceOf(MicroversionNotSupportedException.class)
                .hasMessageContaining("cloud offers no compute microversions");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void theAsynchronousCallKeepsTheAnswerToo() throws Exception {
        OpenStack os = connect(Duration.ofSeconds(5));
        cloud.server.enqueue(json(200, cloud.pointedHere("nova/servers__server-get-resp.json")));
        cloud.server.enqueue(json(503, "{}"));

        Server server = os.compute()
                .servers()
                .get("9168b536-cd40-4630-b43f-b259807c6e87")
                .executeAsync()
                .get(10, TimeUnit.SECONDS);

        assertThat(server.name()).isEqualTo("new-server-test");
        assertThat(cloud.server.getRequestCount()).isEqualTo(3);
        assertThat(warnings()).singleElement().satisfies(l -> assertThat(l).contains("GET /v2.1/"));
    }
}
