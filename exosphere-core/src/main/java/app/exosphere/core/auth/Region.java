package app.exosphere.core.auth;

/**
 * A Keystone region, as listed by {@code GET /v3/regions}.
 *
 * <pre>{@code
 * for (Region r : openStack.regions().execute()) System.out.println(r.id());
 * }</pre>
 *
 * @param id the region id ({@code IU}, {@code RegionOne})
 * @param description the description (may be empty)
 * @param parentRegionId the parent region id, or null
 */
public record Region(String id, String description, String parentRegionId) {}
