package app.exosphere.core.internal;

import app.exosphere.core.auth.CatalogEndpoint;
import app.exosphere.core.auth.Scope;
import app.exosphere.core.auth.TokenInfo;
import app.exosphere.core.error.EndpointNotFoundException;
import app.exosphere.core.error.MicroversionNotSupportedException;
import app.exosphere.core.error.OpenStackException;
import app.exosphere.core.error.OpenStackServiceException;
import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.http.Call;
import app.exosphere.core.http.EndpointInterface;
import app.exosphere.core.http.Microversion;
import app.exosphere.core.http.MicroversionRange;
import app.exosphere.core.http.OpenStackRequest;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.Page;
import app.exosphere.core.http.PageFetcher;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.internal.calls.Futures;
import app.exosphere.core.internal.calls.Operation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The transport of one service in one view. */
public final class DefaultServiceClient implements ServiceClient {
    private static final String MANILA = "shared-file-system";
    private static final Pattern VERSION_SEGMENT = Pattern.compile("v\\d+(\\.\\d+)?");
    private static final String JSON = "application/json";
    private static final Logger LOG = LoggerFactory.getLogger("app.exosphere.core.http");

    /** How long answers that a version document could not confirm are kept without asking it again. */
    static final Duration RECHECK_UNREADABLE_DOCUMENT = Duration.ofMinutes(5);

    /** The longest a caller's answer waits for the version document that is to confirm it. */
    static final Duration SIDE_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final Context ctx;
    private final ServiceType type;
    private final Scope scope;
    private final String region;
    private final EndpointInterface iface;
    private final HttpUrl fixedEndpoint;

    public DefaultServiceClient(Context ctx, ServiceType type, Scope scope, String region, EndpointInterface iface) {
        this(ctx, type, scope, region, iface, null);
    }

    /** A client with a fixed endpoint (Keystone's auth URL) instead of a catalog lookup. */
    public DefaultServiceClient(
            Context ctx, ServiceType type, Scope scope, String region, EndpointInterface iface, HttpUrl fixedEndpoint) {
        this.ctx = ctx;
        this.type = type;
        this.scope = scope;
        this.region = region;
        this.iface = iface;
        this.fixedEndpoint = fixedEndpoint;
    }

    @Override
    public ServiceType type() {
        return type;
    }

    @Override
    public Call<String> endpoint() {
        return Operation.fromAsync(() -> versionedRoot(true).thenApply(HttpUrl::toString));
    }

    /** The catalog (or override) endpoint, as given. */
    CompletableFuture<HttpUrl> catalogEndpoint() {
        if (fixedEndpoint != null) {
            return CompletableFuture.completedFuture(fixedEndpoint);
        }
        return ctx.auth().token(scope).thenApply(this::resolveEndpoint);
    }

