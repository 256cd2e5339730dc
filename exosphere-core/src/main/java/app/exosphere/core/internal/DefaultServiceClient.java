package app.exosphere.core.internal;

import app.exosphere.core.auth.CatalogEndpoint;
import app.exosphere.core.auth.Scope;
import app.exosphere.core.auth.TokenInfo;
import app.exosphere.core.error.EndpointNotFoundException;
import app.exosphere.core.error.MicroversionNotSupportedException;
import app.exosphere.core.error.ResponseDecodingException;
import app.exosphere.core.http.EndpointInterface;
import app.exosphere.core.http.Microversion;
import app.exosphere.core.http.MicroversionRange;
import app.exosphere.core.http.OpenStackRequest;
import app.exosphere.core.http.OpenStackResponse;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.page.Page;
import app.exosphere.core.page.Paginator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/** The transport of one service in one view. */
public final class DefaultServiceClient implements ServiceClient {
    private static final Pattern VERSION_SEGMENT = Pattern.compile("v\\d+(\\.\\d+)?");
    private static final String JSON = "application/json";

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
    public String endpoint() {
        return HttpEngine.join(endpointAsync());
    }

    @Override
    public CompletableFuture<String> endpointAsync() {
        return versionedRoot(true).thenApply(HttpUrl::toString);
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
            // exosphere-spec §9.5: Nova URLs are rewritten to the v2.1 API
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
    public OpenStackResponse send(OpenStackRequest request) {
        return HttpEngine.join(sendAsync(request));
    }

    @Override
    public CompletableFuture<OpenStackResponse> sendAsync(OpenStackRequest request) {
        try {
            return versionedRoot(request.versionPrefix())
                    .thenCompose(root -> microversionHeaders(request)
                            .thenCompose(headers -> ctx.engine().execute(exchange(request, root, headers))));
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
                if (range.isEmpty() || !range.get().supports(v)) {
                    String offered = range.map(r -> r.max().toString()).orElse("none");
                    String detail = range.isEmpty()
                            ? "cloud offers no " + service + " microversions"
                            : v.isAtLeast(range.get().min())
                                    ? "cloud offers \u2264 " + range.get().max()
                                    : "cloud requires \u2265 " + range.get().min();
                    throw new MicroversionNotSupportedException(service, v.toString(), offered, detail);
                }
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
            Headers.Builder hb = new Headers.Builder().add("OpenStack-API-Version", service + " " + chosen);
            if ("compute".equals(service)) {
                hb.add("X-OpenStack-Nova-API-Version", chosen.toString());
            }
            return hb.build();
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
    public MicroversionRange microversions() {
        return HttpEngine.join(microversionsAsync());
    }

    @Override
    public CompletableFuture<MicroversionRange> microversionsAsync() {
        return discover()
                .thenApply(r -> r.orElseThrow(() -> new MicroversionNotSupportedException(
                        type.microversionService().orElse(type.type()),
                        "?",
                        "none",
                        "cloud offers no " + type + " microversions")));
    }

    @Override
    public Microversion negotiatedMicroversion() {
        return HttpEngine.join(discover().thenApply(this::negotiate));
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
        return Paginator.of(nextUrl -> {
            OpenStackRequest req = nextUrl == null ? first : rebuildFor(first, nextUrl);
            return versionedRoot(first.versionPrefix())
                    .thenCompose(root -> sendAsync(req).thenApply(resp -> toPage(resp, collectionKey, itemType, root)));
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

    private <T> Page<T> toPage(OpenStackResponse resp, String collectionKey, Class<T> itemType, HttpUrl root) {
        JsonNode body = resp.json();
        JsonNode items = body.get(collectionKey);
        if (items == null || !items.isArray()) {
            throw new ResponseDecodingException(
                    type + " " + resp.url().replaceFirst("\\?.*$", "")
                            + ": response has no '" + collectionKey + "' array"
                            + resp.requestId()
                                    .map(id -> " (request id " + id + ")")
                                    .orElse(""),
                    null);
        }
        List<T> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            try {
                out.add(ctx.engine().mapper().treeToValue(item, itemType));
            } catch (JsonProcessingException e) {
                throw new ResponseDecodingException(
                        type + ": could not decode an item of '" + collectionKey + "' as " + itemType.getSimpleName(),
                        null);
            }
        }
        HttpUrl current = HttpUrl.parse(resp.url());
        HttpUrl next = NextLinks.find(body, collectionKey, current, root, out.size());
        return new Page<>(out, next == null ? null : next.toString());
    }
}
