package app.exosphere.core;

import static app.exosphere.core.MockCloud.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.compute.Server;
import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Successful bodies are decoded once, from the stream: a body cut short is still a transport failure
 * (retried for reads), a body that is not the expected JSON is a {@link ResponseDecodingException} that
 * quotes nothing; synchronous calls run on the caller's thread.
 */
class StreamingDecodeTest {
    private final MockCloud cloud = new MockCloud();
    private final List<String> callThreads = new CopyOnWriteArrayList<>();
    private ServiceClient nova;
    private OpenStack os;

    @BeforeEach
    void login() {
        OkHttpClient base = new OkHttpClient.Builder()
                .eventListener(new EventListener() {
                    @Override
                    public void requestHeadersStart(Call call) {
                        callThreads.add(Thread.currentThread().getName());
                    }
                })
                .build();
        cloud.server.enqueue(cloud.scopedToken("tok-a"));
        os = cloud.builder(MockCloud.ALICE)
                .project("a6944d763bf64ee6a275f1263fae0352")
                .httpClient(base)
                .build();
        cloud.take();
        nova = os.service(ServiceType.COMPUTE);
        callThreads.clear();
    }

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void aPageCutShortInTheMiddleOfItsItemsIsATransportFailureAndTheReadIsRetried() {
        String page = cloud.pointedHere("nova/servers__servers-details-resp.json");
        cloud.server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(page.substring(0, page.length() / 2))
                .setHeader("Content-Length", String.valueOf(page.length()))
                .onResponseEnd(new SocketEffect.CloseSocket())
                .build());
        cloud.server.enqueue(json(200, page.replaceAll("\"servers_links\"[^\\]]*\\]", "\"servers_links\": []")));

        List<Server> servers =
                nova.get("servers/detail").paginate("servers", Server.class).toList();

        assertThat(servers).extracting(Server::name).containsExactly("new-server-test");
        assertThat(cloud.server.getRequestCount()).isEqualTo(3); // token, the cut page, its retry
    }

    @Test
    void aPageThatIsNotJsonIsADecodingErrorThatQuotesNothingAndIsNotRetried() {
        cloud.server.enqueue(json(200, "<html>proxy login for user secret-hunter2</html>"));

        assertThatThrownBy(() -> nova.get("servers/detail")
                        .paginate("servers", Server.class)
                        .toList())
                .isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("compute GET /v2.1/")
                .hasMessageContaining("request id req-00000000-0000-0000-0000-000000000200")
                .hasMessageNotContaining("hunter2");
        assertThat(cloud.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aPageItemThatDoesNotFitTheModelNamesTheCollectionAndTheType() {
        cloud.server.enqueue(json(200, "{\"servers\": [{\"id\": {\"not\": \"a string\"}}], \"servers_links\": []}"));

        assertThatThrownBy(() -> nova.get("servers/detail")
                        .paginate("servers", Server.class)
                        .toList())
                .isInstanceOf(ResponseDecodingException.class)
                .hasMessage("compute: could not decode an item of 'servers' as Server");
    }

    @Test
    void aMemberIsBoundFromTheEnvelopeWithoutItsSiblings() {
        String server = cloud.pointedHere("nova/servers__server-get-resp.json").trim();
        server = server.substring(1, server.length() - 1); // "server": {...}
        cloud.server.enqueue(
                json(200, "{\"before\": {\"server\": [1, {\"x\": [2]}]}, " + server + ", \"after\": null}"));

        Server s = nova.get("servers/{id}", "s1").as("server", Server.class).execute();

        assertThat(s.name()).isEqualTo("new-server-test");
    }

    @Test
    void synchronousCallsRunOnTheCallersThreadAndAsynchronousOnesOnOkHttpsDispatcher() {
        cloud.server.enqueue(json(200, "{\"servers\": []}"));
        cloud.server.enqueue(json(200, "{\"servers\": []}"));
        cloud.server.enqueue(json(200, "{\"servers\": [], \"servers_links\": []}"));

        nova.get("servers").execute();
        nova.get("servers").executeAsync().join();
        nova.get("servers").paginate("servers", Server.class).toList();

        String caller = Thread.currentThread().getName();
        assertThat(callThreads).hasSize(3);
        assertThat(callThreads.get(0)).isEqualTo(caller);
        assertThat(callThreads.get(1)).isNotEqualTo(caller).contains("OkHttp");
        assertThat(callThreads.get(2)).isEqualTo(caller); // iterating pages is synchronous too
    }
}