    private HttpUrl resolveEndpoint(TokenInfo token) {
        String url = ctx.endpointOverrides().get(type.type());
        if (url != null) {
            String projectId = token.project().map(p -> p.id()).orElse("");
            url = url.replace("$(project_id)s", projectId)
                    .replace("%(project_id)s", projectId)
                    .replace("$(tenant_id)s", projectId)
                    .replace("%(tenant_id)s", projectId);
        } else {
            if (token.catalog().services().isEmpty()) {
                throw new EndpointNotFoundException("this OpenStack view is " + scope
                        + " and its token has no service catalog; choose a project with forProject(...)");
            }
            Optional<CatalogEndpoint> e = token.catalog().endpoint(type, region, iface);
            if (e.isEmpty()) {
                throw new EndpointNotFoundException("no " + type + " endpoint (catalog types "
                        + type.catalogTypes() + ", interface " + iface.catalogName()
                        + (region == null ? "" : ", region " + region) + ") in the catalog of "
                        + token.project().map(p -> "project " + p.name()).orElse(scope.toString())
                        + "; it offers " + token.catalog().serviceTypes()
                        + " and this service in regions " + token.catalog().regionsOf(type, iface));
            }
            url = e.get().url();
        }
        if (type.equals(ServiceType.COMPUTE)) {
            // Exosphere's `Helpers.serviceCatalogToEndpoints`: Nova URLs are rewritten to the v2.1 API
            url = url.replace("/v2/", "/v2.1/").replace("/v2.0/", "/v2.1/");
        }
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new EndpointNotFoundException("the " + type + " endpoint '" + url + "' is not an http(s) URL");
        }
        return parsed;
    }

    private CompletableFuture<HttpUrl> versionedRoot(boolean withPrefix) {
        return catalogEndpoint().thenApply(e -> versioned(e, withPrefix));
    }

    private HttpUrl versioned(HttpUrl endpoint, boolean withPrefix) {
        HttpUrl.Builder b = endpoint.newBuilder().query(null).fragment(null);
        List<String> segs = new ArrayList<>(endpoint.encodedPathSegments());
        segs.removeIf(String::isEmpty);
        boolean hasVersion =
                segs.stream().anyMatch(s -> VERSION_SEGMENT.matcher(s).matches());
        if (withPrefix && !hasVersion && type.versionPrefix().isPresent()) {
            segs.add(type.versionPrefix().get());
        }
        b.encodedPath("/");
        for (String s : segs) {
            b.addEncodedPathSegment(s);
        }
        if (!segs.isEmpty()) {
            b.addPathSegment(""); // trailing slash so relative paths resolve under it
        }
        return b.build();
    }

    @Override
    public Call<OpenStackResponse> send(OpenStackRequest request) {
        return send(request, ctx.engine().bufferedReader());
    }

    /**
     * Sends {@code request} when executed; {@code reader} decodes a 2xx body from the stream. Executed
     * synchronously it runs on the calling thread, waiting only for what the request needs first (the
     * token and catalog, a negotiated microversion).
     */
    public <T> Call<T> send(OpenStackRequest request, BodyReader<T> reader) {
        return Operation.composite(() -> sendNow(request, reader), () -> sendLater(request, reader));
    }

    private <T> T sendNow(OpenStackRequest request, BodyReader<T> reader) {
        HttpUrl root = Futures.join(versionedRoot(request.versionPrefix()));
        Versioning v = Futures.join(versioning(request));
        Exchange ex = exchange(request, root, v.headers());
        if (v.toConfirm() == null) {
            return ctx.engine().executeSync(ex, reader);
        }
        Confirmed<T> c;
        try {
            c = ctx.engine().executeSync(ex, confirming(v.toConfirm(), reader));
        } catch (OpenStackServiceException e) {
            if (e.status() == 406) {
                Futures.join(checkPinned(v.toConfirm()));
            }
            throw e;
        }
        if (!c.confirmed()) {
            Futures.join(checkUnconfirmed(v.toConfirm(), ex));
        }
        return c.value();
    }

    private <T> CompletableFuture<T> sendLater(OpenStackRequest request, BodyReader<T> reader) {
        try {
            return versionedRoot(request.versionPrefix())
                    .thenCompose(root -> versioning(request).thenCompose(v -> {
                        Exchange ex = exchange(request, root, v.headers());
                        if (v.toConfirm() == null) {
                            return ctx.engine().execute(ex, reader);
                        }
                        return ctx.engine()
                                .execute(ex, confirming(v.toConfirm(), reader))
                                .exceptionallyCompose(err -> {
                                    Throwable t = Futures.unwrap(err);
                                    if (t instanceof OpenStackServiceException se && se.status() == 406) {
                                        return checkPinned(v.toConfirm())
                                                .thenCompose(ok -> CompletableFuture.failedFuture(t));
                                    }
                                    return CompletableFuture.failedFuture(t);
                                })
                                .thenCompose(c -> c.confirmed()
                                        ? CompletableFuture.completedFuture(c.value())
                                        : checkUnconfirmed(v.toConfirm(), ex).thenApply(ok -> c.value()));
                    }));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Exchange exchange(OpenStackRequest request, HttpUrl root, Headers microversionHeaders) {
        HttpUrl url = url(request.path(), root);
        HttpUrl.Builder ub = url.newBuilder();
        for (Map.Entry<String, String> q : request.query()) {
            ub.addQueryParameter(q.getKey(), q.getValue());
        }
        Headers.Builder hb = new Headers.Builder();
        request.headers().forEach(hb::set);
        hb.addAll(microversionHeaders);
        byte[] body = null;
        String contentType = null;
        if (request.jsonBody().isPresent()) {
            try {
                body = ctx.engine()
                        .mapper()
                        .writeValueAsBytes(request.jsonBody().get());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        "request body of " + request + " cannot be serialized as JSON: " + e.getOriginalMessage(), e);
            }
            contentType = JSON;
        } else if (request.rawBody().isPresent()) {
            body = request.rawBody().get();
            contentType = request.rawContentType().orElse("application/octet-stream");
        }
        return new Exchange(
                type.type(),
                request.method(),
                ub.build(),
                hb.build(),
                body,
                contentType,
                request.idempotent(),
                ctx.auth().binding(scope));
    }

    static HttpUrl url(String path, HttpUrl root) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            HttpUrl abs = HttpUrl.parse(path);
            if (abs == null) {
                throw new IllegalArgumentException("not a URL: " + path);
            }
            return abs;
        }
        String rel = path;
        while (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        HttpUrl u = root.resolve(rel);
        if (u == null) {
            throw new IllegalArgumentException("cannot resolve path '" + path + "' against " + root);
        }
        return u;
    }

    // ---- microversions ----

    /**
     * The microversion headers of a request, and the pinned version the response must still confirm
     * (null when it was checked against the version document first, or none was asked for).
     */
    private record Versioning(Headers headers, Microversion toConfirm) {}

    /** A decoded body and whether the response confirmed the pinned microversion. */
    private record Confirmed<T>(T value, boolean confirmed) {}

    /**
     * A pinned microversion on a read (GET/HEAD) does not depend on the version document: while the
     * document has not been fetched, the request goes out at once and the service's
     * {@code OpenStack-API-Version} answer confirms the version (no extra request, as openstack4j).
     * Only an unconfirmed answer or a 406 fetches the document, to fail with the precise reason.
     * Negotiated versions and pinned writes check the (cached) document first.
     */
    private CompletableFuture<Versioning> versioning(OpenStackRequest request) {
        Optional<String> service = type.microversionService();
        if (request.microversion().isPresent()
                && service.isPresent()
                && (request.method().equals("GET") || request.method().equals("HEAD"))) {
            return catalogEndpoint().thenCompose(endpoint -> {
                String key = versionDocumentUrl(endpoint).toString();
                if (ctx.versionCache().containsKey(key)) {
                    return microversionHeaders(request).thenApply(h -> new Versioning(h, null));
                }
                Microversion v = request.microversion().get();
                return CompletableFuture.completedFuture(new Versioning(headersFor(service.get(), v), v));
            });
        }
        return microversionHeaders(request).thenApply(h -> new Versioning(h, null));
    }

    private <T> BodyReader<Confirmed<T>> confirming(Microversion v, BodyReader<T> reader) {
        String service = type.microversionService().orElseThrow();
        return (head, body) -> new Confirmed<>(reader.read(head, body), confirms(head, service, v));
    }

    /** True when the response says it was served at {@code v} (either microversion header). */
    static boolean confirms(ResponseHead head, String service, Microversion v) {
        try {
            Optional<String> h = head.header("OpenStack-API-Version");
            if (h.isPresent()) {
                String[] parts = h.get().trim().split("\\s+");
                return parts.length == 2
                        && parts[0].equalsIgnoreCase(service)
                        && Microversion.parse(parts[1]).equals(v);
            }
            Optional<String> manila = head.header("X-OpenStack-Manila-API-Version");
            if (MANILA.equals(service)) {
                return manila.isPresent()
                        && Microversion.parse(manila.get().trim()).equals(v);
            }
            Optional<String> nova = head.header("X-OpenStack-Nova-API-Version");
            return service.equals("compute")
                    && nova.isPresent()
                    && Microversion.parse(nova.get().trim()).equals(v);
        } catch (RuntimeException e) {
            return false; // an unreadable header confirms nothing
        }
    }

    /** Checks a pinned version the service did not confirm against the version document. */
    private CompletableFuture<Void> checkPinned(Microversion v) {
        String service = type.microversionService().orElseThrow();
        return discover().thenAccept(range -> requireSupported(service, v, range));
    }

    /**
     * Checks a pinned version that a 2xx answer did not confirm (no microversion header naming it) against
     * the version document. The caller's answer is already here, so this is a side request, and it must not
     * cost the caller that answer or minutes of waiting: a cached document decides at once; otherwise the
     * document is asked for once, without retries and for at most {@link #sideCheckTimeout()}. When it cannot
     * be read (an error status, a timeout, a broken connection, an unreadable body), the answer is returned
     * as served at the pinned version, unchecked, with a WARN line that says so; for {@link
     * #RECHECK_UNREADABLE_DOCUMENT} (the injected clock) further unconfirmed answers from that endpoint are
     * returned without asking again and without another WARN. A document that is read and does not offer the
     * version fails the call with {@link MicroversionNotSupportedException}, as a 406 does.
     */
    private CompletableFuture<Void> checkUnconfirmed(Microversion v, Exchange answered) {
        String service = type.microversionService().orElseThrow();
        return catalogEndpoint().thenCompose(endpoint -> {
            HttpUrl docUrl = versionDocumentUrl(endpoint);
            String key = docUrl.toString();
            CompletableFuture<Optional<MicroversionRange>> cached =
                    ctx.versionCache().get(key);
            if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
                return cached.thenAccept(range -> requireSupported(service, v, range));
            }
            Instant since = ctx.unreadableVersionDocuments().get(key);
            if (since != null && ctx.engine().clock().instant().isBefore(since.plus(RECHECK_UNREADABLE_DOCUMENT))) {
                LOG.debug(
                        "{} {} {}: {} {} not confirmed; version document unreadable since {}, answer kept",
                        service,
                        answered.method(),
                        answered.url().encodedPath(),
                        service,
                        v,
                        since);
                return CompletableFuture.completedFuture(null);
            }
            Exchange doc = new Exchange(
                    type.type(),
                    "GET",
                    docUrl,
                    Headers.of(),
                    null,
                    null,
                    false, // one attempt: the caller's answer waits for it
                    ctx.auth().binding(scope),
                    sideCheckTimeout());
            return ctx.engine()
                    .execute(doc)
                    .thenApply(r -> parseVersionDocument(r.json(), docUrl))
                    .handle((range, err) -> {
                        if (err != null) {
                            Throwable t = Futures.unwrap(err);
                            if (!(t instanceof OpenStackException)
                                    || ctx.engine().isClosed()) {
                                // close() fails unfinished calls, this one included
                                throw t instanceof RuntimeException re ? re : new IllegalStateException(t);
                            }
                            ctx.unreadableVersionDocuments()
                                    .put(key, ctx.engine().clock().instant());
                            LOG.warn(
                                    "{} did not confirm microversion {} in its answer to {} {} (no OpenStack-API-Version"
                                            + " header naming it), and its version document {} could not be read: {}."
                                            + " The answer is returned as served at {} {}, unchecked; the version"
                                            + " document is asked for again after {} minutes",
                                    service,
                                    v,
                                    answered.method(),
                                    answered.url().encodedPath(),
                                    docUrl,
                                    t.getMessage(),
                                    service,
                                    v,
                                    RECHECK_UNREADABLE_DOCUMENT.toMinutes());
                            return null;
                        }
                        ctx.unreadableVersionDocuments().remove(key);
                        ctx.versionCache().putIfAbsent(key, CompletableFuture.completedFuture(range));
                        requireSupported(service, v, range);
                        return null;
                    });
        });
    }

    /** The side check's deadline: the transport's read timeout, at most {@link #SIDE_CHECK_TIMEOUT}. */
    private Duration sideCheckTimeout() {
        Duration read = ctx.engine().options().readTimeout();
        return read.isZero() || read.compareTo(SIDE_CHECK_TIMEOUT) > 0 ? SIDE_CHECK_TIMEOUT : read;
    }

    private static void requireSupported(String service, Microversion v, Optional<MicroversionRange> range) {
        if (range.isEmpty() || !range.get().supports(v)) {
            String offered = range.map(r -> r.max().toString()).orElse("none");
            String detail = range.isEmpty()
                    ? "cloud offers no " + service + " microversions"
                    : v.isAtLeast(range.get().min())
                            ? "cloud offers \u2264 " + range.get().max()
                            : "cloud requires \u2265 " + range.get().min();
            throw new MicroversionNotSupportedException(service, v.toString(), offered, detail);
        }
    }

    private static Headers headersFor(String service, Microversion chosen) {
        Headers.Builder hb = new Headers.Builder().add("OpenStack-API-Version", service + " " + chosen);
        if ("compute".equals(service)) {
            hb.add("X-OpenStack-Nova-API-Version", chosen.toString());
        } else if (MANILA.equals(service)) {
            // Manila reads only its own header (manila.api.openstack.wsgi API_VERSION_REQUEST_HEADER)
            hb.add("X-OpenStack-Manila-API-Version", chosen.toString());
        }
        return hb.build();
    }

    private CompletableFuture<Headers> microversionHeaders(OpenStackRequest request) {
        boolean wants = request.microversion().isPresent() || request.negotiateMicroversion();
        if (!wants) {
            return CompletableFuture.completedFuture(Headers.of());
        }
        String service = type.microversionService().orElse(null);
        if (service == null) {
            return CompletableFuture.failedFuture(new MicroversionNotSupportedException(
                    type.type(),
                    request.microversion()
                            .or(request::minimumMicroversion)
                            .map(Object::toString)
                            .orElse("?"),
                    "none",
                    "the " + type + " API has no microversions"));
        }
        return discover().thenApply(range -> {
            Microversion chosen;
            if (request.microversion().isPresent()) {
                Microversion v = request.microversion().get();
                requireSupported(service, v, range);
                chosen = v;
            } else {
                chosen = negotiate(range);
                Optional<Microversion> min = request.minimumMicroversion();
                if (min.isPresent() && !chosen.isAtLeast(min.get())) {
                    Microversion serverMax = range.get().max();
                    String detail = serverMax.isAtLeast(min.get())
                            ? "but the client maximum is " + ctx.clientMax(service)
                                    + " (raise it with OpenStack.Builder.maxMicroversion)"
                            : "cloud offers \u2264 " + serverMax;
                    throw new MicroversionNotSupportedException(
                            service, min.get().toString(), chosen.toString(), detail);
                }
            }
            return headersFor(service, chosen);
        });
    }

    private Microversion negotiate(Optional<MicroversionRange> range) {
        String service = type.microversionService().orElseThrow();
        if (range.isEmpty()) {
            throw new MicroversionNotSupportedException(
                    service, "?", "none", "cloud offers no " + service + " microversions");
        }
        Microversion clientMax = ctx.clientMax(service);
        return clientMax == null
                ? range.get().max()
                : Microversion.min(clientMax, range.get().max());
    }

    @Override
    public Call<MicroversionRange> microversions() {
        return Operation.fromAsync(() -> discover()
                .thenApply(r -> r.orElseThrow(() -> new MicroversionNotSupportedException(
                        type.microversionService().orElse(type.type()),
                        "?",
                        "none",
                        "cloud offers no " + type + " microversions"))));
    }

    @Override
    public Microversion negotiatedMicroversion() {
        return Futures.join(discover().thenApply(this::negotiate));
    }

    /** Reads min/max from the version document of the versioned root, cached per root URL. */
    private CompletableFuture<Optional<MicroversionRange>> discover() {
        return catalogEndpoint().thenCompose(endpoint -> {
            HttpUrl docUrl = versionDocumentUrl(endpoint);
            String key = docUrl.toString();
            CompletableFuture<Optional<MicroversionRange>> f = ctx.versionCache()
                    .computeIfAbsent(key, k -> {
                        Exchange ex = new Exchange(
                                type.type(),
                                "GET",
                                docUrl,
                                Headers.of(),
                                null,
                                null,
                                true,
                                ctx.auth().binding(scope));
                        return ctx.engine().execute(ex).thenApply(r -> parseVersionDocument(r.json(), docUrl));
                    });
            f.whenComplete((r, e) -> {
                if (e != null) {
                    ctx.versionCache().remove(key, f); // let the next call try again
                }
            });
            return f;
        });
    }

    /** The endpoint cut after its version segment (drops Nova/Cinder project ids); or the endpoint. */
    static HttpUrl versionDocumentUrl(HttpUrl endpoint) {
        List<String> segs = endpoint.encodedPathSegments();
        int versionAt = -1;
        for (int i = 0; i < segs.size(); i++) {
            if (VERSION_SEGMENT.matcher(segs.get(i)).matches()) {
                versionAt = i;
            }
        }
        HttpUrl.Builder b = endpoint.newBuilder().query(null).fragment(null).encodedPath("/");
        int upTo = versionAt >= 0 ? versionAt : segs.size() - 1;
        boolean any = false;
        for (int i = 0; i <= upTo; i++) {
            if (!segs.get(i).isEmpty()) {
                b.addEncodedPathSegment(segs.get(i));
                any = true;
            }
        }
        if (any) {
            b.addPathSegment("");
        }
        return b.build();
    }

    static Optional<MicroversionRange> parseVersionDocument(JsonNode doc, HttpUrl docUrl) {
        JsonNode v = doc.get("version");
        if (v == null || !v.isObject()) {
            JsonNode versions = doc.get("versions");
            if (versions != null && versions.isObject()) {
                versions = versions.get("values"); // Keystone style
            }
            if (versions == null || !versions.isArray() || versions.isEmpty()) {
                throw new ResponseDecodingException("the version document at " + docUrl + " has no versions", null);
            }
            String wanted = null;
            for (String s : docUrl.encodedPathSegments()) {
                if (VERSION_SEGMENT.matcher(s).matches()) {
                    wanted = s;
                }
            }
            JsonNode chosen = null;
            for (JsonNode candidate : versions) {
                String id = candidate.path("id").asText("");
                if (wanted != null && (id.equals(wanted) || id.startsWith(wanted + "."))) {
                    chosen = candidate;
                    break;
                }
            }
            if (chosen == null) {
                for (JsonNode candidate : versions) {
                    if ("CURRENT".equalsIgnoreCase(candidate.path("status").asText())) {
                        chosen = candidate;
                        break;
                    }
                }
            }
            v = chosen != null ? chosen : versions.get(0);
        }
        String max = v.path("version").asText("");
        if (max.isEmpty()) {
            max = v.path("max_version").asText("");
        }
        String min = v.path("min_version").asText("");
        if (max.isEmpty()) {
            return Optional.empty();
        }
        Microversion maxV = Microversion.parse(max);
        Microversion minV = min.isEmpty() ? maxV : Microversion.parse(min);
        return Optional.of(new MicroversionRange(minV, maxV));
    }

    // ---- pagination ----

    @Override
    public <T> Paginator<T> paginate(OpenStackRequest first, String collectionKey, Class<T> itemType) {
        ObjectReader itemReader = ctx.engine().mapper().readerFor(itemType);
        return Paginator.of(new PageFetcher<T>() {
            @Override
            public CompletableFuture<Page<T>> fetch(String nextUrl) {
                OpenStackRequest req = nextUrl == null ? first : rebuildFor(first, nextUrl);
                return versionedRoot(first.versionPrefix())
                        .thenCompose(root -> sendLater(req, pageReader(collectionKey, itemType, itemReader, root)));
            }

            @Override
            public Page<T> fetchNow(String nextUrl) {
                OpenStackRequest req = nextUrl == null ? first : rebuildFor(first, nextUrl);
                HttpUrl root = Futures.join(versionedRoot(first.versionPrefix()));
                return sendNow(req, pageReader(collectionKey, itemType, itemReader, root));
            }
        });
    }

    /** The next-page request: same method, headers and microversion; URL (with its query) from the link. */
    private static OpenStackRequest rebuildFor(OpenStackRequest first, String nextUrl) {
        // the link already carries every query parameter: the first request's are not added again
        OpenStackRequest.Builder b = rawPath(first.method(), nextUrl);
        first.headers().forEach(b::header);
        first.microversion().ifPresent(b::microversion);
        first.minimumMicroversion().ifPresent(m -> b.minimumMicroversion(m.toString()));
        if (first.negotiateMicroversion() && first.minimumMicroversion().isEmpty()) {
            b.negotiatedMicroversion();
        }
        return b.build();
    }

    private static OpenStackRequest.Builder rawPath(String method, String absoluteUrl) {
        // absolute URLs pass through path templating untouched (no placeholders)
        return OpenStackRequest.builder(method, absoluteUrl.replace("{", "%7B").replace("}", "%7D"));
    }

    /**
     * Decodes a page from the stream: each item of {@code collectionKey} is bound as it arrives (no tree
     * of the page), and only the small link members are kept as JSON for {@link NextLinks}.
     */
    private <T> BodyReader<Page<T>> pageReader(
            String collectionKey, Class<T> itemType, ObjectReader itemReader, HttpUrl root) {
        ObjectMapper mapper = ctx.engine().mapper();
        String linksKey = collectionKey + "_links";
        return (head, body) -> {
            List<T> items = null;
            ObjectNode links = mapper.createObjectNode();
            try (JsonParser p = mapper.createParser(body)) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken value = p.nextToken();
                        if (name.equals(collectionKey) && value == JsonToken.START_ARRAY) {
                            items = readItems(p, itemReader, collectionKey, itemType);
                        } else if (name.equals(linksKey)
                                || name.equals("links")
                                || name.equals("next")
                                || name.equals("first")) {
                            links.set(name, mapper.readTree(p));
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
            if (items == null) {
                throw new ResponseDecodingException(
                        type + " " + head.url().replaceFirst("\\?.*$", "")
                                + ": response has no '" + collectionKey + "' array"
                                + head.requestId()
                                        .map(id -> " (request id " + id + ")")
                                        .orElse(""),
                        null);
            }
            List<T> out = items;
            HttpUrl current = HttpUrl.parse(head.url());
            HttpUrl next = NextLinks.find(
                    links, collectionKey, current, root, out.size(), () -> idOf(mapper, out.get(out.size() - 1)));
            return new Page<>(out, next == null ? null : next.toString());
        };
    }

    /**
     * Binds the array the parser is on item by item, with one deserialization context for the whole array
     * (a {@code MappingIterator}, as Jackson binds a {@code List}); leaves the parser on the array's end.
     */
    private <T> List<T> readItems(JsonParser p, ObjectReader itemReader, String collectionKey, Class<T> itemType)
            throws java.io.IOException {
        List<T> items = new ArrayList<>();
        if (p.nextToken() == JsonToken.END_ARRAY) {
            return items;
        }
        try {
            com.fasterxml.jackson.databind.MappingIterator<T> it = itemReader.readValues(p);
            while (it.hasNextValue()) {
                items.add(it.nextValue());
            }
        } catch (JsonMappingException e) {
            throw new ResponseDecodingException(
                    type + ": could not decode an item of '" + collectionKey + "' as " + itemType.getSimpleName(),
                    null);
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new JsonParseException(p, "unexpected end of '" + collectionKey + "'");
        }
        return items;
    }

    /** The {@code id} of a decoded item (for Neutron's marker paging), or null. */
    private static String idOf(ObjectMapper mapper, Object item) {
        JsonNode node = item instanceof JsonNode n ? n : mapper.valueToTree(item);
        JsonNode id = node.path("id");
        return id.isTextual() ? id.asText() : null;
    }
}
