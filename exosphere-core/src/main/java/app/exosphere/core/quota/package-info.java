/**
 * Quota usage shared by the service clients: a used/limit pair where -1 means unlimited.
 */
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
package app.exosphere.core.quota;

import org.immutables.value.Value;
