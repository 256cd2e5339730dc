/**
 * Transport: {@link app.exosphere.core.http.ServiceClient} (endpoint resolution, auth token, retries,
 * microversions, error mapping, pagination) and its requests, responses and options. Typed service
 * clients are built on it.
 *
 * <pre>{@code
 * ServiceClient nova = openStack.service(ServiceType.COMPUTE);
 * JsonNode s = nova.get("servers/{id}", id).microversion("2.27").as("server", JsonNode.class);
 * }</pre>
 */
package app.exosphere.core.http;
