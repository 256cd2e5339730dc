/**
 * Cinder (Block Storage API v3): volumes, volume types, attachments as seen from Cinder, limits and
 * quota sets.
 *
 * <p>{@code volume.volumes()} is {@code /volumes}.
 */
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
package app.exosphere.core.volume;

import org.immutables.value.Value;
