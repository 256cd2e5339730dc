/**
 * Lazy pagination over every OpenStack next-link style.
 *
 * <pre>{@code
 * Paginator<JsonNode> images = openStack.service(ServiceType.IMAGE).get("images").paginate("images", JsonNode.class, 100);
 * images.stream().limit(10).forEach(System.out::println);
 * }</pre>
 */
package app.exosphere.core.page;
