/**
 * The exception hierarchy: {@link app.exosphere.core.error.OpenStackException} with client-side
 * ({@link app.exosphere.core.error.OpenStackClientException}) and service-side
 * ({@link app.exosphere.core.error.OpenStackServiceException}) branches.
 *
 * <pre>{@code
 * try { nova.get("servers/{id}", id).execute(); } catch (NotFoundException e) { System.out.println("gone"); }
 * }</pre>
 */
package app.exosphere.core.error;
