/**
 * Nova (Compute API v2.1): servers and their actions, metadata, tags, consoles, volume attachments,
 * flavors, keypairs, limits, availability zones and quota sets.
 *
 * <p>Every call lives on a small API object named after its path: {@code compute.servers()} is
 * {@code /servers}, {@code compute.servers().tags(id)} is {@code /servers/{id}/tags}, and so on.
 */
@Value.Style(
        jdkOnly = true,
        redactedMask = "****",
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true)
package app.exosphere.core.compute;

import org.immutables.value.Value;
