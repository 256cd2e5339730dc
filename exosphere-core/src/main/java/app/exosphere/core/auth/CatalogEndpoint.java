package app.exosphere.core.auth;

/**
 * One endpoint of a catalog service.
 *
 * <pre>{@code
 * String novaUrl = token.catalog().endpoint(ServiceType.COMPUTE, "IU", EndpointInterface.PUBLIC)
 *         .map(CatalogEndpoint::url).orElseThrow();
 * }</pre>
 *
 * @param id the endpoint id
 * @param interfaceName {@code public}, {@code internal} or {@code admin}
 * @param regionId the region id, or null
 * @param url the endpoint URL
 */
public record CatalogEndpoint(String id, String interfaceName, String regionId, String url) {}
