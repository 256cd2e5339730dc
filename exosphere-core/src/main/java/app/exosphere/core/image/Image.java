package app.exosphere.core.image;

import app.exosphere.core.internal.json.AllowNulls;
import app.exosphere.core.internal.json.Timestamps;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Glance image. Schema fields are typed; every other top-level member (the free-form image
 * properties such as {@code os_distro}, {@code hw_*} or {@code exoDesktopMessage}) is in
 * {@link #properties()}, with typed accessors for the ones Exosphere reads.
 *
 * <pre>{@code
 * Image img = image.get(id).execute();
 * String distro = img.osDistro().orElse("unknown");
 * img.exoDesktopMessage().ifPresent(System.out::println);   // Exosphere's `GetterSetters.imageGetDesktopMessage`
 * }</pre>
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableImage.class)
@JsonDeserialize(as = ImmutableImage.class)
public abstract class Image {
    @JsonProperty("id")
    public abstract String id();

    /** The name ({@code ""} when null). */
    @JsonProperty("name")
    @Value.Default
    public String name() {
        return "";
    }

    @JsonProperty("status")
    public abstract ImageStatus status();

    /** {@code public}, {@code community}, {@code shared} or {@code private}. */
    @JsonProperty("visibility")
    public abstract Optional<String> visibility();

    @JsonProperty("owner")
    public abstract Optional<String> owner();

    /** Size in bytes. */
    @JsonProperty("size")
    public abstract Optional<Long> size();

    @JsonProperty("virtual_size")
    public abstract Optional<Long> virtualSize();

    /** Minimum disk in GiB. */
    @JsonProperty("min_disk")
    @Value.Default
    public int minDiskGb() {
        return 0;
    }

    /** Minimum RAM in MiB. */
    @JsonProperty("min_ram")
    @Value.Default
    public int minRamMb() {
        return 0;
    }

    @JsonProperty("disk_format")
    public abstract Optional<String> diskFormat();

    @JsonProperty("container_format")
    public abstract Optional<String> containerFormat();

    @JsonProperty("tags")
    @Value.Redacted // tags are free text: one may carry a passphrase (exoPw:)
    public abstract List<String> tags();

    @JsonProperty("protected")
    @Value.Default
    public boolean isProtected() {
        return false;
    }

    @JsonProperty("os_hidden")
    @Value.Default
    public boolean hidden() {
        return false;
    }

    @JsonProperty("checksum")
    public abstract Optional<String> checksum();

    @JsonProperty("created_at")
    public abstract Optional<String> created();

    @JsonProperty("updated_at")
    public abstract Optional<String> updated();

    /** Every non-schema member, as sent (values are strings, numbers, booleans or null). */
    @JsonAnyGetter
    @AllowNulls
    public abstract Map<String, Object> properties();

    /** A property as a string, when present and not null. */
    public Optional<String> property(String key) {
        Object v = properties().get(key);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    /** {@code os_distro}, e.g. {@code ubuntu} (Exosphere's {@code Image.guessOsDefaultUsername}). */
    public Optional<String> osDistro() {
        return property("os_distro");
    }

    /** {@code os_version}, e.g. {@code 24.04}. */
    public Optional<String> osVersion() {
        return property("os_version");
    }

    /** {@code exoDesktopMessage}; an empty string means "show no message" (Exosphere's {@code GetterSetters.imageGetDesktopMessage}). */
    public Optional<String> exoDesktopMessage() {
        return property("exoDesktopMessage");
    }

    /** {@code image_type} ({@code snapshot} for images made from a server). */
    public Optional<String> imageType() {
        return property("image_type");
    }

    public Optional<Instant> createdAt() {
        return created().flatMap(Timestamps::parse);
    }

    public Optional<Instant> updatedAt() {
        return updated().flatMap(Timestamps::parse);
    }

    /** A builder, mostly for tests and simulators. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link Image}; start one with {@link Image#builder()} or {@link Image#toBuilder()}. */
    public static final class Builder extends ImmutableImage.Builder {
        Builder() {}
    }
}
