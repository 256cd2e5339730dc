package app.exosphere.core.image;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Glance v2 client. Immutable and thread-safe; obtain it from {@code openStack.image()}.
 *
 * <pre>{@code
 * ImageClient glance = openStack.image();
 * List<Image> active = glance.list(ImageListOptions.builder().status("active").build()).toList();
 * Image img = glance.get(id).execute();
 * glance.setProperties(img, Map.of("os_distro", "ubuntu")).execute();
 * }</pre>
 */
public final class ImageClient {
    private final ServiceClient glance;

    private ImageClient(ServiceClient glance) {
        this.glance = glance;
    }

    /** A client on an authenticated image transport ({@code openStack.service(ServiceType.IMAGE)}). */
    public static ImageClient on(ServiceClient glance) {
        Objects.requireNonNull(glance, "glance");
        if (!glance.type().equals(ServiceType.IMAGE)) {
            throw new IllegalArgumentException("ImageClient needs an image transport, got " + glance.type());
        }
        return new ImageClient(glance);
    }

    /** The underlying transport, for calls this client does not cover. */
    public ServiceClient transport() {
        return glance;
    }

    /** {@code GET /v2/images} with filters, lazily across pages (Glance {@code next} links). */
    public Paginator<Image> list(ImageListOptions options) {
        ServiceCall c = glance.get("images");
        options.visibility().ifPresent(v -> c.query("visibility", v));
        options.status().ifPresent(v -> c.query("status", v));
        options.name().ifPresent(v -> c.query("name", v));
        options.owner().ifPresent(v -> c.query("owner", v));
        options.tags().forEach(t -> c.query("tag", t));
        options.sort().ifPresent(v -> c.query("sort", v));
        c.query(options.properties());
        return options.pageSize().isPresent()
                ? c.paginate("images", Image.class, options.pageSize().get())
                : c.paginate("images", Image.class);
    }

    /** {@code GET /v2/images}: every image the project can see, lazily. */
    public Paginator<Image> list() {
        return list(ImageListOptions.none());
    }

    /** {@code GET /v2/images/{id}}. */
    public Call<Image> get(String imageId) {
        return Operation.of(() -> glance.get("images/{id}", imageId), r -> Decode.convert(r, r.json(), Image.class));
    }

    /** {@code PATCH /v2/images/{id}} with a JSON-patch; returns the updated image. */
    public Call<Image> update(String imageId, ImageUpdate update) {
        byte[] body = update.toBytes();
        return Operation.of(
                () -> glance.patch("images/{id}", imageId).body(body, ImageUpdate.MEDIA_TYPE),
                r -> Decode.convert(r, r.json(), Image.class));
    }

    /** Sets properties on {@code image}, choosing {@code add} or {@code replace} per property. */
    public Call<Image> setProperties(Image image, Map<String, String> properties) {
        return update(image.id(), ImageUpdate.setProperties(image, properties));
    }

    /**
     * {@code PATCH /v2/images/{id}} {@code [{"op":"replace","path":"/visibility","value":…}]} (Exosphere's
     * {@code Rest.Glance.requestChangeVisibility}); returns the updated image.
     */
    public Call<Image> setVisibility(String imageId, ImageVisibility visibility) {
        return update(
                imageId,
                ImageUpdate.builder()
                        .replace("visibility", visibility.apiValue())
                        .build());
    }

    /** {@code DELETE /v2/images/{id}} (Exosphere's {@code Rest.Glance.requestDeleteImage}). */
    public Call<Void> delete(String imageId) {
        return Operation.noResult(() -> glance.delete("images/{id}", imageId));
    }

    @Override
    public String toString() {
        return "ImageClient{" + glance.type() + "}";
    }
}
