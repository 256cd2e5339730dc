/**
 * Exosphere operations on instances: launch with Exosphere's defaults, watch, interactions (web shell,
 * web desktop, console, SSH) and lifecycle, so that instances look Exosphere-made to the web app.
 */
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
package app.exosphere.core.instance;

import org.immutables.value.Value;
