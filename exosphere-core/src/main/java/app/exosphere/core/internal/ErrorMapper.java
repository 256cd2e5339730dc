package app.exosphere.core.internal;

import app.exosphere.core.error.BadRequestException;
import app.exosphere.core.error.ConflictException;
import app.exosphere.core.error.ConnectionException;
import app.exosphere.core.error.ForbiddenException;
import app.exosphere.core.error.NotFoundException;
import app.exosphere.core.error.OpenStackClientException;
import app.exosphere.core.error.OpenStackServiceException;
import app.exosphere.core.error.OverLimitException;
import app.exosphere.core.error.ServerErrorException;
import app.exosphere.core.error.ServiceError;
import app.exosphere.core.error.TimeoutException;
import app.exosphere.core.error.TlsException;
import app.exosphere.core.error.UnauthorizedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLException;

/** Turns error responses and I/O failures into the SDK's exception hierarchy. */
public final class ErrorMapper {
    private static final int EXCERPT = 200;
    private final ObjectMapper mapper;

    public ErrorMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The parsed message of an error body. */
    record Parsed(String message, String type, Duration retryAfter) {}

    /** Builds the typed exception for an error status. */
    public OpenStackServiceException serviceException(
            String service, String method, String path, RawResponse raw, java.time.Clock clock) {
        Parsed parsed = parse(raw.status(), raw.body(), raw.contentType());
        Duration retryAfter =
                raw.header("Retry-After").map(v -> parseRetryAfter(v, clock)).orElse(parsed.retryAfter());
        ServiceError error = new ServiceError(
                raw.status(), service, method, path, raw.requestId(), parsed.message(), parsed.type(), retryAfter);
        return forStatus(error);
    }

    /** The exception class for a status. */
    public static OpenStackServiceException forStatus(ServiceError error) {
        int s = error.status();
        switch (s) {
            case 400:
                return new BadRequestException(error);
            case 401:
                return new UnauthorizedException(error);
            case 403:
                return new ForbiddenException(error);
            case 404:
                return new NotFoundException(error);
            case 409:
                return new ConflictException(error);
            case 413:
            case 429:
                return new OverLimitException(error);
            default:
                return s >= 500 ? new ServerErrorException(error) : new OpenStackServiceException(error);
        }
    }

    /** Parses every known OpenStack error body shape (errors.md; Exosphere's {@code OpenStack.Error.synchronousErrorJsonDecoder}). */
    Parsed parse(int status, byte[] body, String contentType) {
        Parsed p = parseUnmasked(status, body);
        // a service may echo the request (a tag, a query) in its message: mask what may be a secret
        return new Parsed(Redactor.secretsMasked(p.message()), p.type(), p.retryAfter());
    }

    private Parsed parseUnmasked(int status, byte[] body) {
        if (body == null || body.length == 0) {
            return new Parsed(reason(status), null, null);
        }
        JsonNode tree = null;
        try {
            tree = mapper.readTree(body);
        } catch (IOException | RuntimeException e) {
            // not JSON: fall through to the excerpt
        }
        if (tree != null && tree.isObject()) {
            Parsed p = parseJson(tree);
            if (p != null) {
                return p;
            }
        }
        String excerpt = Redactor.excerpt(body, EXCERPT);
        return new Parsed(excerpt.isEmpty() ? reason(status) : excerpt, null, null);
    }

    private Parsed parseJson(JsonNode tree) {
        // Neutron: {"NeutronError": {"type", "message", "detail"}}
        JsonNode neutron = tree.get("NeutronError");
        if (neutron != null && neutron.isObject() && neutron.path("message").isTextual()) {
            return new Parsed(neutron.get("message").asText(), textOrNull(neutron.get("type")), null);
        }
        // Keystone: {"error": {"code", "title", "message"}}; OAuth2: {"error": "...", "error_description"}
        JsonNode error = tree.get("error");
        if (error != null && error.isObject() && error.path("message").isTextual()) {
            return new Parsed(error.get("message").asText(), textOrNull(error.get("title")), null);
        }
        if (error != null && error.isTextual()) {
            String desc = tree.path("error_description").asText(error.asText());
            return new Parsed(desc, error.asText(), null);
        }
        // Keystone MFA receipt
        if (tree.has("receipt") && tree.has("required_auth_methods")) {
            return new Parsed(
                    "additional authentication methods are required: " + tree.get("required_auth_methods"),
                    "auth_receipt",
                    null);
        }
        // Glance/WebOb JSON: {"message", "code": "404 Not Found", "title"}
        if (tree.path("message").isTextual()) {
            String type = textOrNull(tree.get("title"));
            return new Parsed(tree.get("message").asText().trim(), type, null);
        }
        // Nova/Cinder fault wrapper: the member whose key sorts first among those holding a message
        TreeMap<String, JsonNode> faults = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = tree.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject() && e.getValue().path("message").isTextual()) {
                faults.put(e.getKey(), e.getValue());
            }
        }
        if (!faults.isEmpty()) {
            Map.Entry<String, JsonNode> first = faults.firstEntry();
            JsonNode fault = first.getValue();
            Duration retryAfter = null;
            JsonNode ra = fault.get("retryAfter");
            if (ra != null && (ra.isNumber() || ra.isTextual())) {
                try {
                    retryAfter = Duration.ofSeconds(Long.parseLong(ra.asText().trim()));
                } catch (NumberFormatException ignored) {
                    // leave unset
                }
            }
            return new Parsed(fault.get("message").asText(), first.getKey(), retryAfter);
        }
        return null;
    }

    private static String textOrNull(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /** {@code Retry-After} as seconds or an HTTP date. */
    static Duration parseRetryAfter(String value, java.time.Clock clock) {
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), when.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    /** Maps an I/O failure to a client-side exception. */
    public static OpenStackClientException ioException(String service, String method, String url, IOException e) {
        String where = service + " " + method + " " + url;
        if (e instanceof SSLException) {
            return new TlsException(
                    "TLS failure talking to " + where + ": " + e.getMessage()
                            + ". Configure the cloud's CA bundle (clouds.yaml 'cacert') if it uses a private CA.",
                    e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new TimeoutException("timed out: " + where + " (" + e.getMessage() + ")", e);
        }
        if (e instanceof UnknownHostException) {
            return new ConnectionException("unknown host for " + where + ": check the auth URL and catalog", e);
        }
        return new ConnectionException(
                "connection failed: " + where + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")",
                e);
    }

    static String reason(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 409:
                return "Conflict";
            case 413:
                return "Request Entity Too Large";
            case 429:
                return "Too Many Requests";
            case 500:
                return "Internal Server Error";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            case 504:
                return "Gateway Timeout";
            default:
                return "HTTP " + status;
        }
    }
}
