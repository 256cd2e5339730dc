/**
 * Glance (Image API v2): list with filters across pages, get, update properties, delete.
 *
 * <p>{@code image.images()} is {@code /v2/images}.
 */
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
package app.exosphere.core.image;

import org.immutables.value.Value;
