/**
 * Cloud-init user data for Exosphere-style instances.
 */
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
package app.exosphere.cloudinit;

import org.immutables.value.Value;
