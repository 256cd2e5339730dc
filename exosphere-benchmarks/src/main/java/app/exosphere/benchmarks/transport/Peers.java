package app.exosphere.benchmarks.transport;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerListOptions;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openstack4j.api.OSClient;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.openstack.OSFactory;

/**
 * The three clients measured side by side: the SDK, the floor (raw OkHttp + Jackson binding Nova's
 * JSON straight into the SDK's own {@link Server} model, no retries, no auth handling) and the peer
 * (openstack4j 3.12). Each lists servers and walks every page its own way.
 */
final class Peers {
    private Peers() {}

    /** The SDK, connected (authenticated) to {@code cloud}. */
    static OpenStack sdk(CannedOpenStack cloud) {
        return sdkBuilder(cloud.authUrl(), CannedOpenStack.USER, CannedOpenStack.PASSWORD, cloud.projectId())
                .build();
    }

    static OpenStack.Builder sdkBuilder(String authUrl, String user, String password, String projectId) {
        return OpenStack.builder()
                .authUrl(authUrl)
                .credentials(Credentials.password(UserRef.name(user, DomainRef.name("Default")), password))
                .project(projectId);
    }

    /** Releases the SDK's threads and connections (OpenStack has no close() of its own yet). */
    static void close(OpenStack os) {
        os.httpClient().dispatcher().executorService().shutdown();
        os.httpClient().connectionPool().evictAll();
    }

    /** Every server of the project through the SDK (one page when the project has ≤ 1,000). */
    static List<Server> sdkList(OpenStack os) {
        return os.compute().servers().list().toList();
    }

    /** Walks every server page by page (1,000 a page) through the SDK; returns how many it saw. */
    static long sdkWalk(OpenStack os) {
        long n = 0;
        for (Server s : os.compute()
                .servers()
                .list(ServerListOptions.builder().pageSize(1000).build())) {
            n += s.name().length() > 0 ? 1 : 0;
        }
        return n;
    }

    /** openstack4j 3.12 authenticated against {@code cloud}; its clients are bound to the calling thread. */
    static OSClient.OSClientV3 openstack4j(String authUrl, String user, String password, String projectId) {
        return OSFactory.builderV3()
                .endpoint(authUrl)
                .credentials(user, password, Identifier.byName("Default"))
                .scopeToProject(Identifier.byId(projectId))
                .authenticate();
    }

    static List<? extends org.openstack4j.model.compute.Server> openstack4jList(OSClient.OSClientV3 os) {
        return os.compute().servers().list(true);
    }

    /** openstack4j does not follow Nova's next links: the walk passes limit/marker itself. */
    static long openstack4jWalk(OSClient.OSClientV3 os) {
        long n = 0;
        String marker = null;
        while (true) {
            Map<String, String> q =
                    marker == null ? Map.of("limit", "1000") : Map.of("limit", "1000", "marker", marker);
            List<? extends org.openstack4j.model.compute.Server> page =
                    os.compute().servers().list(q);
            if (page.isEmpty()) {
                return n;
            }
            n += page.size();
            marker = page.get(page.size() - 1).getId();
            if (page.size() < 1000) {
                return n;
            }
        }
    }

    /** Raw OkHttp + Jackson: what a hand-written client would do, the floor the SDK is held to. */
    static final class Raw {
        private static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        private final OkHttpClient http = new OkHttpClient();
        private final String computeUrl;
        private final String token;

        Raw(CannedOpenStack cloud) {
            this(cloud.authUrl(), cloud.computeUrl(), cloud.projectId());
        }

        /** Authenticated as the canned cloud's user, listing at {@code computeUrl} (no catalog look-up). */
        Raw(String authUrl, String computeUrl, String projectId) {
            this.computeUrl = computeUrl;
            String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\""
                    + CannedOpenStack.USER + "\",\"domain\":{\"name\":\"Default\"},\"password\":\""
                    + CannedOpenStack.PASSWORD + "\"}}},\"scope\":{\"project\":{\"id\":\"" + projectId
                    + "\"}}}}";
            Request auth = new Request.Builder()
                    .url(authUrl + "/auth/tokens")
                    .post(RequestBody.create(body, MediaType.get("application/json")))
                    .build();
            try (Response r = http.newCall(auth).execute()) {
                this.token = r.header("X-Subject-Token");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<Server> list() {
            return page(computeUrl + "/servers/detail").servers;
        }

        long walk() {
            long n = 0;
            String url = computeUrl + "/servers/detail?limit=1000";
            while (url != null) {
                ServerPage p = page(url);
                for (Server s : p.servers) {
                    n += s.name().length() > 0 ? 1 : 0;
                }
                url = null;
                for (Link l : p.links) {
                    if ("next".equals(l.rel)) {
                        url = l.href;
                    }
                }
            }
            return n;
        }

        private ServerPage page(String url) {
            Request get = new Request.Builder()
                    .url(url)
                    .header("X-Auth-Token", token)
                    .header("OpenStack-API-Version", "compute 2.27")
                    .header("X-OpenStack-Nova-API-Version", "2.27")
                    .header("Accept", "application/json")
                    .build();
            try (Response r = http.newCall(get).execute()) {
                if (!r.isSuccessful()) {
                    throw new IllegalStateException("HTTP " + r.code() + " from " + url);
                }
                return MAPPER.readValue(r.body().byteStream(), ServerPage.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ServerPage {
        @JsonProperty("servers")
        List<Server> servers = List.of();

        @JsonProperty("servers_links")
        List<Link> links = List.of();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Link {
        @JsonProperty("rel")
        String rel;

        @JsonProperty("href")
        String href;
    }
}
