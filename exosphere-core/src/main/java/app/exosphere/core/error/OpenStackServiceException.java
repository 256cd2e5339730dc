package app.exosphere.core.error;

import java.util.Optional;

/**
 * An OpenStack service answered with an error status. Subclasses exist for the statuses a caller
 * usually handles: {@link BadRequestException} (400), {@link UnauthorizedException} (401),
 * {@link ForbiddenException} (403), {@link NotFoundException} (404), {@link ConflictException} (409),
 * {@link OverLimitException} (413/429) and {@link ServerErrorException} (5xx).
 *
 * <pre>{@code
 * try { compute.servers().get(serverId); } catch (OpenStackServiceException e) {
 *     System.err.println(e.status() + " from " + e.service() + ": " + e.openStackMessage()
 *             + " (request " + e.requestId().orElse("-") + ")");
 * }
 * }</pre>
 */
public class OpenStackServiceException extends OpenStackException {
    private static final long serialVersionUID = 1L;

    private final transient ServiceError error;

    public OpenStackServiceException(ServiceError error) {
        super(describe(error));
        this.error = error;
    }

    static String describe(ServiceError e) {
        StringBuilder sb = new StringBuilder()
                .append(e.service())
                .append(' ')
                .append(e.method())
                .append(' ')
                .append(e.path())
                .append(" failed with HTTP ")
                .append(e.status())
                .append(": ")
                .append(e.message());
        if (e.requestId() != null) {
            sb.append(" (request id ").append(e.requestId()).append(')');
        }
        return sb.toString();
    }

    /** Everything known about the failure. */
    public ServiceError error() {
        return error;
    }

    /** The HTTP status code. */
    public int status() {
        return error.status();
    }

    /** The catalog service type that answered. */
    public String service() {
        return error.service();
    }

    /** The HTTP method of the failed request. */
    public String method() {
        return error.method();
    }

    /** The path of the failed request. */
    public String path() {
        return error.path();
    }

    /** The {@code X-OpenStack-Request-ID} of the response, for the cloud operators. */
    public Optional<String> requestId() {
        return error.requestIdValue();
    }

    /** The message the service gave, parsed from its error body. */
    public String openStackMessage() {
        return error.message();
    }
}
