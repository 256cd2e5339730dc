package app.exosphere.core.image;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Filters of {@code GET /v2/images}. Properties become {@code ?key=value} query parameters.
 *
 * <pre>{@code
 * ImageListOptions o = ImageListOptions.builder().visibility("public").status("active").build();
 * image.list(o).stream().forEach(i -> System.out.println(i.name()));
 * }</pre>
 */
@Value.Immutable
public abstract class ImageListOptions {
    /** {@code visibility}: {@code public}, {@code community}, {@code shared}, {@code private} or {@code all}. */
    public abstract Optional<String> visibility();

    public abstract Optional<String> status();

    public abstract Optional<String> name();

    public abstract Optional<String> owner();

    /** Each tag becomes one {@code tag=} parameter (images must carry all). */
    @Value.Redacted // may filter on an exoPw:<passphrase> tag
    public abstract List<String> tags();

    /** Free-form property filters, e.g. {@code os_distro=ubuntu}. */
    public abstract Map<String, String> properties();

    /** Page size ({@code limit}); the paginator follows {@code next} links either way. */
    public abstract Optional<Integer> pageSize();

    /** {@code sort}, e.g. {@code name:asc}. */
    public abstract Optional<String> sort();

    /** No filters. */
    public static ImageListOptions none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ImageListOptions}; start one with {@link ImageListOptions#builder()} or {@link ImageListOptions#toBuilder()}. */
    public static final class Builder extends ImmutableImageListOptions.Builder {
        Builder() {}
    }
}
