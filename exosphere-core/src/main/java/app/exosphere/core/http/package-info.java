/**
 * Transport, and the two shapes every operation of the SDK answers in: a {@link app.exosphere.core.http.Call}
 * (one operation, run with {@code execute()} or {@code executeAsync()}) or a lazy
 * {@link app.exosphere.core.http.Paginator} that follows every OpenStack next-link style. Underneath,
 * {@link app.exosphere.core.http.ServiceClient} does endpoint resolution, the auth token, retries,
 * microversions and error mapping for raw requests; the typed service clients are built on it.
 *
 * <pre>{@code
 * ServiceClient nova = openStack.service(ServiceType.COMPUTE);
 * JsonNode s = nova.get("servers/{id}", id).microversion("2.27").as("server", JsonNode.class).execute();
 * Paginator<JsonNode> images = openStack.service(ServiceType.IMAGE).get("images").paginate("images", JsonNode.class, 100);
 * images.stream().limit(10).forEach(System.out::println);
 * }</pre>
 */
package app.exosphere.core.http;
