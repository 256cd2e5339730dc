package app.exosphere.core.config;

import java.util.Objects;

/**
 * A {@code {filterKey, filterValue}} pair matched against an image property (cloud
 * {@code imageExcludeFilter}, instance-type {@code imageFilters.metadata}; Exosphere's {@code State.Init.cloudSpecificConfigDecoder} and {@code docs/instance-types.md}).
 *
 * <pre>{@code
 * MetadataFilter hidden = new MetadataFilter("os_hidden", "true");
 * }</pre>
 *
 * @param filterKey the image property name
 * @param filterValue the value it must equal
 */
public record MetadataFilter(String filterKey, String filterValue) {
    public MetadataFilter {
        Objects.requireNonNull(filterKey, "filterKey");
        Objects.requireNonNull(filterValue, "filterValue");
    }
}
