/**
 * Manila (Shared File Systems API v2, catalog type {@code sharev2}): shares, share types, export
 * locations, access rules and limits, with the microversions Exosphere's {@code OpenStack.Shares} uses.
 *
 * <p>{@code openStack.share().shares()} is {@code /shares}.
 */
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
package app.exosphere.core.share;

import org.immutables.value.Value;
