package app.exosphere.benchmarks.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback Keystone + Nova that answers from canned bodies derived from the upstream API samples:
 * {@code POST /identity/v3/auth/tokens} (a project-scoped token whose catalog points here),
 * {@code GET /compute/v2.1/} (Nova's v2.1 version document) and {@code GET /compute/v2.1/servers/detail}
 * (pages of distinct servers, {@code limit}/{@code marker} and {@code servers_links} like Nova).
 *
 * <p>Every client measured against it (the SDK, raw OkHttp + Jackson, openstack4j) gets the same bytes
 * over the same keep-alive HTTP/1.1 server. Pages are streamed from a pre-rendered per-server template,
 * so the server allocates almost nothing per request and does not disturb the client's GC figures.
 *
 * <pre>{@code
 * try (CannedOpenStack cloud = CannedOpenStack.start(100_000)) {
 *     String keystone = cloud.authUrl();
 * }
 * }</pre>
 */
public final class CannedOpenStack implements AutoCloseable {
    static final String USER = "bench";
    static final String PASSWORD = "bench-secret";
    static final String DOMAIN = "Default";
    static final String TOKEN = "gAAAAABbenchmarktoken0000000000000000000000000000";
    private static final String ID_MARK = "00000000-0000-4000-8000-0000000000ID";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final int totalServers;
    private final String base;
    private final String projectId;
    private final byte[] tokenBody;
    private final byte[] versionBody;
    private final byte[][] serverParts; // the server template split at each occurrence of its id
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> requestLines = java.util.Collections.synchronizedList(new ArrayList<>());

    private CannedOpenStack(int totalServers) throws IOException {
        this.totalServers = totalServers;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.base = "http://127.0.0.1:" + server.getAddress().getPort();
        JsonNode token = sample("admin__auth-password-project-scoped-response.json");
        this.projectId = token.path("token").path("project").path("id").asText();
        this.tokenBody = MAPPER.writeValueAsBytes(tokenWithLoopbackCatalog((ObjectNode) token));
        this.versionBody = MAPPER.writeValueAsBytes(sample("versions__v21-version-get-resp.json"));
        this.serverParts = serverTemplate();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "canned-openstack");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server whose project holds {@code totalServers} servers. */
    public static CannedOpenStack start(int totalServers) {
        try {
            return new CannedOpenStack(totalServers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serves until killed, for profiling a client by hand: prints the auth URL, user, password and
     * project id (the arguments {@link FreshJvmAuthList} takes after the client name).
     */
    public static void main(String[] args) throws InterruptedException {
        CannedOpenStack cloud = start(args.length > 0 ? Integer.parseInt(args[0]) : 100);
        System.out.println(cloud.authUrl() + " " + USER + " " + PASSWORD + " " + cloud.projectId());
        Thread.currentThread().join();
    }

    /** Keystone's v3 root on this server. */
    public String authUrl() {
        return base + "/identity/v3";
    }

    /** Nova's v2.1 root on this server (what the catalog advertises). */
    public String computeUrl() {
        return base + "/compute/v2.1";
    }

    /** The project the token is scoped to. */
    public String projectId() {
        return projectId;
    }

    /** Requests answered since start (or the last {@link #resetCounts()}). */
    public int requests() {
        return requests.get();
    }

    /** Method and path of every request answered since start (or the last reset). */
    public List<String> requestLines() {
        synchronized (requestLines) {
            return List.copyOf(requestLines);
        }
    }

    /** Forgets the requests counted so far. */
    public void resetCounts() {
        requests.set(0);
        requestLines.clear();
    }

    /** The size in bytes of one page of {@code n} servers (without links). */
    public long pageBytes(int n) {
        return pageLength(0, n, null);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            drain(ex.getRequestBody());
            URI uri = ex.getRequestURI();
            String path = uri.getPath();
            requests.incrementAndGet();
            requestLines.add(ex.getRequestMethod() + " " + path);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("X-OpenStack-Request-ID", "req-bench");
            if (ex.getRequestMethod().equals("POST") && path.equals("/identity/v3/auth/tokens")) {
                ex.getResponseHeaders().add("X-Subject-Token", TOKEN);
                send(ex, 201, tokenBody);
            } else if (path.equals("/compute/v2.1/") || path.equals("/compute/v2.1")) {
                send(ex, 200, versionBody);
            } else if (path.equals("/compute/v2.1/servers/detail")) {
                answerMicroversion(ex);
                servers(ex, uri.getRawQuery());
            } else {
                send(
                        ex,
                        404,
                        "{\"itemNotFound\": {\"code\": 404, \"message\": \"no such path\"}}"
                                .getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Like Nova: the answer names the microversion it was served at (2.1 when none was asked for). */
    private static void answerMicroversion(HttpExchange ex) {
        String asked = ex.getRequestHeaders().getFirst("OpenStack-API-Version");
        String version = asked != null && asked.startsWith("compute ")
                ? asked.substring("compute ".length()).trim()
                : java.util.Optional.ofNullable(ex.getRequestHeaders().getFirst("X-OpenStack-Nova-API-Version"))
                        .orElse("2.1");
        ex.getResponseHeaders().add("OpenStack-API-Version", "compute " + version);
        ex.getResponseHeaders().add("X-OpenStack-Nova-API-Version", version);
        ex.getResponseHeaders().add("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
    }

    private void servers(HttpExchange ex, String query) throws IOException {
        int limit = 1000;
        int from = 0;
        if (query != null) {
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                String k = eq < 0 ? kv : kv.substring(0, eq);
                String v = eq < 0 ? "" : kv.substring(eq + 1);
                if (k.equals("limit")) {
                    limit = Math.min(1000, Integer.parseInt(v));
                } else if (k.equals("marker")) {
                    from = indexOf(v) + 1;
                }
            }
        }
        int to = Math.min(totalServers, from + limit);
        String next = to < totalServers
                ? "{\"href\": \"" + computeUrl() + "/servers/detail?limit=" + limit + "&marker=" + id(to - 1)
                        + "\", \"rel\": \"next\"}"
                : null;
        long length = pageLength(from, to, next);
        ex.sendResponseHeaders(200, length);
        OutputStream out = new java.io.BufferedOutputStream(ex.getResponseBody(), 64 * 1024);
        out.write(ascii("{\"servers\": ["));
        byte[] idBytes = new byte[ID_MARK.length()];
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.write(',');
            }
            writeId(idBytes, i);
            for (int p = 0; p < serverParts.length; p++) {
                if (p > 0) {
                    out.write(idBytes);
                }
                out.write(serverParts[p]);
            }
        }
        out.write(']');
        if (next != null) {
            out.write(ascii(", \"servers_links\": [" + next + "]"));
        }
        out.write('}');
        out.flush();
    }

    private long pageLength(int from, int to, String next) {
        long perServer = 0;
        for (byte[] part : serverParts) {
            perServer += part.length;
        }
        perServer += (long) (serverParts.length - 1) * ID_MARK.length();
        int n = to - from;
        long len = "{\"servers\": [".length() + n * perServer + Math.max(0, n - 1) + 1 + 1;
        if (next != null) {
            len += (", \"servers_links\": [" + next + "]").length();
        }
        return len;
    }

    /** The id of server number {@code i}: a UUID whose last 12 digits are {@code i}. */
    static String id(int i) {
        String digits = String.format("%012d", i);
        return ID_MARK.substring(0, ID_MARK.length() - 12) + digits;
    }

    private static int indexOf(String id) {
        return Integer.parseInt(id.substring(id.length() - 12));
    }

    private static void writeId(byte[] into, int i) {
        int prefix = ID_MARK.length() - 12;
        for (int k = 0; k < prefix; k++) {
            into[k] = (byte) ID_MARK.charAt(k);
        }
        int v = i;
        for (int k = ID_MARK.length() - 1; k >= prefix; k--) {
            into[k] = (byte) ('0' + v % 10);
            v /= 10;
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) >= 0) {
            // request bodies (the auth request) are not needed
        }
    }

    private ObjectNode tokenWithLoopbackCatalog(ObjectNode doc) {
        ObjectNode token = (ObjectNode) doc.get("token");
        token.put("expires_at", "2099-01-01T00:00:00.000000Z");
        ArrayNode catalog = token.putArray("catalog");
        catalog.add(service("identity", "keystone", base + "/identity"));
        catalog.add(service("compute", "nova", computeUrl()));
        return doc;
    }

    private static ObjectNode service(String type, String name, String url) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("type", type).put("name", name).put("id", type + "-service");
        ArrayNode endpoints = s.putArray("endpoints");
        for (String iface : List.of("public", "internal", "admin")) {
            endpoints
                    .addObject()
                    .put("interface", iface)
                    .put("region", "RegionOne")
                    .put("region_id", "RegionOne")
                    .put("url", url)
                    .put("id", type + "-" + iface);
        }
        return s;
    }

    /** The sample's first server, compact, with its id (everywhere it appears) replaced by a mark. */
    private static byte[][] serverTemplate() throws IOException {
        JsonNode sample = sample("servers__servers-details-resp.json");
        JsonNode first = sample.path("servers").get(0);
        String id = first.path("id").asText();
        String json = MAPPER.writeValueAsString(first).replace(id, ID_MARK);
        json = json.replace("\"name\":\"new-server-test\"", "\"name\":\"bench-" + ID_MARK + "\"");
        String[] parts = json.split(java.util.regex.Pattern.quote(ID_MARK), -1);
        byte[][] out = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static JsonNode sample(String name) throws IOException {
        try (InputStream in = CannedOpenStack.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing sample " + name);
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return MAPPER.readTree(buf.toByteArray());
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
