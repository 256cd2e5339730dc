package app.exosphere.core.http;

/**
 * Authenticated access to one OpenStack service of one {@code OpenStack} view (project, region,
 * interface): the transport every typed client (Nova, Glance, Neutron, Cinder, Placement) is built on.
 * Obtain it with {@code openStack.service(ServiceType.COMPUTE)}; it is cheap, immutable and thread-safe.
 *
 * <p>What it does for every request:
 *
 * <ul>
 *   <li>resolves the endpoint from the token's catalog for the service type (with aliases), the view's
 *       region and interface, or from an endpoint override; Nova {@code /v2/} URLs become {@code /v2.1/};
 *       when the catalog URL carries no version segment the service's version prefix ({@code v2.0} for
 *       Neutron, {@code v2} for Glance, {@code v3} for Cinder) is inserted, so paths are always written
 *       relative to the versioned root: {@code "networks"}, {@code "images"}, {@code "servers/detail"};
 *   <li>adds {@code X-Auth-Token} (refreshing it 5 minutes before expiry, single-flight),
 *       {@code User-Agent: exosphere-java/<version>}, {@code Accept: application/json}, and the
 *       microversion headers ({@code OpenStack-API-Version: compute 2.27} plus
 *       {@code X-OpenStack-Nova-API-Version} for Nova) when the request asks for one;
 *   <li>on 401 re-authenticates once and replays; retries idempotent requests on connection failures
 *       and 429/502/503/504 (honouring {@code Retry-After}); maps errors to the
 *       {@code app.exosphere.core.error} hierarchy;
 *   <li>logs method, URL, status, duration and request id at DEBUG, redacted bodies at TRACE.
 * </ul>
 *
 * <pre>{@code
 * ServiceClient nova = openStack.service(ServiceType.COMPUTE);
 * JsonNode server =
 *         nova.get("servers/{id}", serverId).microversion("2.27").as("server", JsonNode.class).execute();
 * nova.post("servers/{id}/action", serverId).body(Map.of("os-start", Map.of())).execute();
 * CompletableFuture<JsonNode> flavors =
 *         nova.get("flavors/detail").minimumMicroversion("2.61").json().executeAsync();
 * List<JsonNode> networks = openStack.service(ServiceType.NETWORK)
 *         .get("networks").paginate("networks", JsonNode.class, 200).toList();
 * }</pre>
 */
public interface ServiceClient {
    /** The service type this client talks to. */
    ServiceType type();

    /**
     * Resolves the versioned endpoint root (ending in {@code /}) requests are resolved against; may
     * authenticate to read the catalog.
     */
    Call<String> endpoint();

    /**
     * Sends {@code request} when the returned call is executed; the call's result is the successful
     * response, errors throw (or fail the future).
     */
    Call<OpenStackResponse> send(OpenStackRequest request);

    /**
     * Reads the microversions the service supports, once from its version document, then from the cache.
     * Executing it fails with {@link app.exosphere.core.error.MicroversionNotSupportedException} if the
     * service has none.
     */
    Call<MicroversionRange> microversions();

    /** {@code min(client max, server max)}: what {@code negotiatedMicroversion()} requests send. */
    Microversion negotiatedMicroversion();

    /**
     * A lazy listing starting with {@code first}; {@code collectionKey} names the array in each page
     * ({@code servers}, {@code images}, {@code networks}, {@code projects}).
     */
    <T> Paginator<T> paginate(OpenStackRequest first, String collectionKey, Class<T> itemType);

    /** Starts a request with any method. */
    default ServiceCall request(String method, String pathTemplate, Object... pathArgs) {
        return new ServiceCall(this, OpenStackRequest.builder(method, pathTemplate, pathArgs));
    }

    /** Starts a GET. Placeholders {@code {x}} are filled with {@code pathArgs}, each encoded. */
    default ServiceCall get(String pathTemplate, Object... pathArgs) {
        return request("GET", pathTemplate, pathArgs);
    }

    /** Starts a POST (never retried unless marked {@link ServiceCall#idempotent(boolean)}). */
    default ServiceCall post(String pathTemplate, Object... pathArgs) {
        return request("POST", pathTemplate, pathArgs);
    }

    /** Starts a PUT. */
    default ServiceCall put(String pathTemplate, Object... pathArgs) {
        return request("PUT", pathTemplate, pathArgs);
    }

    /** Starts a PATCH. */
    default ServiceCall patch(String pathTemplate, Object... pathArgs) {
        return request("PATCH", pathTemplate, pathArgs);
    }

    /** Starts a DELETE. */
    default ServiceCall delete(String pathTemplate, Object... pathArgs) {
        return request("DELETE", pathTemplate, pathArgs);
    }

    /** Starts a HEAD. */
    default ServiceCall head(String pathTemplate, Object... pathArgs) {
        return request("HEAD", pathTemplate, pathArgs);
    }
}
