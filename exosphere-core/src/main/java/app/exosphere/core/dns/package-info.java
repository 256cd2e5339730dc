/**
 * Designate (DNS API v2): zones and record sets, as the Exosphere web app reads and writes them
 * ({@code Rest.Designate}) to give floating IPs hostnames.
 *
 * <p>{@code openStack.dns()} is the client; the catalog type is {@code dns}.
 */
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
package app.exosphere.core.dns;

import org.immutables.value.Value;
