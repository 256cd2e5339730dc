package app.exosphere.testkit.internal;

import app.exosphere.testkit.Service;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An error answer of a simulated service, rendered in that service's real error-body format
 * (fixtures errors.md): Nova/Cinder fault wrappers, {@code NeutronError}, Keystone {@code error},
 * Glance WebOb bodies, Placement {@code errors} lists.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"),
            Map.entry(413, "Request Entity Too Large"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private final int status;
    private final String neutronType;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    /** A Neutron error with its exception class name ({@code type}). */
    public ApiException(int status, String message, String neutronType) {
        super(message, null, false, false);
        this.status = status;
        this.neutronType = neutronType;
    }

    public int status() {
        return status;
    }

    public static String title(int status) {
        return TITLES.getOrDefault(status, "Error");
    }

    /** The response body for {@code service}; {@code wantsJson} matters for Glance only. */
    public Body render(Service service, boolean wantsJson) {
        String message = getMessage();
        if (status == 401
                && (service == Service.COMPUTE
                        || service == Service.VOLUME
                        || service == Service.SHARE
                        || service == Service.NETWORK
                        || service == Service.PLACEMENT)) {
            // keystonemiddleware refuses the token before the service sees the request, so Nova,
            // Cinder, Neutron and Placement all answer 401 in Keystone's format (contract suite, osbox)
            ObjectNode inner = Json.object();
            inner.put("code", status);
            inner.put("title", title(status));
            inner.put("message", message);
            return Body.json(Json.object("error", inner));
        }
        switch (service) {
            case COMPUTE, VOLUME, SHARE -> {
                ObjectNode inner = Json.object();
                inner.put("code", status);
                inner.put("message", message);
                return Body.json(Json.object(faultName(service, status), inner));
            }
            case NETWORK -> {
                ObjectNode inner = Json.object();
                inner.put("type", neutronType != null ? neutronType : neutronDefaultType(status));
                inner.put("message", message);
                inner.put("detail", "");
                return Body.json(Json.object("NeutronError", inner));
            }
            case IMAGE -> {
                String statusLine = status + " " + title(status);
                if (wantsJson) {
                    ObjectNode node = Json.object();
                    node.put("message", explanation(status) + "<br /><br />\n" + message + "\n\n");
                    node.put("code", statusLine);
                    node.put("title", title(status));
                    return Body.json(node);
                }
                return new Body(
                        "text/plain; charset=UTF-8",
                        statusLine + "\n\n" + explanation(status) + "\n\n" + message + "\n\n   ");
            }
            case DNS -> {
                // Designate's faults: {"code": 404, "type": "recordset_not_found", "message": ..., "request_id": ...}
                ObjectNode err = Json.object();
                err.put("code", status);
                err.put(
                        "type",
                        switch (status) {
                            case 400 -> "invalid_object";
                            case 403 -> "forbidden";
                            case 404 -> "not_found";
                            case 409 -> message.startsWith("Duplicate") ? "duplicate_recordset" : "conflict";
                            default -> "service_unavailable";
                        });
                err.put("message", message);
                err.put("request_id", "req-" + java.util.UUID.randomUUID());
                return Body.json(err);
            }
            case PLACEMENT -> {
                ObjectNode err = Json.object();
                err.put("status", status);
                err.put("title", title(status));
                err.put(
                        "detail",
                        "The server could not comply with the request since it is either malformed or"
                                + " otherwise incorrect.\n\n " + message + "  ");
                err.put("request_id", "req-" + java.util.UUID.randomUUID());
                return Body.json(Json.object("errors", Json.array().add(err)));
            }
            case UAP -> {
                return new Body(
                        "text/html",
                        "<html>\r\n<head><title>" + status + " " + title(status) + "</title></head>\r\n<body>\r\n"
                                + "<center><h1>" + status + " " + title(status) + "</h1></center>\r\n"
                                + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
            }
            default -> {
                ObjectNode inner = Json.object();
                inner.put("code", status);
                inner.put("title", title(status));
                inner.put("message", message);
                return Body.json(Json.object("error", inner));
            }
        }
    }

    /** Nova's {@code _fault_names} (nova/api/openstack/wsgi.py); Cinder lacks 429. */
    static String faultName(Service service, int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 409 -> "conflictingRequest";
            case 413 -> "overLimit";
            case 415 -> "badMediaType";
            case 429 -> service == Service.COMPUTE ? "overLimit" : "computeFault";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }

    private static String neutronDefaultType(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "NotAuthorized";
            case 403 -> "NotAuthorized";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 503 -> "ServiceUnavailable";
            default -> "HTTPInternalServerError";
        };
    }

    private static String explanation(int status) {
        return switch (status) {
            case 400 ->
                "The server could not comply with the request since it is either malformed or otherwise"
                        + " incorrect.";
            case 401 -> "This server could not verify that you are authorized to access the document you requested.";
            case 403 -> "Access was denied to this resource.";
            case 404 -> "The resource could not be found.";
            case 409 -> "There was a conflict when trying to complete your request.";
            case 413 -> "The body of your request was too large for this server.";
            default -> "The server has either erred or is incapable of performing the requested operation.";
        };
    }

    /** A rendered body and its media type. */
    public record Body(String contentType, String text) {
        static Body json(com.fasterxml.jackson.databind.JsonNode node) {
            return new Body("application/json", Json.write(node));
        }
    }
}
