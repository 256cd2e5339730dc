/**
 * Neutron (Networking API v2.0): networks, auto-allocated topology, subnets, routers, ports, floating
 * IPs, security groups and rules, quotas with usage.
 *
 * <p>{@code network.floatingIps()} is {@code /v2.0/floatingips}, and so on.
 */
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
package app.exosphere.core.network;

import org.immutables.value.Value;
