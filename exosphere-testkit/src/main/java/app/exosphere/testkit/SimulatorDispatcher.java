package app.exosphere.testkit;

import app.exosphere.testkit.internal.Accounting;
import app.exosphere.testkit.internal.ApiException;
import app.exosphere.testkit.internal.Cinder;
import app.exosphere.testkit.internal.Designate;
import app.exosphere.testkit.internal.Exchange;
import app.exosphere.testkit.internal.Glance;
import app.exosphere.testkit.internal.Json;
import app.exosphere.testkit.internal.Keystone;
import app.exosphere.testkit.internal.Manila;
import app.exosphere.testkit.internal.Neutron;
import app.exosphere.testkit.internal.Nova;
import app.exosphere.testkit.internal.Placement;
import app.exosphere.testkit.internal.Reply;
import app.exosphere.testkit.internal.UapApps;
import app.exosphere.testkit.internal.World;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes requests to the simulated services, applying faults and recording the journal. */
final class SimulatorDispatcher extends Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorDispatcher.class);

    private final World world;
    private final Keystone keystone;
    private final UapApps uap;
    private final Faults faults;
    private final RequestJournal journal;
    private final boolean uapServer;

    SimulatorDispatcher(
            World world, Keystone keystone, UapApps uap, Faults faults, RequestJournal journal, boolean uapServer) {
        this.world = world;
        this.keystone = keystone;
        this.uap = uap;
        this.faults = faults;
        this.journal = journal;
        this.uapServer = uapServer;
    }

    private record Route(Service service, String region, String base, List<String> segments) {}

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String method = request.getMethod();
        byte[] body =
                request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        String host = hostOf(request);
        Route route =
                uapServer ? new Route(Service.UAP, null, "https://" + host, trim(url.pathSegments())) : route(url);
        String servicePath = "/" + String.join("/", route.segments());
        long seq = journal.nextSequence();
        Optional<Fault> fault = faults.pick(route.service(), method, servicePath);
        Instant simulatedAt = world.clock.now();
        if (fault.isPresent() && fault.get().effect() == Fault.Effect.DISCONNECT) {
            record(seq, simulatedAt, route, host, method, servicePath, url, 0, fault, body, "");
            return new MockResponse.Builder()
                    .onResponseStart(new SocketEffect.CloseSocket())
                    .build();
        }
        if (fault.isPresent() && fault.get().effect() == Fault.Effect.LAND_LATE) {
            Exchange late = new Exchange(method, url, route.segments(), request.getHeaders(), body, route.base());
            synchronized (world) {
                world.schedule(simulatedAt.plus(fault.get().landingDelay()), () -> land(route, late, host));
            }
            record(seq, simulatedAt, route, host, method, servicePath, url, 0, fault, body, "");
            return new MockResponse.Builder()
                    .onResponseStart(new SocketEffect.CloseSocket())
                    .build();
        }
        Reply reply;
        String contentType;
        String text;
        int status;
        if (fault.isPresent() && fault.get().effect() == Fault.Effect.RESPOND) {
            ApiException.Body rendered = new ApiException(
                            fault.get().status(), fault.get().message())
                    .render(route.service(), wantsJson(request));
            reply = null;
            status = fault.get().status();
            contentType = rendered.contentType();
            text = rendered.text();
        } else {
            Exchange ex = new Exchange(method, url, route.segments(), request.getHeaders(), body, route.base());
            int mv = 0;
            try {
                synchronized (world) {
                    world.tick();
                    if (route.service() == Service.COMPUTE) {
                        mv = Nova.microversion(ex);
                    } else if (route.service() == Service.SHARE
                            && !route.segments().isEmpty()
                            && !route.segments().get(0).equals("<versions>")) {
                        mv = Manila.microversion(ex);
                    }
                    reply = handle(route, ex, host, mv);
                }
                status = reply.status();
                contentType = reply.contentType();
                text = reply.body();
            } catch (ApiException e) {
                ApiException.Body rendered = e.render(route.service(), wantsJson(request));
                reply = null;
                status = e.status();
                contentType = rendered.contentType();
                text = rendered.text();
            } catch (RuntimeException e) {
                // the path is not logged: it may hold a passphrase tag or a token
                LOG.warn("simulated {} failed on a {} request", route.service(), method, e);
                ApiException.Body rendered = new ApiException(
                                500,
                                "The server has either erred or is incapable of"
                                        + " performing the requested operation.")
                        .render(route.service(), wantsJson(request));
                reply = null;
                status = 500;
                contentType = rendered.contentType();
                text = rendered.text();
            }
            if (route.service() == Service.COMPUTE && status < 500) {
                int used = mv == 0 ? 1 : mv;
                if (reply == null) {
                    reply = Reply.text(status, contentType, text);
                }
                reply.header("OpenStack-API-Version", "compute 2." + used);
                reply.header("X-OpenStack-Nova-API-Version", "2." + used);
                reply.header("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
            }
            if (route.service() == Service.SHARE && status < 500 && mv > 0) {
                if (reply == null) {
                    reply = Reply.text(status, contentType, text);
                }
                reply.header("X-OpenStack-Manila-API-Version", "2." + mv);
                reply.header("Vary", "X-OpenStack-Manila-API-Version");
            }
        }
        MockResponse.Builder b = new MockResponse.Builder().code(status);
        if (contentType != null) {
            b.setHeader("Content-Type", contentType);
        }
        if (reply != null) {
            reply.headers().forEach(b::setHeader);
        }
        if (route.service() != Service.UAP) {
            b.setHeader("x-openstack-request-id", "req-" + world.ids.uuid());
        }
        if (status == 401 && route.service() != Service.UAP) {
            b.setHeader("WWW-Authenticate", "Keystone uri=\"" + world.apiBase + "/v3\"");
        }
        boolean truncated = fault.isPresent() && fault.get().effect() == Fault.Effect.TRUNCATE_RESPONSE;
        boolean emptied = fault.isPresent() && fault.get().effect() == Fault.Effect.EMPTY_RESPONSE;
        if (truncated && text != null) {
            text = text.substring(0, text.length() / 2);
        } else if (emptied) {
            text = "";
        }
        b.body(text == null ? "" : text);
        if (fault.isPresent() && fault.get().effect() == Fault.Effect.LATENCY) {
            b.headersDelay(fault.get().latency().toNanos(), TimeUnit.NANOSECONDS);
        }
        boolean dropped = fault.isPresent() && fault.get().effect() == Fault.Effect.DROP_RESPONSE;
        if (dropped) {
            b.onResponseStart(new SocketEffect.CloseSocket());
        }
        record(
                seq,
                simulatedAt,
                route,
                host,
                method,
                servicePath,
                url,
                dropped ? 0 : status,
                fault,
                body,
                dropped ? "" : text);
        return b.build();
    }

    /** Plays a late-landing request (its answer goes nowhere); called by the world's scheduler. */
    private void land(Route route, Exchange ex, String host) {
        try {
            int mv = route.service() == Service.COMPUTE
                    ? Nova.microversion(ex)
                    : route.service() == Service.SHARE ? Manila.microversion(ex) : 0;
            handle(route, ex, host, mv);
        } catch (RuntimeException e) {
            LOG.info("a late-landing {} {} request was refused: {}", route.service(), ex.method(), e.toString());
        }
    }

    private void record(
            long seq,
            Instant at,
            Route route,
            String host,
            String method,
            String path,
            HttpUrl url,
            int status,
            Optional<Fault> fault,
            byte[] body,
            String responseBody) {
        journal.record(new JournalEntry(
                seq,
                at,
                route.service(),
                route.region(),
                host,
                method,
                path,
                url.encodedQuery(),
                status,
                fault,
                new String(body, StandardCharsets.UTF_8),
                responseBody == null ? "" : responseBody));
    }

    private static boolean wantsJson(RecordedRequest request) {
        String accept = request.getHeaders().get("Accept");
        return accept != null && accept.contains("json");
    }

    private static String hostOf(RecordedRequest request) {
        String host = request.getHeaders().get("Host");
        if (host == null) {
            return request.getUrl().host();
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }

    private static List<String> trim(List<String> segments) {
        List<String> out = new ArrayList<>(segments);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private Route route(HttpUrl url) {
        List<String> seg = trim(url.pathSegments());
        String api = world.apiBase;
        if (seg.isEmpty()) {
            return new Route(Service.IDENTITY, null, api, List.of("<versions>"));
        }
        if (seg.get(0).equals("novnc")) {
            return new Route(Service.COMPUTE, null, api + "/novnc", prefixed("<novnc>", seg.subList(1, seg.size())));
        }
        if (seg.get(0).equals("v3")) {
            return new Route(Service.IDENTITY, null, api + "/v3", seg.subList(1, seg.size()));
        }
        String region = seg.get(0);
        if (seg.size() >= 2 && world.region(region) != null) {
            String svc = seg.get(1);
            List<String> rest = seg.subList(2, seg.size());
            String base = api + "/" + region + "/" + svc;
            switch (svc) {
                case "compute" -> {
                    if (!rest.isEmpty() && rest.get(0).equals("v2.1")) {
                        return new Route(Service.COMPUTE, region, base + "/v2.1", rest.subList(1, rest.size()));
                    }
                    return new Route(Service.COMPUTE, region, base, prefixed("<versions>", rest));
                }
                case "image" -> {
                    return new Route(Service.IMAGE, region, base, rest.isEmpty() ? List.of("<versions>") : rest);
                }
                case "network" -> {
                    return new Route(Service.NETWORK, region, base, rest.isEmpty() ? List.of("<versions>") : rest);
                }
                case "volume" -> {
                    if (rest.size() >= 2 && rest.get(0).equals("v3")) {
                        return new Route(
                                Service.VOLUME,
                                region,
                                base + "/v3/" + rest.get(1),
                                prefixed(rest.get(1), rest.subList(2, rest.size())));
                    }
                    return new Route(Service.VOLUME, region, base, prefixed("<versions>", rest));
                }
                case "placement" -> {
                    return new Route(Service.PLACEMENT, region, base, rest);
                }
                case "share" -> {
                    if (rest.size() >= 2 && rest.get(0).equals("v2")) {
                        return new Route(
                                Service.SHARE,
                                region,
                                base + "/v2/" + rest.get(1),
                                prefixed(rest.get(1), rest.subList(2, rest.size())));
                    }
                    return new Route(Service.SHARE, region, base, prefixed("<versions>", rest));
                }
                case "dns" -> {
                    return new Route(Service.DNS, region, base, rest.isEmpty() ? List.of("<versions>") : rest);
                }
                case "accounting" -> {
                    return new Route(Service.ACCOUNTING, region, base, rest);
                }
                default -> {
                    // fall through to unknown
                }
            }
        }
        return new Route(Service.IDENTITY, null, api, prefixed("<unknown>", seg));
    }

    /**
     * The project of the request's token, whose state the service acts on; the root project when the
     * request has no valid project-scoped token (the service then refuses it as before).
     */
    private World projectOf(Exchange ex) {
        World.Token t = world.validToken(ex.header("X-Auth-Token"));
        World p = t == null || t.projectId() == null ? null : world.project(t.projectId());
        return p == null ? world : p;
    }

    private static List<String> prefixed(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private Reply handle(Route route, Exchange ex, String host, int mv) {
        List<String> seg = route.segments();
        String first = seg.isEmpty() ? "" : seg.get(0);
        World project = projectOf(ex);
        World.RegionState rs = route.region() == null ? null : project.region(route.region());
        switch (route.service()) {
            case UAP -> {
                return uap.handle(host, ex);
            }
            case IDENTITY -> {
                if (first.equals("<versions>")) {
                    return keystone.versions();
                }
                if (first.equals("<unknown>")) {
                    throw new ApiException(404, "The resource could not be found.");
                }
                return keystone.handle(ex);
            }
            case COMPUTE -> {
                if (first.equals("<novnc>")) {
                    // the console proxy page a remote-console URL points at
                    return Reply.text(
                            200,
                            "text/html",
                            "<!DOCTYPE html><html><head><title>noVNC</title></head>"
                                    + "<body><div id=\"screen\">Simulated instance console</div></body></html>\n");
                }
                if (first.equals("<versions>")) {
                    if (seg.size() == 1) {
                        return Reply.ok(
                                Json.object("versions", Json.array().add(Nova.versionDoc(route.base(), false))));
                    }
                    throw new ApiException(404, "The resource could not be found.");
                }
                if (seg.isEmpty()) {
                    return Reply.ok(
                            Json.object("version", Nova.versionDoc(route.base().replace("/v2.1", ""), true)));
                }
                return new Nova(project, rs, keystone).handle(ex, mv);
            }
            case IMAGE -> {
                if (first.equals("<versions>")) {
                    return Reply.json(300, Glance.versions(route.base()));
                }
                if (first.equals("versions") && ex.size() == 1) {
                    // real Glance answers GET /versions with 200 and no token (contract suite, osbox)
                    return Reply.ok(Glance.versions(route.base()));
                }
                return new Glance(project, rs, keystone).handle(ex);
            }
            case NETWORK -> {
                if (first.equals("<versions>")) {
                    return Reply.ok(Neutron.versions(route.base()));
                }
                if (!first.equals("v2.0")) {
                    throw new ApiException(404, "The resource could not be found.");
                }
                return new Neutron(project, rs, keystone).handle(ex);
            }
            case VOLUME -> {
                if (first.equals("<versions>")) {
                    // real Cinder: the root "/" answers 300 Multiple Choices, the versioned root
                    // "/v3/" 200 with the same list (contract suite SdkLaunchContract, osbox)
                    boolean versionedRoot = route.segments().size() == 2
                            && route.segments().get(1).equals("v3");
                    return Reply.json(versionedRoot ? 200 : 300, Cinder.versions(route.base()));
                }
                if (!first.equals(project.projectId)) {
                    keystone.requireToken(ex);
                    throw new ApiException(400, "Malformed request url");
                }
                Exchange inner = new Exchange(
                        ex.method(), ex.url(), seg.subList(1, seg.size()), ex.headers(), ex.bodyBytes(), route.base());
                return new Cinder(project, rs, keystone).handle(inner);
            }
            case PLACEMENT -> {
                return new Placement(project, rs, keystone).handle(ex);
            }
            case SHARE -> {
                if (first.equals("<versions>")) {
                    // real Manila: "/" answers 300 with every version, "/v2/" 200 with v2.0
                    boolean versionedRoot = seg.size() == 2 && seg.get(1).equals("v2");
                    return Reply.json(versionedRoot ? 200 : 300, Manila.versions(route.base()));
                }
                if (!first.equals(project.projectId)) {
                    keystone.requireToken(ex);
                    throw new ApiException(400, "Malformed request url");
                }
                Exchange inner = new Exchange(
                        ex.method(), ex.url(), seg.subList(1, seg.size()), ex.headers(), ex.bodyBytes(), route.base());
                return new Manila(project, rs, keystone).handle(inner, mv);
            }
            case DNS -> {
                if (first.equals("<versions>")) {
                    return Reply.ok(Designate.versions(route.base()));
                }
                return new Designate(project, rs, keystone).handle(ex);
            }
            case ACCOUNTING -> {
                return new Accounting(project, keystone).handle(ex);
            }
            default -> throw new ApiException(404, "The resource could not be found.");
        }
    }
}
